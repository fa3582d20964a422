package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.dhcpsrv.Pool;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.Subnet;

class SectionElementsTest {

    /** A subnet of the test family: its id, prefix and the name of what it inherited. */
    record TestSubnet(long id, Prefix prefix, String inherited) implements Subnet {
        @Override
        public List<? extends Pool> pools() {
            return List.of();
        }

        @Override
        public long validLifetime() {
            return 7200;
        }

        @Override
        public String interfaceName() {
            return null;
        }

        @Override
        public String clientClass() {
            return null;
        }

        @Override
        public List<InetAddress> relayAddresses() {
            return List.of();
        }
    }

    /** Settings are a name: the server's, or the shared network's. */
    private static final SectionElements.Family<String, TestSubnet> FAMILY = new SectionElements.Family<>(
            (network, server, name) -> name,
            (entry, id, inherited) -> new TestSubnet(id, Prefix.parse(entry.require("subnet").asString()), inherited),
            element -> List.of());

    private static ConfigNode section(String json) throws ConfigException {
        return ConfigDocument.parse("test.json", json).root();
    }

    private static SectionElements.Subnets<TestSubnet> subnets(String json) throws ConfigException {
        return SectionElements.subnets(section(json), "subnet4", Set.of("name", "subnet4", "option-data"), Set.of(),
                0xFFFF_FFFEL, "server", FAMILY);
    }

    @Test
    void subnetsOfSharedNetworksComeFirstAndTheOthersGetTheLowestFreeIds() throws Exception {
        SectionElements.Subnets<TestSubnet> parsed = subnets("""
                {"shared-networks": [{"name": "floor-1", "subnet4": [{"subnet": "10.0.1.0/24"}]}],
                 "subnet4": [{"id": 1, "subnet": "10.0.2.0/24"}, {"subnet": "10.0.3.0/24"}]}""");

        assertEquals(List.of(new TestSubnet(2, Prefix.parse("10.0.1.0/24"), "floor-1"),
                new TestSubnet(1, Prefix.parse("10.0.2.0/24"), "server"),
                new TestSubnet(3, Prefix.parse("10.0.3.0/24"), "server")), parsed.subnets());
        assertEquals(List.of(new SharedNetworkConfig("floor-1", List.of())), parsed.networks());
    }

    @Test
    void aSectionWithoutSubnetsHasNone() throws Exception {
        SectionElements.Subnets<TestSubnet> parsed = subnets("{\"shared-networks\": []}");

        assertEquals(List.of(), parsed.subnets());
        assertEquals(List.of(), parsed.networks());
    }

    @Test
    void aPrefixTwiceIsRefusedWithBothIds() {
        ConfigException e = assertThrows(ConfigException.class, () -> subnets("""
                {"shared-networks": [{"name": "floor-1", "subnet4": [{"subnet": "10.0.1.0/24"}]}],
                 "subnet4": [{"id": 7, "subnet": "10.0.1.0/24"}]}"""));

        assertTrue(e.getMessage().contains("subnet 10.0.1.0/24 is configured twice (ids 1 and 7)"), e.getMessage());
    }

    @Test
    void kea09InterfacesListMeansRawSocketsForDhcp4AndUdpForDhcp6() throws Exception {
        ConfigNode server = section("{\"interfaces\": [\"eth0\"]}");

        assertEquals("raw", SectionElements.interfaces(server, true).socketType());
        assertEquals("udp", SectionElements.interfaces(server, false).socketType());
        assertEquals(List.of("eth0"), SectionElements.interfaces(server, true).interfaces().stream()
                .map(InterfacesConfig.Entry::name).toList());
        assertSame(InterfacesConfig.NONE, SectionElements.interfaces(section("{}"), true));
    }

    @Test
    void noLeaseDatabaseIsMemfile() throws Exception {
        assertEquals("memfile", SectionElements.leaseDatabase(section("{}")).type());
        assertEquals("postgresql", SectionElements.leaseDatabase(section(
                "{\"lease-database\": {\"type\": \"postgresql\", \"name\": \"kea\"}}")).type());
    }

    @Test
    void ddnsUpdatesLoadTheDdnsLibraryBeforeTheConfiguredOnes() throws Exception {
        ConfigNode server = section("""
                {"dhcp-ddns": {"enable-updates": true, "server-port": 53001},
                 "hooks-libraries": [{"library": "org.example.hook"}]}""");

        assertEquals(List.of(DhcpConfigElements.DDNS_LIBRARY, "org.example.hook"),
                SectionElements.hooksLibraries(server).stream().map(HooksLibraryConfig::library).toList());
        assertEquals(true, SectionElements.dhcpDdns(server).get("enable-updates"));
        assertEquals(53001L, ((Number) SectionElements.dhcpDdns(server).get("server-port")).longValue());
        assertEquals(List.of(), SectionElements.hooksLibraries(section("{\"dhcp-ddns\": {}}")));
        assertEquals(List.of(), SectionElements.loggers(server));
    }
}
