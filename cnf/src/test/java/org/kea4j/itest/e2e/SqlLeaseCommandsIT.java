package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.itest.ControlClient;
import org.kea4j.sql.internal.KeaAdmin;
import org.kea4j.sql.internal.SqlEngine;
import org.kea4j.sql.internal.TestDatabase;

/**
 * Kea's lease commands on an SQL lease database (one Kea's kea-admin made), as on memfile: each command's answer,
 * and what it did seen with SQL in Kea's {@code lease4} / {@code lease6} tables.
 */
class SqlLeaseCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void leaseCommandsWorkOnSqlAsOnMemfile(SqlEngine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            KeaAdmin.run("db-init", db);
            String access = """
                    "lease-database": { "type": "%s", "name": "%s", "host": "127.0.0.1", "user": "%s" }""".formatted(
                    engine.type(), db.name(), engine == SqlEngine.POSTGRESQL ? "postgres" : "root");
            Path config = dir.resolve("kea4j.json");
            Files.writeString(config, """
                    { "Dhcp4": { "interfaces-config": { "interfaces": [ ] }, %1$s, "valid-lifetime": 4000,
                        "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" }, { "id": 2, "subnet": "198.51.100.0/24" } ] },
                      "Dhcp6": { "interfaces-config": { "interfaces": [ ] }, %1$s,
                        "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                        "subnet6": [ { "id": 1, "subnet": "2001:db8::/32" } ] } }""".formatted(access));
            Path socket = dir.resolve("ctrl.sock");
            try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "--control-socket",
                    socket.toString())) {
                assertTrue(server.awaitControl(socket, 90_000), server.output());
                String hex = engine == SqlEngine.POSTGRESQL ? "encode(hwaddr, 'hex')" : "LOWER(HEX(hwaddr))";

                assertEquals("Lease for address 192.0.2.10, subnet-id 1 added.", text(socket, "lease4-add",
                        "{\"ip-address\": \"192.0.2.10\", \"hw-address\": \"08:00:27:00:00:01\", \"hostname\": \"a\"}"));
                assertEquals("IPv4 lease already exists.", text(socket, "lease4-add",
                        "{\"ip-address\": \"192.0.2.10\", \"hw-address\": \"08:00:27:00:00:09\"}"));
                text(socket, "lease4-add", "{\"ip-address\": \"198.51.100.5\", \"hw-address\": \"08:00:27:00:00:05\"}");
                assertEquals(List.of("3221225994|080027000001|a|4000|1", "3325256709|080027000005||4000|2"),
                        db.rows("SELECT address, " + hex + ", hostname, valid_lifetime, subnet_id FROM lease4 ORDER BY address"));
                assertEquals("08:00:27:00:00:01", command(socket, "lease4-get", "{\"ip-address\": \"192.0.2.10\"}")
                        .path("arguments").path("hw-address").asText());
                assertEquals("2 IPv4 lease(s) found.", text(socket, "lease4-get-all", null));
                assertEquals(1, command(socket, "lease4-get-all", "{\"subnets\": [2]}").path("arguments").path("leases").size());
                assertEquals("IPv4 lease updated.", text(socket, "lease4-update",
                        "{\"ip-address\": \"192.0.2.10\", \"hw-address\": \"08:00:27:00:00:01\", \"hostname\": \"renamed\"}"));
                assertEquals(List.of("renamed"), db.rows("SELECT hostname FROM lease4 WHERE address = 3221225994"));
                assertEquals("IPv4 lease deleted.", text(socket, "lease4-del", "{\"ip-address\": \"192.0.2.10\"}"));
                assertEquals(List.of("1"), db.rows("SELECT COUNT(*) FROM lease4"));
                assertEquals("Deleted 1 IPv4 lease(s) from subnet(s) 2", text(socket, "lease4-wipe", "{\"subnet-id\": 2}"));
                assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM lease4"));

                JsonNode added6 = command(socket, "lease6-add", "{\"ip-address\": \"2001:db8:1::10\", \"duid\": "
                        + "\"00:03:00:01:08:00:27:00:00:01\", \"iaid\": 7, \"subnet-id\": 1}");
                assertEquals(0, added6.path("result").asInt(), added6 + server.output());
                JsonNode addedPd = command(socket, "lease6-add", "{\"ip-address\": \"2001:db8:8:100::\", \"type\": \"IA_PD\", "
                        + "\"prefix-len\": 56, \"duid\": \"00:03:00:01:08:00:27:00:00:01\", \"iaid\": 8, \"subnet-id\": 1}");
                assertEquals(0, addedPd.path("result").asInt(), addedPd.toString());
                assertEquals(List.of("2001:db8:1::10|0|128|7", "2001:db8:8:100::|2|56|8"),
                        db.rows("SELECT address, lease_type, prefix_len, iaid FROM lease6 ORDER BY address"));
                assertEquals("2 IPv6 lease(s) found.", text(socket, "lease6-get-all", null));
                assertEquals("IPv6 lease deleted.", text(socket, "lease6-del", "{\"ip-address\": \"2001:db8:1::10\"}"));
                assertEquals(List.of("2001:db8:8:100::"), db.rows("SELECT address FROM lease6"));
            }
        }
    }

    private static JsonNode command(Path socket, String name, String arguments) throws Exception {
        return JSON.readTree(ControlClient.send(socket, "{\"command\": \"" + name + "\""
                + (arguments == null ? "" : ", \"arguments\": " + arguments) + "}"));
    }

    private static String text(Path socket, String name, String arguments) throws Exception {
        return command(socket, name, arguments).path("text").asText();
    }
}
