package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcpsrv.cfg.DhcpConfigElements;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;

class Dhcp4ConfigParserTest {

    private static Dhcp4Config parse(String dhcp4) throws ConfigException {
        ConfigDocument doc = ConfigDocument.parse("test.json", "{\"Dhcp4\": " + dhcp4 + "}");
        return Dhcp4ConfigParser.parse(doc.root().require("Dhcp4"), new ConfigContext("test.json", false, OptionalInt.empty()));
    }

    private static ConfigException fails(String dhcp4) {
        return assertThrows(ConfigException.class, () -> parse(dhcp4));
    }

    @Test
    void multiThreadingSizesTheWorkersAsKeaDoes() throws ConfigException {
        String base = "\"lease-database\": { \"type\": \"memfile\", \"persist\": false }";
        assertEquals(DhcpConfigElements.MultiThreading.DEFAULT, parse("{" + base + "}").multiThreading());
        DhcpConfigElements.MultiThreading set = parse("{" + base + ", \"multi-threading\": { \"enable-multi-threading\": "
                + "true, \"thread-pool-size\": 6, \"packet-queue-size\": 100 } }").multiThreading();
        assertEquals(6, set.workerThreads());
        assertEquals(100, set.queueLimit());
        DhcpConfigElements.MultiThreading kea = parse("{" + base + ", \"multi-threading\": { \"thread-pool-size\": 0 } }")
                .multiThreading();
        assertEquals(PacketWorkers.defaultCount(), kea.workerThreads(), "0: one per core");
        assertEquals(64, kea.queueLimit(), "Kea's default queue");
        // Kea 2.2's own config-get output: multi-threading off, its sizes ignored (kea4j keeps its workers)
        assertEquals(DhcpConfigElements.MultiThreading.DEFAULT, parse("{" + base + ", \"multi-threading\": { "
                + "\"enable-multi-threading\": false, \"thread-pool-size\": 0, \"packet-queue-size\": 64 } }")
                .multiThreading());
        assertEquals(PacketWorkers.DEFAULT_QUEUE_CAPACITY, DhcpConfigElements.MultiThreading.DEFAULT.queueLimit());
        assertTrue(fails("{" + base + ", \"multi-threading\": { \"thread-pool-size\": 5000 } }").getMessage()
                .contains("thread-pool-size"));
        assertTrue(fails("{" + base + ", \"multi-threading\": { \"packet-queue\": 5 } }").getMessage()
                .contains("unknown keyword 'packet-queue'"));
        assertTrue(fails("{" + base + ", \"multi-threading\": { \"packet-queue-size\": -1 } }").getMessage()
                .contains("packet-queue-size"));
    }

    /** Where the receiving thread may handle packets itself once warm: kea4j's own workers, leases in memory. */
    @Test
    void packetsWaitForNothingOnlyWithOwnWorkersLeasesInMemoryAndNoHostDatabase() throws ConfigException {
        String memfile = "\"lease-database\": { \"type\": \"memfile\", \"persist\": false }";
        assertTrue(waitsForNothing(parse("{" + memfile + "}")));
        assertTrue(waitsForNothing(parse("{" + memfile + ", \"multi-threading\": { \"enable-multi-threading\": false } }")),
                "multi-threading off: Kea handles each packet on its receiving thread");
        assertFalse(waitsForNothing(parse("{" + memfile + ", \"multi-threading\": { \"thread-pool-size\": 4 } }")),
                "workers sized by the configuration stay workers");
        assertFalse(waitsForNothing(parse("{ \"lease-database\": { \"type\": \"postgresql\", \"name\": \"kea\" } }")));
        assertFalse(waitsForNothing(parse("{" + memfile + ", \"hosts-database\": { \"type\": \"mysql\", \"name\": \"kea\" } }")));
    }

    private static boolean waitsForNothing(Dhcp4Config c) {
        return DhcpConfigElements.packetsWaitForNothing(c.multiThreading(), c.leaseDatabase(), c.hostDatabases());
    }

    @Test
    void aKea09ConfigurationParses() throws ConfigException {
        Dhcp4Config c = parse("""
                {
                  "interfaces-config": { "interfaces": [ "eth0/192.0.2.1", "eth1" ] },
                  "lease-database": { "type": "memfile", "persist": false },
                  "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
                  "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.1, 192.0.2.2" } ],
                  "subnet4": [
                    { "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.100" } ],
                      "relay": { "ip-address": "192.0.3.1" },
                      "reservations": [ { "hw-address": "1a:1b:1c:1d:1e:1f", "ip-address": "192.0.2.201",
                                          "hostname": "special" } ] },
                    { "subnet": "198.51.100.0/24", "valid-lifetime": 100,
                      "pools": [ { "pool": "198.51.100.0/26" } ] }
                  ],
                  "hooks-libraries": [ "/opt/hooks/a.jar" ],
                  "control-socket": { "socket-type": "unix", "socket-name": "/tmp/kea4-ctrl" }
                }""");
        assertEquals(2, c.interfaces().interfaces().size());
        assertEquals(2, c.subnets().size());
        Subnet4Config first = c.subnets().get(0);
        assertEquals(1, first.id(), "ids are assigned 1, 2, ... in order");
        assertEquals(2, c.subnets().get(1).id());
        assertEquals(4000, first.validLifetime());
        assertEquals(100, c.subnets().get(1).validLifetime());
        assertEquals(1000, first.renewTimer().getAsLong());
        assertEquals(Addresses.parse("192.0.3.1"), first.relayAddresses().get(0));
        assertEquals("special", first.reservations().get(0).hostname());
        assertEquals(67, c.port());
        assertEquals("/opt/hooks/a.jar", c.hooksLibraries().get(0).library());
    }

    @Test
    void explicitIdsAreKeptAndAutomaticOnesSkipThem() throws ConfigException {
        Dhcp4Config c = parse("{\"subnet4\": [ {\"subnet\": \"10.0.0.0/24\"}, {\"id\": 1, \"subnet\": \"10.0.1.0/24\"} ]}");
        assertEquals(2, c.subnets().get(0).id());
        assertEquals(1, c.subnets().get(1).id());
    }

    @Test
    void kea2xDefaultsApply() throws ConfigException {
        Dhcp4Config c = parse("{\"subnet4\": [ {\"subnet\": \"10.0.0.0/24\", \"calculate-tee-times\": true} ]}");
        assertEquals(7200, c.subnets().get(0).validLifetime());
        assertEquals(3600, c.subnets().get(0).renewTimer().getAsLong());
        assertEquals(6300, c.subnets().get(0).rebindTimer().getAsLong());
        assertTrue(c.echoClientId());
        assertEquals(86400, c.declineProbationPeriod());
        assertNull(c.nextServer());
    }

    @Test
    void brokenConfigurationsNameTheElement() {
        assertEquals("Dhcp4/subnet4[0]/subnet",
                fails("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/33\"} ]}").element());
        assertEquals("Dhcp4/subnet4[0]/pools[0]/pool",
                fails("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/24\", \"pools\": [ {\"pool\": \"10.0.0.1 - 10.0.0.9\"} ]} ]}").element());
        assertTrue(fails("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/24\", \"pools\": [ {\"pool\": \"192.0.2.1-192.0.2.50\"},"
                + " {\"pool\": \"192.0.2.40-192.0.2.60\"} ]} ]}").reason().contains("overlaps"));
        assertTrue(fails("{\"subnet4\": [ {\"id\": 5, \"subnet\": \"10.0.0.0/24\"}, {\"id\": 5, \"subnet\": \"10.0.1.0/24\"} ]}")
                .reason().contains("already in use"));
        assertTrue(fails("{\"subnet4\": [ {\"subnet\": \"10.0.0.0/24\"}, {\"subnet\": \"10.0.0.0/24\"} ]}")
                .reason().contains("configured twice"));
        assertTrue(fails("{\"lease-database\": {\"type\": \"cassandra\"}}").reason().startsWith("DHCPSRV_UNKNOWN_DB"));
        assertTrue(fails("{\"valid-lifetime\": \"long\"}").reason().contains("expected an integer"));
        assertTrue(fails("{\"renew-timer\": 2000, \"rebind-timer\": 1000}").reason().contains("greater than"));
        assertTrue(fails("{\"subnet4\": [ {\"subnet\": \"2001:db8::/64\"} ]}").reason().contains("not an IPv4 subnet"));
        assertTrue(fails("{\"interfaces-config\": {\"interfaces\": [\"eth0/2001:db8::1\"]}}").reason().contains("IPv4"));
        assertTrue(fails("{\"subnet4\": [ {\"subnet\": \"10.0.0.0/24\", \"reservations\": [ {\"hw-address\": \"01:02\","
                + " \"ip-address\": \"10.0.1.1\"} ]} ]}").reason().contains("outside the subnet"));
        assertTrue(fails("{\"hosts-database\": {}}").reason().contains("DHCPSRV_NOTYPE_DB"));
        assertTrue(fails("{\"hosts-database\": {\"type\": \"memfile\"}}").reason().contains("mysql or postgresql"));
        assertTrue(fails("{\"hosts-databases\": [ {\"type\": \"mysql\"} ]}").reason().contains("must specify a name"));
        assertTrue(fails("{\"valid-lifetme\": 3}").reason().contains("unknown keyword 'valid-lifetme'"));
        assertTrue(fails("{\"subnet4\": [ {\"subnet\": \"10.0.0.0/24\", \"pool\": []} ]}").reason().contains("unknown keyword 'pool'"));
    }

    /** As Kea 2.2 without its flex_id hook library: accepted (Debian's kea-dhcp4.conf has one), never matched. */
    @Test
    void aFlexIdReservationIsAccepted() throws ConfigException {
        assertEquals(1, parse("{\"reservations\": [ {\"flex-id\": \"'s0mEVaLue'\", \"ip-address\": \"10.0.0.7\"} ]}")
                .globalReservations().size());
    }

    /** Kea's config-get output always carries an empty list. */
    @Test
    void anEmptySharedNetworksListIsAccepted() throws ConfigException {
        Dhcp4Config c = parse("{\"shared-networks\": [], \"subnet4\": [ {\"subnet\": \"10.0.0.0/24\"} ]}");
        assertEquals(List.of(), c.sharedNetworks());
        assertNull(c.subnets().get(0).sharedNetworkName());
    }

    @Test
    void subnetsOfASharedNetworkInheritItsParametersOverTheGlobalOnes() throws ConfigException {
        Dhcp4Config c = parse("""
                {
                  "valid-lifetime": 4000, "renew-timer": 1000, "next-server": "192.0.2.250",
                  "subnet4": [ { "subnet": "10.9.0.0/24", "id": 9 } ],
                  "shared-networks": [ {
                    "name": "floor-1", "interface": "eth1", "relay": { "ip-addresses": [ "192.0.2.1" ] },
                    "valid-lifetime": 600, "client-class": "office", "authoritative": true,
                    "option-data": [ { "name": "domain-name", "data": "floor1.example.org" } ],
                    "subnet4": [
                      { "subnet": "10.1.0.0/24", "pools": [ { "pool": "10.1.0.10 - 10.1.0.20" } ] },
                      { "subnet": "10.2.0.0/24", "valid-lifetime": 900, "relay": { "ip-address": "192.0.2.2" },
                        "client-class": "guest" }
                    ] } ]
                }""");
        assertEquals(List.of("floor-1"), c.sharedNetworks().stream().map(n -> n.name()).toList());
        assertEquals(1, c.sharedNetworks().get(0).options().size());
        // Kea's order: the subnets of shared networks, then the others
        Subnet4Config first = c.subnets().get(0);
        Subnet4Config second = c.subnets().get(1);
        Subnet4Config global = c.subnets().get(2);
        assertNull(global.sharedNetworkName());
        assertNull(global.interfaceName());
        assertEquals(4000, global.validLifetime());
        assertEquals(List.of(1L, 2L), List.of(first.id(), second.id()), "ids assigned around the explicit 9");
        assertEquals("floor-1", first.sharedNetworkName());
        assertEquals("eth1", first.interfaceName());
        assertEquals(600, first.validLifetime(), "the network's lifetime");
        assertEquals(1000, first.renewTimer().getAsLong(), "the global timer, through the network");
        assertEquals(Addresses.parse("192.0.2.250"), first.nextServer());
        assertEquals(List.of(Addresses.parse("192.0.2.1")), first.relayAddresses());
        assertEquals("office", first.clientClass());
        assertTrue(first.authoritative());
        assertEquals(900, second.validLifetime(), "a subnet's own value wins");
        assertEquals(List.of(Addresses.parse("192.0.2.2")), second.relayAddresses());
        assertEquals("guest", second.clientClass());
    }

    @Test
    void brokenSharedNetworksNameTheElement() {
        assertEquals("Dhcp4/shared-networks[1]/name", fails("{\"shared-networks\": [ {\"name\": \"a\"}, {\"name\": \"a\"} ]}")
                .element());
        assertTrue(fails("{\"shared-networks\": [ {\"subnet4\": []} ]}").reason().contains("name"));
        assertTrue(fails("{\"subnet4\": [ {\"id\": 3, \"subnet\": \"10.0.0.0/24\"} ], \"shared-networks\": [ {\"name\": \"n\","
                + " \"subnet4\": [ {\"id\": 3, \"subnet\": \"10.0.1.0/24\"} ]} ]}").reason().contains("already in use"));
        assertTrue(fails("{\"shared-networks\": [ {\"name\": \"n\", \"interface\": \"eth0\", \"subnet4\": ["
                + " {\"subnet\": \"10.0.1.0/24\", \"interface\": \"eth1\"} ]} ]}").reason().contains("differs from"));
        assertTrue(fails("{\"shared-networks\": [ {\"name\": \"n\", \"pools\": []} ]}").reason()
                .contains("unknown keyword 'pools'"));
    }

    /** Kea's config-get / config-write print every element: unimplemented ones at their unset value load. */
    @Test
    void unimplementedElementsAtTheirUnsetValueAreAccepted() throws ConfigException {
        Dhcp4Config c = parse("{\"dhcp4o6-port\": 0, \"hosts-databases\": [ ], \"shared-networks\": [ ],"
                + " \"subnet4\": [ {\"subnet\": \"10.0.0.0/24\", \"4o6-interface\": \"\", \"4o6-interface-id\": \"\","
                + " \"4o6-subnet\": \"\"} ]}");
        assertEquals(1, c.subnets().size());
        assertTrue(fails("{\"dhcp4o6-port\": 6767}").reason().contains("'dhcp4o6-port' is not supported by kea4j"));
        assertTrue(fails("{\"subnet4\": [ {\"subnet\": \"10.0.0.0/24\", \"4o6-subnet\": \"2001:db8::/64\"} ]}")
                .reason().contains("'4o6-subnet' is not supported by kea4j"));
    }
}
