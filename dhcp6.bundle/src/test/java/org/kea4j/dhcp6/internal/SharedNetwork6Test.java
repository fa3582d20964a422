package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.kea4j.dhcp6.internal.PipelineHarness6.client;
import static org.kea4j.dhcp6.internal.PipelineHarness6.ia;
import static org.kea4j.dhcp6.internal.PipelineHarness6.parsed;
import static org.kea4j.dhcp6.internal.PipelineHarness6.status;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withIas;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withServerId;

import java.net.Inet6Address;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;

/**
 * A DHCPv6 shared network of two subnets on one link: when the selected subnet has no address left, a client
 * gets one from the other subnet (with its lifetimes and the network's options), and renews it there.
 */
class SharedNetwork6Test {

    private static final String CONFIG = """
            {
              "preferred-lifetime": 3000, "valid-lifetime": 4000,
              "option-data": [ { "name": "dns-servers", "data": "2001:db8:1::53" } ],
              "shared-networks": [ {
                "name": "lab", "interface": "eth9", "valid-lifetime": 1800, "preferred-lifetime": 900,
                "option-data": [ { "name": "domain-search", "data": "lab.example.org" } ],
                "subnet6": [
                  { "id": 1, "subnet": "2001:db8:1::/64", "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::101" } ] },
                  { "id": 2, "subnet": "2001:db8:77::/64", "pools": [ { "pool": "2001:db8:77::100 - 2001:db8:77::1ff" } ] }
                ] } ]
            }""";

    private PipelineHarness6 h;

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness6(CONFIG);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Options6.IaAddr address(Options6.Ia ia) {
        return Options6.IaAddr.of(ia.options(Options6.IAADDR).get(0));
    }

    @Test
    void theNextSubnetOfTheNetworkServesWhenTheSelectedOneIsFullAndRenewsThere() throws Exception {
        assertEquals(Addresses.parseV6("2001:db8:1::100"), address(ia(h.sarr(1, true, false), Options6.IA_NA)).address());
        assertEquals(Addresses.parseV6("2001:db8:1::101"), address(ia(h.sarr(2, true, false), Options6.IA_NA)).address());
        Pkt6 reply = h.sarr(3, true, false);
        Options6.IaAddr third = address(ia(reply, Options6.IA_NA));
        assertEquals(Addresses.parseV6("2001:db8:77::100"), third.address());
        assertEquals(1800, third.valid(), "the network's lifetimes");
        assertEquals(900, third.preferred());
        Lease6 lease = h.leases.getLease6(LeaseType.NA, third.address()).orElseThrow();
        assertEquals(2, lease.subnetId());

        Pkt6 renew = withIas(withServerId(new Pkt6(Pkt6.RENEW, 77)), reply);
        renew.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(3)));
        Pkt6 renewed = parsed(h.multicast(renew, 3));
        Options6.Ia na = ia(renewed, Options6.IA_NA);
        assertEquals(-1, status(na), "renewed, no status code");
        assertEquals(third.address(), address(na).address(), "renewed in the other subnet of the network");

        Pkt6 again = parsed(h.multicast(client(Pkt6.SOLICIT, 3, true, false), 3));
        assertEquals(third.address(), address(ia(again, Options6.IA_NA)).address(), "its own lease is advertised");
    }

    @Test
    void theNetworksOptionsComeBetweenTheSubnetsAndTheGlobalOnes() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 4, true, false);
        solicit.addOption(new Option(Options6.ORO, new byte[] {0, 23, 0, 24}));
        Pkt6 advertise = parsed(h.multicast(solicit, 4));
        assertNotNull(advertise.getOption(24), "domain-search from the shared network");
        assertNotNull(advertise.getOption(Options6.DNS_SERVERS), "dns-servers from the global scope");
        Inet6Address dns = (Inet6Address) java.net.InetAddress.getByAddress(advertise.getOption(Options6.DNS_SERVERS).data());
        assertEquals(Addresses.parseV6("2001:db8:1::53"), dns);
    }

    private static Dhcp6Config parse(String dhcp6) throws ConfigException {
        ConfigDocument doc = ConfigDocument.parse("test.json", "{\"Dhcp6\": " + dhcp6 + "}");
        return Dhcp6ConfigParser.parse(doc.root().require("Dhcp6"), new ConfigContext("test.json", false,
                OptionalInt.empty()));
    }

    @Test
    void subnetsInheritTheNetworksParametersAndAnEmptyListIsAccepted() throws ConfigException {
        assertEquals(List.of(), parse("{\"shared-networks\": []}").sharedNetworks());
        Dhcp6Config c = parse("""
                {
                  "shared-networks": [ {
                    "name": "relayed", "interface-id": "port-7", "relay": { "ip-addresses": [ "2001:db8:5::1" ] },
                    "rapid-commit": true, "client-class": "office", "valid-lifetime": 1800,
                    "subnet6": [ { "subnet": "2001:db8:5::/64" },
                                 { "subnet": "2001:db8:6::/64", "rapid-commit": false, "valid-lifetime": 600 } ] } ]
                }""");
        Subnet6Config first = c.subnets().get(0);
        Subnet6Config second = c.subnets().get(1);
        assertEquals("relayed", first.sharedNetworkName());
        assertTrue(first.matchesInterfaceId("port-7".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of(Addresses.parse("2001:db8:5::1")), first.relayAddresses());
        assertTrue(first.rapidCommit());
        assertEquals("office", first.clientClass());
        assertEquals(1800, first.validLifetime());
        assertFalse(second.rapidCommit(), "a subnet's own value wins");
        assertEquals(600, second.validLifetime());
        assertTrue(assertThrows(ConfigException.class, () -> parse("{\"shared-networks\": [ {\"name\": \"n\","
                + " \"interface\": \"eth0\", \"interface-id\": \"x\"} ]}")).reason().contains("mutually exclusive"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("{\"subnet6\": [ {\"subnet\": \"2001:db8::/64\","
                + " \"interface\": \"eth0\", \"interface-id\": \"x\"} ]}")).reason().contains("mutually exclusive"),
                "as Kea 2.2 refuses it");
        assertTrue(assertThrows(ConfigException.class, () -> parse("{\"rapid-commit\": true}")).reason()
                .contains("rapid-commit"), "rapid-commit is a subnet and shared-network key only, as in Kea 2.2");
    }
}
