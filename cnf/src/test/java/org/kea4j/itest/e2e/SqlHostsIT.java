package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.TcpRelay;
import org.kea4j.sql.internal.KeaAdmin;
import org.kea4j.sql.internal.SqlEngine;
import org.kea4j.sql.internal.TestDatabase;

/**
 * Host reservations from SQL: a reservation inserted into Kea's {@code hosts} and {@code dhcp4_options} tables (a
 * database Kea's own kea-admin created) while kea4j runs is handed to a real dhclient: its address, hostname and
 * option. kea4j in a namespace reaches the machine's database through a veth pair and a TCP relay of the test's.
 */
class SqlHostsIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void aReservationInsertedWithSqlReachesDhclient(SqlEngine engine) throws Exception {
        Path dhclient = External.program("dhclient");
        Path env = dir.resolve("dhclient.env");
        Path script = dir.resolve("dhclient-script.sh");
        Files.writeString(script, """
                #!/bin/sh
                # records what dhclient received; touches nothing
                case "$reason" in
                  BOUND) echo "address=$new_ip_address host=$new_host_name dns=$new_domain_name_servers" >> %s ;;
                esac
                exit 0
                """.formatted(env));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = dir.resolve("dhclient.conf");
        Files.writeString(conf, "request subnet-mask, host-name, domain-name-servers;\n");
        try (TestDatabase db = TestDatabase.create(engine); NetnsPair net = NetnsPair.create(true)) {
            KeaAdmin.run("db-init", db);
            String host = net.linkServerToHost(ThreadLocalRandom.current().nextInt(10, 250));
            try (TcpRelay relay = new TcpRelay(host, engine == SqlEngine.POSTGRESQL ? 5432 : 3306)) {
                Path config = dir.resolve("kea4j.json");
                Files.writeString(config, """
                        { "Dhcp4": {
                            "interfaces-config": { "interfaces": [ "%s" ] },
                            "lease-database": { "type": "memfile", "persist": false },
                            "hosts-databases": [ { "type": "%s", "name": "%s", "host": "%s", "port": %d, "user": "%s"%s } ],
                            "valid-lifetime": 4000,
                            "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.99" } ] } ]
                        } }""".formatted(net.serverInterface(), engine.type(), db.name(), host, relay.port(),
                        engine == SqlEngine.POSTGRESQL ? "postgres" : "root",
                        // PostgreSQL trusts the test's connections whatever the password; MariaDB's root has none
                        engine == SqlEngine.POSTGRESQL ? ", \"password\": \"not-logged\"" : ""));
                Path socket = dir.resolve("ctrl.sock");
                try (Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(),
                        "--control-socket", socket.toString())) {
                    assertTrue(server.awaitControl(socket, 60_000), server.output());
                    // inserted while kea4j runs: the next packet sees it
                    String mac = net.run(net.client(), 10, "cat", "/sys/class/net/" + net.clientInterface() + "/address")
                            .output().strip().replace(":", "");
                    String bytes = engine == SqlEngine.POSTGRESQL ? "decode('" + mac + "', 'hex')" : "UNHEX('" + mac + "')";
                    db.execute("INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, ipv4_address, "
                                    + "hostname) VALUES (" + bytes + ", 0, 1, 3221226206, 'sql-host')",
                            "INSERT INTO dhcp4_options (code, formatted_value, space, persistent, host_id, scope_id) "
                                    + "SELECT 6, '192.0.2.53', 'dhcp4', " + (engine == SqlEngine.POSTGRESQL ? "false" : "0")
                                    + ", host_id, 3 FROM hosts WHERE hostname = 'sql-host'");
                    Path out = dir.resolve("dhclient.out");
                    net.start(net.client(), out, Map.of(), dhclient.toString(), "-4", "-d", "-v", "-cf", conf.toString(),
                            "-lf", dir.resolve("dhclient.leases").toString(), "-pf", dir.resolve("dhclient.pid").toString(),
                            "-sf", script.toString(), net.clientInterface());
                    assertTrue(Poll.until(30_000, () -> Files.exists(env) && Files.readString(env).contains("address=")),
                            "dhclient bound: " + Files.readString(out) + server.output());
                    String bound = Files.readString(env);
                    assertTrue(bound.contains("address=192.0.2.222 host=sql-host dns=192.0.2.53"),
                            bound + "\n" + server.output());
                    assertTrue(server.output().contains("DHCPSRV_" + (engine == SqlEngine.POSTGRESQL ? "PGSQL" : "MYSQL")
                            + "_HOST_DB"), server.output());
                    assertTrue(!server.output().contains("not-logged"), "the password is never logged");
                    String configGet = org.kea4j.itest.ControlClient.send(socket, "{\"command\": \"config-get\"}");
                    assertTrue(configGet.contains("\"hosts-databases\"") && !configGet.contains("not-logged")
                            && (engine != SqlEngine.POSTGRESQL || configGet.contains("\"password\":\"*****\"")),
                            "config-get hides the password: " + configGet);
                }
            }
        }
    }
}
