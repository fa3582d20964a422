package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.NameChangeRequest;
import org.kea4j.ncr.NcrUdpListener;
import org.kea4j.sql.internal.KeaAdmin;
import org.kea4j.sql.internal.SqlEngine;
import org.kea4j.sql.internal.TestDatabase;

/**
 * Two kea4j processes reclaim the expired leases of one database at the same time: each lease is reclaimed by
 * exactly one of them, its {@code lease4_expire} callouts run once — seen as exactly one DNS removal request
 * (the DDNS library's callout) per lease at a D2 port of the test's — and the two servers' {@code
 * reclaimed-leases} statistics add up to the number of leases.
 */
class SqlSharedReclamationIT {

    private static final int LEASES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void twoServersReclaimEachExpiredLeaseOnce(SqlEngine engine) throws Exception {
        Map<String, Integer> removals = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create(engine);
                NcrUdpListener d2 = NcrUdpListener.open(new InetSocketAddress("127.0.0.1", 0), new NcrUdpListener.Receiver() {
                    @Override
                    public void received(NameChangeRequest ncr) {
                        if (ncr.changeType() == ChangeType.REMOVE) {
                            synchronized (removals) {
                                removals.merge(ncr.ipAddress().getHostAddress(), 1, Integer::sum);
                            }
                        }
                    }

                    @Override
                    public void invalid(InetSocketAddress from, String reason) {
                        invalid.add(reason);
                    }
                })) {
            KeaAdmin.run("db-init", db);
            int d2Port = d2.localAddress().getPort();
            try (Kea4jProcess a = start("a", db, d2Port); Kea4jProcess b = start("b", db, d2Port)) {
                // both servers run their reclamation every second, each over all expired leases (a run takes longer
                // than a second here): their runs overlap and race for the same leases
                db.execute(insertExpired(engine));
                assertTrue(Poll.until(90_000, () -> reclaimed(db) == LEASES), "reclaimed " + reclaimed(db) + " of "
                        + LEASES + "\nA:\n" + a.output() + "\nB:\n" + b.output());
                assertTrue(Poll.until(10_000, () -> total(removals) >= LEASES), "removals " + total(removals));
                Thread.sleep(2_000); // time for a second request of a lease, were one sent
                long byA = statistic(a);
                long byB = statistic(b);
                System.out.printf("%s: of %d expired leases server A reclaimed %d, server B %d%n", engine.displayName(),
                        LEASES, byA, byB);
                assertEquals(LEASES, byA + byB, "each lease reclaimed by one server");
                synchronized (removals) {
                    assertEquals(LEASES, removals.size(), "a removal request for every lease");
                    List<String> twice = removals.entrySet().stream().filter(e -> e.getValue() > 1)
                            .map(Map.Entry::getKey).toList();
                    assertEquals(List.of(), twice, "lease4_expire ran once per lease");
                }
                assertEquals(List.of(), invalid);
            }
        }
    }

    private static int total(Map<String, Integer> removals) {
        synchronized (removals) {
            return removals.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static long reclaimed(TestDatabase db) throws Exception {
        return Long.parseLong(db.rows("SELECT COUNT(*) FROM lease4 WHERE state = 2").get(0));
    }

    /** Leases of 192.0.3.1 and up, with names for DDNS, that expired an hour ago. */
    private static String insertExpired(SqlEngine engine) {
        StringBuilder sql = new StringBuilder("INSERT INTO lease4 (address, hwaddr, valid_lifetime, expire, subnet_id, "
                + "fqdn_fwd, fqdn_rev, hostname, state) VALUES ");
        for (int i = 1; i <= LEASES; i++) {
            String mac = "0a0000%06x".formatted(i);
            sql.append(i > 1 ? ", " : "").append('(').append(0xC0000300L + i).append(", ")
                    .append(engine == SqlEngine.POSTGRESQL ? "decode('" + mac + "', 'hex')" : "UNHEX('" + mac + "')")
                    .append(", 3600, ").append(engine == SqlEngine.POSTGRESQL ? "NOW() - INTERVAL '1 hour'"
                            : "NOW() - INTERVAL 1 HOUR")
                    .append(", 1, TRUE, TRUE, 'h").append(i).append(".example.com.', 0)");
        }
        return sql.toString();
    }

    private long statistic(Kea4jProcess server) throws Exception {
        JsonNode answer = JSON.readTree(ControlClient.send(server.workDir().resolve("ctrl.sock"),
                "{\"command\": \"statistic-get\", \"arguments\": {\"name\": \"reclaimed-leases\"}}"));
        return answer.path("arguments").path("reclaimed-leases").get(0).get(0).asLong();
    }

    private Kea4jProcess start(String name, TestDatabase db, int d2Port) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        Path config = work.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "%s", "name": "%s", "host": "127.0.0.1", "user": "%s" },
                    "expired-leases-processing": { "reclaim-timer-wait-time": 1, "max-reclaim-leases": 0,
                                                   "max-reclaim-time": 0, "hold-reclaimed-time": 3600 },
                    "dhcp-ddns": { "enable-updates": true, "server-ip": "127.0.0.1", "server-port": %d,
                                   "max-queue-size": 4096 },
                    "ddns-qualifying-suffix": "example.com",
                    "subnet4": [ { "id": 1, "subnet": "192.0.0.0/16", "pools": [ { "pool": "192.0.3.1 - 192.0.7.254" } ] } ]
                } }""".formatted(db.engine().type(), db.name(), db.engine() == SqlEngine.POSTGRESQL ? "postgres" : "root",
                d2Port));
        Path socket = work.resolve("ctrl.sock");
        Kea4jProcess p = Kea4jProcess.start(work, "-c", config.toString(), "-p",
                String.valueOf(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString());
        assertTrue(p.awaitControl(socket, 90_000), p.output());
        return p;
    }
}
