package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kea4j.dhcp4.internal.PipelineHarness.client;
import static org.kea4j.dhcp4.internal.PipelineHarness.ip;
import static org.kea4j.dhcp4.internal.PipelineHarness.parsed;
import static org.kea4j.dhcp4.internal.PipelineHarness.with;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Lease4;

/**
 * A shared network of two subnets on one link, as Kea serves it: a client selected into the first subnet gets
 * an address from the second when the first has none left, with the second subnet's parameters and the
 * network's options; it keeps that lease when it renews, reboots or asks again.
 */
class SharedNetwork4Test {

    private static final String CONFIG = """
            {
              "valid-lifetime": 4000,
              "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.53" } ],
              "shared-networks": [ {
                "name": "lab", "interface": "eth9", "valid-lifetime": 1800,
                "option-data": [ { "name": "domain-name", "data": "lab.example.org" } ],
                "subnet4": [
                  { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.11" } ],
                    "option-data": [ { "name": "routers", "data": "192.0.2.1" } ] },
                  { "id": 2, "subnet": "10.77.0.0/24", "pools": [ { "pool": "10.77.0.10 - 10.77.0.20" } ],
                    %s
                    "option-data": [ { "name": "routers", "data": "10.77.0.1" } ] } ] } ]
            }""";

    private PipelineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void start(String secondSubnetExtra) throws Exception {
        h = new PipelineHarness(CONFIG.formatted(secondSubnetExtra), "192.0.2.1");
    }

    @Test
    void whenTheSelectedSubnetIsFullTheClientIsServedFromTheNextSubnetOfTheNetwork() throws Exception {
        start("");
        assertEquals(ip("192.0.2.10"), h.dora(1).yiaddr());
        assertEquals(ip("192.0.2.11"), h.dora(2).yiaddr());
        Pkt4 ack = h.dora(3);
        assertEquals(Pkt4.DHCPACK, ack.getType());
        assertEquals(ip("10.77.0.10"), ack.yiaddr());
        assertEquals(ip("255.255.255.0"), ack.getOption(Options4.SUBNET_MASK).ipv4());
        assertEquals(ip("10.77.0.1"), ack.getOption(Options4.ROUTERS).ipv4(), "the serving subnet's routers");
        assertEquals("lab.example.org", ack.getOption(Options4.DOMAIN_NAME).text(), "the network's option");
        assertEquals(ip("192.0.2.53"), ack.getOption(Options4.DOMAIN_NAME_SERVERS).ipv4(), "the global option");
        assertEquals(1800, ack.getOption(Options4.LEASE_TIME).uint32(), "the network's lifetime");
        Lease4 lease = h.leases.getLease4(ip("10.77.0.10")).orElseThrow();
        assertEquals(2, lease.subnetId());
        assertEquals(1800, lease.validLifetime());
    }

    @Test
    void aClientKeepsItsLeaseInAnotherSubnetOfTheNetwork() throws Exception {
        start("");
        h.dora(1);
        h.dora(2);
        assertEquals(ip("10.77.0.10"), h.dora(3).yiaddr());

        Pkt4 again = parsed(h.broadcast(client(Pkt4.DHCPDISCOVER, 3)));
        assertEquals(ip("10.77.0.10"), again.yiaddr(), "offered its own lease again");

        Pkt4 reboot = client(Pkt4.DHCPREQUEST, 3);
        with(reboot, Options4.REQUESTED_ADDRESS, "10.77.0.10");
        Pkt4 rebootAck = parsed(h.broadcast(reboot));
        assertEquals(Pkt4.DHCPACK, rebootAck.getType(), "INIT-REBOOT selected into the first subnet");
        assertEquals(ip("10.77.0.10"), rebootAck.yiaddr());

        Pkt4 renew = client(Pkt4.DHCPREQUEST, 3);
        renew.setCiaddr(ip("10.77.0.10"));
        Pkt4 renewAck = parsed(h.unicast(renew, "10.77.0.10"));
        assertEquals(Pkt4.DHCPACK, renewAck.getType());
        assertEquals(ip("10.77.0.10"), renewAck.yiaddr());
        assertEquals(1, h.leases.getLeases4(2).size(), "one lease, renewed in place");
    }

    @Test
    void aSubnetTheClientsClassesDoNotAllowIsNotUsed() throws Exception {
        start("\"client-class\": \"nobody\",");
        h.dora(1);
        h.dora(2);
        assertNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 3)), "no address left for this client in the network");
        Pkt4 request = client(Pkt4.DHCPREQUEST, 3);
        with(request, Options4.REQUESTED_ADDRESS, "10.77.0.10");
        with(request, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        Pkt4 nak = parsed(h.broadcast(request));
        assertEquals(Pkt4.DHCPNAK, nak.getType());
    }

    @Test
    void aRequestForAnAddressOutsideTheNetworkIsRefused() throws Exception {
        start("");
        Pkt4 request = client(Pkt4.DHCPREQUEST, 4);
        with(request, Options4.REQUESTED_ADDRESS, "198.51.100.10");
        with(request, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        Pkt4 reply = parsed(h.broadcast(request));
        assertNotNull(reply);
        assertEquals(Pkt4.DHCPNAK, reply.getType());
    }
}
