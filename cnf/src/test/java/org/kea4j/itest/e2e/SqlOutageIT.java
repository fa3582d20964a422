package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.Dhcp4Exchange;
import org.kea4j.sql.internal.PrivatePostgres;

/**
 * A PostgreSQL outage while clients are served: kea4j.jar leases addresses from a PostgreSQL server of the
 * test's own, which the test stops for a few seconds and starts again. kea4j keeps running, logs the outage
 * once (not per packet), answers nothing it cannot store, reconnects by itself and serves again; every ACK a
 * client received has its row, with that client.
 */
class SqlOutageIT {

    @TempDir
    Path dir;

    private static String mac(int n) {
        return String.format("02:00:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    private static byte[] macBytes(int n) {
        return new byte[] {2, 0, 0, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    @Test
    void keaServesAgainAfterThePostgresqlServerComesBackAndLosesNoAcknowledgedLease() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start(null, "127.0.0.1");
             Dhcp4Exchange client = Dhcp4Exchange.withPortPair()) {
            DbAccess access = pg.createKeaDatabase("kea");
            Path config = dir.resolve("kea4j.json");
            Files.writeString(config, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "lo" ] },
                        "lease-database": { "type": "postgresql", "name": "kea", "host": "127.0.0.1", "port": %d,
                                            "user": "postgres", "connect-timeout": 2, "max-reconnect-tries": 300,
                                            "reconnect-wait-time": 100, "on-fail": "stop-retry-exit" },
                        "valid-lifetime": 86400,
                        "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.6.0.0 - 127.6.255.255" } ] } ]
                    } }""".formatted(Integer.parseInt(access.get("port").orElseThrow())));
            Path socket = dir.resolve("ctrl.sock");
            try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p",
                    String.valueOf(client.serverPort()), "--control-socket", socket.toString())) {
                assertTrue(server.awaitControl(socket, 60_000), server.output());
                Map<String, String> acked = new ConcurrentHashMap<>(); // client -> address
                AtomicInteger unanswered = new AtomicInteger();
                AtomicBoolean running = new AtomicBoolean(true);
                Thread clients = new Thread(() -> {
                    int n = 1;
                    while (running.get()) {
                        try {
                            Pkt4 ack = client.lease(0x10000L * n, macBytes(n));
                            if (ack != null && ack.getType() == Pkt4.DHCPACK) {
                                acked.put(mac(n), ack.yiaddr().getHostAddress());
                            } else {
                                unanswered.incrementAndGet();
                            }
                        } catch (Exception e) {
                            unanswered.incrementAndGet();
                        }
                        n++;
                    }
                }, "dora-clients");
                clients.start();
                try {
                    Poll.until(30_000, () -> acked.size() >= 50);
                    int beforeOutage = acked.size();
                    pg.stop();
                    Thread.sleep(3_000);
                    int duringOutage = acked.size();
                    pg.start();
                    assertTrue(Poll.until(60_000, () -> acked.size() >= duringOutage + 50),
                            "kea4j serves again after the database returns\n" + server.output());
                    assertTrue(beforeOutage >= 50);
                    assertTrue(unanswered.get() > 0, "clients went unanswered while the database was down");
                } finally {
                    running.set(false);
                    clients.join(15_000);
                }
                assertTrue(server.process().isAlive(), "kea4j kept running");
                List<String> rows = pg.rows("kea", "SELECT address, encode(hwaddr, 'hex') FROM lease4");
                Map<String, String> stored = new java.util.HashMap<>(); // hardware address -> address
                for (String row : rows) {
                    String[] f = row.split("\\|");
                    long a = Long.parseLong(f[0]);
                    stored.put(f[1].replaceAll("(..)(?!$)", "$1:"),
                            org.kea4j.dhcpsrv.Addresses.fromLong(a).getHostAddress());
                }
                List<String> missing = new ArrayList<>();
                acked.forEach((mac, address) -> {
                    if (!address.equals(stored.get(mac))) {
                        missing.add(mac + " " + address + " stored as " + stored.get(mac));
                    }
                });
                assertEquals(List.of(), missing, "every acknowledged lease has its row");
                Set<String> addresses = new HashSet<>(stored.values());
                assertEquals(stored.size(), addresses.size(), "no address went to two clients");
                String log = server.output();
                assertEquals(1, count(log, "DHCP4_DB_RECONNECT_LOST_CONNECTION"), log);
                assertEquals(1, count(log, "DHCPSRV_PGSQL_FATAL_ERROR"), log);
                assertEquals(1, count(log, "DHCP4_DB_RECONNECT_SUCCEEDED"), log);
                assertEquals(0, count(log, "DHCP4_PACKET_PROCESS_FAIL") + count(log, "DHCPSRV_ADDRESS4_ALLOC_ERROR")
                        + count(log, "DHCP4_LEASE_ALLOC_FAIL"), "no line per packet during the outage:\n" + log);
                System.out.printf("outage: %d leases acknowledged, %d clients unanswered while the database was down%n",
                        acked.size(), unanswered.get());
            }
        }
    }

    private static long count(String log, String id) {
        return log.lines().filter(l -> l.contains(" " + id + " ")).count();
    }
}
