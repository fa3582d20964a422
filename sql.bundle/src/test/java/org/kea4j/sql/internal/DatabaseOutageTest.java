package org.kea4j.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabaseUnavailableException;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.slf4j.LoggerFactory;

/**
 * Kea's recovery from a lost database, on a PostgreSQL server of the test's own that it stops and starts: the
 * outage is logged once however many operations fail, operations fail at once while it lasts, the manager
 * reconnects by itself, and {@code on-fail} decides whether the server serves meanwhile and whether it exits.
 */
class DatabaseOutageTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root().detachAppender(log);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private long lines(String id) {
        synchronized (log.list) {
            return log.list.stream().filter(e -> e.getFormattedMessage().startsWith(id + " ")).count();
        }
    }

    private static DbAccess with(DbAccess access, String... keyValues) {
        Map<String, String> params = new HashMap<>(access.parameters());
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return new DbAccess(access.type(), params);
    }

    private static Lease4 lease(int n) throws Exception {
        return Lease4.builder((Inet4Address) InetAddress.getByName("10.1." + (n / 250) + "." + (n % 250 + 1)))
                .hwaddr(HWAddr.parse(String.format("08:00:27:00:%02x:%02x", n / 256, n % 256))).validLifetime(3600)
                .cltt(System.currentTimeMillis() / 1000).subnetId(1).build();
    }

    @Test
    void anOutageIsLoggedOnceAndTheManagerReconnectsByItself() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start(null, "127.0.0.1")) {
            DbAccess access = with(pg.createKeaDatabase("outage"), "max-reconnect-tries", "200",
                    "reconnect-wait-time", "100", "on-fail", "serve-retry-continue");
            try (LeaseMgr mgr = SqlLeaseMgrFactory.open(SqlEngine.POSTGRESQL, access, 4)) {
                Lease4 first = lease(0);
                assertTrue(mgr.addLease(first));
                pg.stop();
                for (int i = 1; i <= 50; i++) {
                    int n = i;
                    assertThrows(LeaseDatabaseUnavailableException.class, () -> mgr.addLease(lease(n)));
                }
                long started = System.nanoTime();
                for (int i = 51; i <= 250; i++) {
                    int n = i;
                    assertThrows(LeaseDatabaseUnavailableException.class, () -> mgr.getLease4(lease(n).address()));
                }
                long perOperation = (System.nanoTime() - started) / 200;
                assertTrue(perOperation < 5_000_000, "operations fail at once while the database is lost: "
                        + perOperation + " ns each");
                assertTrue(mgr.serving(), "serve-retry-continue: the server keeps serving");
                assertEquals(1, lines("DHCP4_DB_RECONNECT_LOST_CONNECTION"), "one line per outage: " + log.list);
                assertEquals(1, lines("DHCPSRV_PGSQL_FATAL_ERROR"));

                pg.start();
                long deadline = System.currentTimeMillis() + 30_000;
                boolean stored = false;
                while (!stored && System.currentTimeMillis() < deadline) {
                    try {
                        stored = mgr.addLease(lease(300));
                    } catch (LeaseDatabaseUnavailableException notYet) {
                        Thread.sleep(100);
                    }
                }
                assertTrue(stored, "the manager reconnected: " + log.list);
                assertEquals(1, lines("DHCP4_DB_RECONNECT_SUCCEEDED"));
                assertEquals(first, mgr.getLease4(first.address()).orElseThrow(), "nothing acknowledged was lost");
                assertEquals(2, mgr.getLeases4().size());
                assertEquals(1, lines("DHCP4_DB_RECONNECT_LOST_CONNECTION"));
            }
        }
    }

    @Test
    void stopRetryExitStopsServingAndExitsWhenTheTriesRunOut() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start(null, "127.0.0.1")) {
            DbAccess access = with(pg.createKeaDatabase("exiting"), "max-reconnect-tries", "3",
                    "reconnect-wait-time", "100");
            AtomicInteger exits = new AtomicInteger();
            try (LeaseMgr mgr = SqlLeaseMgrFactory.open(SqlEngine.POSTGRESQL, access, 6)) {
                mgr.onFatal(exits::incrementAndGet);
                assertTrue(mgr.serving());
                pg.stop();
                assertThrows(LeaseDatabaseUnavailableException.class, () -> mgr.getLeases6());
                assertFalse(mgr.serving(), "stop-retry-exit: no service while the database is lost");
                long deadline = System.currentTimeMillis() + 20_000;
                while (exits.get() == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, exits.get(), "the process is told to end once: " + log.list);
                assertEquals(3, lines("DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE"));
                assertEquals(3, lines("DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED"));
                assertEquals(1, lines("DHCPSRV_PGSQL_LEASE_DB_RECONNECT_FAILED"));
                assertEquals(1, lines("DHCP6_DB_RECONNECT_FAILED"));
            }
        }
    }

    @Test
    void withReconnectDisabledAsByDefaultTheServerExitsAtOnce() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start(null, "127.0.0.1")) {
            DbAccess access = pg.createKeaDatabase("defaults");
            AtomicInteger exits = new AtomicInteger();
            try (LeaseMgr mgr = SqlLeaseMgrFactory.open(SqlEngine.POSTGRESQL, access, 4)) {
                mgr.onFatal(exits::incrementAndGet);
                pg.stop();
                assertThrows(LeaseDatabaseUnavailableException.class, () -> mgr.getLeases4());
                assertEquals(1, exits.get());
                assertEquals(List.of("DHCP4_DB_RECONNECT_DISABLED database reconnect is disabled: max-reconnect-tries 0, "
                        + "reconnect-wait-time 0"), log.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.startsWith("DHCP4_DB_RECONNECT_DISABLED")).toList());
            }
        }
    }

    @Test
    void aWrongOnFailValueIsRefused() {
        DbAccess access = with(TestDatabase.access(SqlEngine.POSTGRESQL, "x"), "on-fail", "retry-forever");
        Exception e = assertThrows(org.kea4j.config.ConfigException.class,
                () -> new PgsqlLeaseMgrFactory().validate(access, 4));
        assertTrue(e.getMessage().contains("retry-forever"), e.getMessage());
    }
}
