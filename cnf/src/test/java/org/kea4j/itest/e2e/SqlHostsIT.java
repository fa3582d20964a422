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
 * option; for DHCPv6 a reservation in {@code ipv6_reservations} and {@code dhcp6_options} to dhclient -6. kea4j in
 * a namespace reaches the machine's database through a veth pair and a TCP relay of the test's.
 */
class SqlHostsIT {

    @TempDir
    Path dir;

    /** What a test does with kea4j running on a fresh database of Kea's schema. */
    @FunctionalInterface
    private interface WithServer {
        void run(TestDatabase db, NetnsPair net, Kea4jProcess server, Path socket) throws Exception;
    }

    /**
     * Creates a database with Kea's kea-admin, starts kea4j in the server namespace with {@code section} (a format
     * with the server interface, then the {@code hosts-databases} entry), and runs {@code body}.
     */
    private void withServer(SqlEngine engine, boolean clientAddress, String section, WithServer body) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine); NetnsPair net = NetnsPair.create(clientAddress)) {
            KeaAdmin.run("db-init", db);
            String host = net.linkServerToHost(ThreadLocalRandom.current().nextInt(10, 250));
            try (TcpRelay relay = new TcpRelay(host, engine == SqlEngine.POSTGRESQL ? 5432 : 3306)) {
                String hostsDatabase = """
                        { "type": "%s", "name": "%s", "host": "%s", "port": %d, "user": "%s"%s }""".formatted(
                        engine.type(), db.name(), host, relay.port(), engine == SqlEngine.POSTGRESQL ? "postgres" : "root",
                        // PostgreSQL trusts the test's connections whatever the password; MariaDB's root has none
                        engine == SqlEngine.POSTGRESQL ? ", \"password\": \"not-logged\"" : "");
                Path config = dir.resolve("kea4j.json");
                Files.writeString(config, section.formatted(net.serverInterface(), hostsDatabase));
                Path socket = dir.resolve("ctrl.sock");
                try (Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(),
                        "--control-socket", socket.toString())) {
                    assertTrue(server.awaitControl(socket, 60_000), server.output());
                    body.run(db, net, server, socket);
                    assertTrue(server.output().contains("DHCPSRV_" + (engine == SqlEngine.POSTGRESQL ? "PGSQL" : "MYSQL")
                            + "_HOST_DB"), server.output());
                    assertTrue(!server.output().contains("not-logged"), "the password is never logged");
                }
            }
        }
    }

    private static String bytes(SqlEngine engine, String hex) {
        return engine == SqlEngine.POSTGRESQL ? "decode('" + hex + "', 'hex')" : "UNHEX('" + hex + "')";
    }

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
        withServer(engine, true, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "%s" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "hosts-databases": [ %s ],
                    "valid-lifetime": 4000,
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.99" } ] } ]
                } }""", (db, net, server, socket) -> {
            // inserted while kea4j runs: the next packet sees it
            String mac = net.run(net.client(), 10, "cat", "/sys/class/net/" + net.clientInterface() + "/address")
                    .output().strip().replace(":", "");
            db.execute("INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, ipv4_address, "
                            + "hostname) VALUES (" + bytes(engine, mac) + ", 0, 1, 3221226206, 'sql-host')",
                    "INSERT INTO dhcp4_options (code, formatted_value, space, persistent, host_id, scope_id) "
                            + "SELECT 6, '192.0.2.53', 'dhcp4', FALSE, host_id, 3 FROM hosts WHERE hostname = 'sql-host'");
            Path out = dir.resolve("dhclient.out");
            net.start(net.client(), out, Map.of(), dhclient.toString(), "-4", "-d", "-v", "-cf", conf.toString(),
                    "-lf", dir.resolve("dhclient.leases").toString(), "-pf", dir.resolve("dhclient.pid").toString(),
                    "-sf", script.toString(), net.clientInterface());
            assertTrue(Poll.until(30_000, () -> Files.exists(env) && Files.readString(env).contains("address=")),
                    "dhclient bound: " + Files.readString(out) + server.output());
            String bound = Files.readString(env);
            assertTrue(bound.contains("address=192.0.2.222 host=sql-host dns=192.0.2.53"), bound + "\n" + server.output());
            String configGet = org.kea4j.itest.ControlClient.send(socket, "{\"command\": \"config-get\"}");
            assertTrue(configGet.contains("\"hosts-databases\"") && !configGet.contains("not-logged")
                    && (engine != SqlEngine.POSTGRESQL || configGet.contains("\"password\":\"*****\"")),
                    "config-get hides the password: " + configGet);
        });
    }

    /**
     * DHCPv6: a reservation of dhclient's DUID (fixed in its lease file) with an address in
     * {@code ipv6_reservations} and a DNS server in {@code dhcp6_options}, inserted while kea4j runs.
     */
    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void aDhcp6ReservationInsertedWithSqlReachesDhclient(SqlEngine engine) throws Exception {
        Path dhclient = External.program("dhclient");
        Path conf = dir.resolve("dhclient6.conf");
        Files.writeString(conf, "request dhcp6.name-servers;\n");
        Path leaseFile = dir.resolve("dhclient6.leases");
        // DUID-LL 00:03:00:01:0a:0b:0c:0d:0e:0f, in dhclient's octal escapes
        Files.writeString(leaseFile, "default-duid \"\\000\\003\\000\\001\\012\\013\\014\\015\\016\\017\";\n");
        withServer(engine, false, """
                { "Dhcp6": {
                    "interfaces-config": { "interfaces": [ "%1$s" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "hosts-databases": [ %2$s ],
                    "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%1$s",
                                   "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ] } ]
                } }""", (db, net, server, socket) -> {
            db.execute("INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp6_subnet_id, hostname) VALUES ("
                            + bytes(engine, "000300010a0b0c0d0e0f") + ", 1, 1, 'sql-host6')",
                    "INSERT INTO ipv6_reservations (address, prefix_len, type, host_id) "
                            + "SELECT '2001:db8:1::abc', 128, 0, host_id FROM hosts WHERE hostname = 'sql-host6'",
                    "INSERT INTO dhcp6_options (code, formatted_value, space, persistent, host_id, scope_id) "
                            + "SELECT 23, '2001:db8::53', 'dhcp6', FALSE, host_id, 3 FROM hosts WHERE hostname = 'sql-host6'");
            NetnsPair.Result r = net.run(net.client(), 60, dhclient.toString(), "-6", "-1", "-v", "-cf", conf.toString(),
                    "-lf", leaseFile.toString(), "-pf", dir.resolve("dhclient6.pid").toString(), "-sf", "/bin/true",
                    net.clientInterface());
            External.stopByPidFile(dir.resolve("dhclient6.pid"));
            String lease = Files.readString(leaseFile);
            assertTrue(lease.contains("iaaddr 2001:db8:1::abc ") && lease.contains("option dhcp6.name-servers 2001:db8::53;"),
                    lease + r.output() + server.output());
        });
    }
}
