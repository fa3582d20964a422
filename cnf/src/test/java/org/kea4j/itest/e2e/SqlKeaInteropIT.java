package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.itest.net.Dhcp4Exchange;
import org.kea4j.itest.net.KeaDaemon;
import org.kea4j.sql.internal.KeaAdmin;
import org.kea4j.sql.internal.SqlEngine;
import org.kea4j.sql.internal.TestDatabase;

/**
 * kea4j and the real Kea 2.2 share one SQL database: Kea's {@code kea-admin db-init} creates it, kea4j.jar
 * serves clients from it, then Kea 2.2's {@code kea-dhcp4} on the same database finds those leases
 * ({@code lease4-get-all}), gives the same client its address again and never offers a leased address to
 * another client. PostgreSQL and MariaDB, each in a database of the test's own.
 */
class SqlKeaInteropIT {

    private static final int POOL_SIZE = 5;

    @TempDir
    Path dir;

    private static String leaseDatabase(TestDatabase db) {
        return """
                "lease-database": { "type": "%s", "name": "%s", "host": "127.0.0.1", "user": "%s", "password": "" },"""
                .formatted(db.engine().type(), db.name(), db.engine() == SqlEngine.POSTGRESQL ? "postgres" : "root");
    }

    private static final String SUBNET = """
            "valid-lifetime": 4000,
            "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.5.10 - 127.0.5.14" } ] } ]""";

    private static byte[] mac(int n) {
        return new byte[] {2, 0, 0, 0, 0x55, (byte) n};
    }

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void keaServesFromTheDatabaseKea4jFilled(SqlEngine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine); Dhcp4Exchange client = Dhcp4Exchange.withPortPair()) {
            KeaAdmin.run("db-init", db);
            Map<String, String> leased = new TreeMap<>(); // address -> hardware address
            Path ourDir = Files.createDirectories(dir.resolve("kea4j-" + engine.adminName()));
            Path config = ourDir.resolve("kea4j.json");
            Files.writeString(config, """
                    { "Dhcp4": { "interfaces-config": { "interfaces": [ "lo" ] }, %s %s } }
                    """.formatted(leaseDatabase(db), SUBNET));
            Path socket = ourDir.resolve("ctrl.sock");
            try (Kea4jProcess ours = Kea4jProcess.start(ourDir, "-c", config.toString(), "-p",
                    String.valueOf(client.serverPort()), "--control-socket", socket.toString())) {
                assertTrue(ours.awaitControl(socket, 60_000), ours.output());
                for (int n = 1; n < POOL_SIZE; n++) {
                    Pkt4 ack = client.lease(0x5500 + 16L * n, mac(n));
                    assertNotNull(ack, ours.output());
                    assertEquals(Pkt4.DHCPACK, ack.getType());
                    leased.put(ack.yiaddr().getHostAddress(), "02:00:00:00:55:0" + n);
                }
            }
            assertEquals(POOL_SIZE - 1, db.rows("SELECT address FROM lease4").size(), "kea4j stored every lease");
            assertEquals(List.of("1|0|" + (POOL_SIZE - 1)), db.rows("SELECT subnet_id, state, leases FROM lease4_stat"),
                    "Kea's triggers counted kea4j's leases");

            Path keaDir = Files.createDirectories(dir.resolve("kea-" + engine.adminName()));
            try (KeaDaemon kea = KeaDaemon.start(4, null, keaDir, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "lo" ], "dhcp-socket-type": "udp" },
                        %s
                        "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                        "hooks-libraries": [ { "library": "%s" } ],
                        "loggers": [ { "name": "kea-dhcp4", "severity": "INFO", "output_options": [ { "output": "stdout" } ] } ],
                        %s } }
                    """.formatted(leaseDatabase(db), KeaDaemon.socket(keaDir, 4), KeaDaemon.LEASE_CMDS, SUBNET),
                    "-p", String.valueOf(client.serverPort()), "-P", String.valueOf(client.serverPort() + 1))) {
                JsonNode all = kea.command("{\"command\": \"lease4-get-all\"}");
                Map<String, String> found = new TreeMap<>();
                for (JsonNode lease : all.path("arguments").path("leases")) {
                    found.put(lease.get("ip-address").textValue(), lease.get("hw-address").textValue());
                    assertEquals(4000, lease.get("valid-lft").asInt());
                }
                assertEquals(leased, found, "Kea 2.2 reads kea4j's leases: " + all);

                Pkt4 newcomer = client.lease(0x5600, mac(9));
                assertNotNull(newcomer, kea.output());
                List<String> pool = new ArrayList<>();
                for (int i = 10; i < 10 + POOL_SIZE; i++) {
                    pool.add("127.0.5." + i);
                }
                pool.removeAll(leased.keySet());
                assertEquals(pool, List.of(newcomer.yiaddr().getHostAddress()),
                        "a new client gets the one address kea4j did not lease");
                assertNull(client.lease(0x5700, mac(10)), "the pool is full: no leased address is offered again");
                Pkt4 returning = client.lease(0x5800, mac(1));
                assertNotNull(returning, kea.output());
                assertEquals("02:00:00:00:55:01", leased.get(returning.yiaddr().getHostAddress()),
                        "a client of kea4j keeps its address under Kea");
            }
        }
    }
}
