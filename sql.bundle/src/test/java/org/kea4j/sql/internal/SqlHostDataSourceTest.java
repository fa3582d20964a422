package org.kea4j.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;

/**
 * Host reservations read from Kea's hosts tables on a real PostgreSQL and MariaDB: by identifier and by address
 * or prefix, in a subnet or globally (subnet id 0), with their options and classes, and rows inserted after the
 * data source was opened seen at the next look-up.
 */
class SqlHostDataSourceTest {

    private static final String MAC = "0a0b0c0d0e0f";
    private static final String DUID = "000300010a0b0c0d0e0f";

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void dhcp4AndDhcp6ReservationsAreReadAsKeaStoresThem(SqlEngine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            SchemaTool.init(engine, db.access());
            try (SqlHostDataSource hosts = SqlHostDataSourceFactory.open(engine, db.access(), 6)) {
                HostIdentifier mac = new HostIdentifier(HostIdentifier.Type.HW_ADDRESS, HexFormat.of().parseHex(MAC));
                HostIdentifier duid = new HostIdentifier(HostIdentifier.Type.DUID, HexFormat.of().parseHex(DUID));
                assertTrue(hosts.get4(1, mac).isEmpty(), "nothing reserved yet");
                assertTrue(hosts.get6(1, duid).isEmpty(), "nothing reserved yet");

                // inserted while the data source is open, as an operator would
                db.execute("INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, ipv4_address, "
                                + "hostname, dhcp4_client_classes, dhcp4_next_server, dhcp4_boot_file_name) VALUES ("
                                + bytes(engine, MAC) + ", 0, 1, " + Addresses.toLong(v4("192.0.2.7"))
                                + ", 'four', 'gold, silver', " + Addresses.toLong(v4("192.0.2.1")) + ", 'boot.img')",
                        "INSERT INTO dhcp4_options (code, formatted_value, space, persistent, host_id, scope_id) "
                                + "SELECT 6, '192.0.2.53', 'dhcp4', FALSE, host_id, 3 FROM hosts WHERE hostname = 'four'",
                        "INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp6_subnet_id, hostname, "
                                + "dhcp6_client_classes) VALUES (" + bytes(engine, DUID) + ", 1, 1, 'six', 'gold')",
                        "INSERT INTO ipv6_reservations (address, prefix_len, type, host_id) "
                                + "SELECT '2001:db8:1::abc', 128, 0, host_id FROM hosts WHERE hostname = 'six'",
                        "INSERT INTO ipv6_reservations (address, prefix_len, type, host_id) "
                                + "SELECT '2001:db8:8:100::', 56, 2, host_id FROM hosts WHERE hostname = 'six'",
                        "INSERT INTO dhcp6_options (code, formatted_value, space, persistent, host_id, scope_id) "
                                + "SELECT 23, '2001:db8::53', 'dhcp6', TRUE, host_id, 3 FROM hosts WHERE hostname = 'six'",
                        // a global DHCPv6 reservation of the hardware address
                        "INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp6_subnet_id, hostname) VALUES ("
                                + bytes(engine, MAC) + ", 0, 0, 'global-six')");

                Reservation4Config four = hosts.get4(1, mac).orElseThrow();
                assertEquals(v4("192.0.2.7"), four.address());
                assertEquals("four", four.hostname());
                assertEquals(List.of("gold", "silver"), four.clientClasses());
                assertEquals(v4("192.0.2.1"), four.nextServer());
                assertEquals("boot.img", four.bootFileName());
                assertEquals(1, four.options().size());
                assertEquals(6, four.options().get(0).code());
                assertEquals("192.0.2.53", four.options().get(0).data());
                assertEquals(mac, hosts.get4(1, v4("192.0.2.7")).orElseThrow().identifier());
                assertTrue(hosts.get4(2, mac).isEmpty(), "reserved in subnet 1 only");
                assertTrue(hosts.get4(1, v4("192.0.2.8")).isEmpty());

                Reservation6Config six = hosts.get6(1, duid).orElseThrow();
                assertEquals(duid, six.identifier());
                assertEquals(List.of(v6("2001:db8:1::abc")), six.addresses());
                assertEquals(List.of(new Prefix(v6("2001:db8:8:100::"), 56)), six.prefixes());
                assertEquals("six", six.hostname());
                assertEquals(List.of("gold"), six.clientClasses());
                assertEquals(1, six.options().size());
                assertEquals(23, six.options().get(0).code());
                assertEquals("dhcp6", six.options().get(0).space());
                assertEquals("2001:db8::53", six.options().get(0).data());
                assertTrue(six.options().get(0).alwaysSend(), "persistent is always-send");
                assertEquals(duid, hosts.get6(1, v6("2001:db8:1::abc"), 128).orElseThrow().identifier());
                assertEquals(duid, hosts.get6(1, v6("2001:db8:8:100::"), 56).orElseThrow().identifier());
                assertTrue(hosts.get6(1, v6("2001:db8:8:100::"), 64).isEmpty(), "a prefix is matched with its length");
                assertTrue(hosts.get6(2, duid).isEmpty(), "reserved in subnet 1 only");
                assertTrue(hosts.get4(1, duid).isEmpty(), "a DHCPv6 reservation is no DHCPv4 one");
                assertEquals("global-six", hosts.get6(0, mac).orElseThrow().hostname());
                assertTrue(hosts.get6(1, mac).isEmpty(), "the global reservation is under subnet id 0");
            }
        }
    }

    private static String bytes(SqlEngine engine, String hex) {
        return engine == SqlEngine.POSTGRESQL ? "decode('" + hex + "', 'hex')" : "UNHEX('" + hex + "')";
    }

    private static Inet4Address v4(String text) {
        return Addresses.parseV4(text);
    }

    private static Inet6Address v6(String text) {
        return Addresses.parseV6(text);
    }
}
