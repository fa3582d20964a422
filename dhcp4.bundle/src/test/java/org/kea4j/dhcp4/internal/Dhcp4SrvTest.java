package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp4.internal.PipelineHarness.client;
import static org.kea4j.dhcp4.internal.PipelineHarness.ip;
import static org.kea4j.dhcp4.internal.PipelineHarness.parsed;
import static org.kea4j.dhcp4.internal.PipelineHarness.with;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Lease4;

/** Each DHCPv4 message type, the NAK conditions, subnet selection and reservations. */
class Dhcp4SrvTest {

    static final String CONFIG = """
            {
              "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
              "decline-probation-period": 3600,
              "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.53, 192.0.2.54" } ],
              "client-classes": [ { "name": "VENDOR_CLASS_PXEClient", "boot-file-name": "pxelinux.0",
                                    "option-data": [ { "name": "tftp-server-name", "data": "tftp.example" } ] },
                                  { "name": "voip", "test": "substring(option[60].hex,0,6) == 'Aastra'",
                                    "option-data": [ { "name": "tftp-server-name", "data": "voip.example" } ] } ],
              "subnet4": [
                { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.20" } ],
                  "next-server": "192.0.2.5",
                  "option-data": [ { "name": "routers", "data": "192.0.2.1" } ],
                  "reservations": [
                    { "hw-address": "02:00:00:00:00:63", "ip-address": "192.0.2.99", "hostname": "reserved-host",
                      "option-data": [ { "name": "domain-name", "data": "reserved.example" } ] },
                    { "hw-address": "02:00:00:00:00:64", "ip-address": "192.0.2.12" } ] },
                { "id": 2, "subnet": "198.51.100.0/24", "pools": [ { "pool": "198.51.100.10 - 198.51.100.20" } ],
                  "relay": { "ip-address": "203.0.113.1" } },
                { "id": 3, "subnet": "203.0.113.0/24", "client-class": "VENDOR_CLASS_special",
                  "pools": [ { "pool": "203.0.113.10 - 203.0.113.20" } ] }
              ]
            }""";

    private PipelineHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness(CONFIG, "192.0.2.1");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void discoverGetsAnOfferAndNothingIsStored() throws Exception {
        Dhcp4Srv.Reply reply = h.broadcast(client(Pkt4.DHCPDISCOVER, 1));
        assertNotNull(reply);
        assertEquals(ip("255.255.255.255"), reply.destination(), "no raw sockets: broadcast");
        assertEquals(68, reply.port());
        assertEquals("eth9", reply.iface());
        Pkt4 offer = parsed(reply);
        assertEquals(Pkt4.DHCPOFFER, offer.getType());
        assertEquals(Pkt4.BOOTREPLY, offer.op());
        assertEquals(1001, offer.transid());
        assertEquals(ip("192.0.2.10"), offer.yiaddr());
        assertEquals(ip("255.255.255.0"), offer.getOption(Options4.SUBNET_MASK).ipv4());
        assertEquals(ip("192.0.2.1"), offer.getOption(Options4.ROUTERS).ipv4());
        assertEquals(List.of(ip("192.0.2.53"), ip("192.0.2.54")),
                offer.getOption(Options4.DOMAIN_NAME_SERVERS).ipv4List());
        assertEquals(4000, offer.getOption(Options4.LEASE_TIME).uint32());
        assertEquals(1000, offer.getOption(Options4.RENEWAL_TIME).uint32());
        assertEquals(2000, offer.getOption(Options4.REBINDING_TIME).uint32());
        assertEquals(ip("192.0.2.1"), offer.getOption(Options4.SERVER_IDENTIFIER).ipv4());
        assertEquals(ip("192.0.2.5"), offer.siaddr());
        assertTrue(h.leases.getLeases4().isEmpty(), "an offer stores nothing");
    }

    @Test
    void requestGrantsAndStoresTheLease() throws Exception {
        Pkt4 ack = h.dora(1);
        assertEquals(Pkt4.DHCPACK, ack.getType());
        Lease4 lease = h.leases.getLease4(ack.yiaddr()).orElseThrow();
        assertEquals(1, lease.subnetId());
        assertEquals(4000, lease.validLifetime());
        assertEquals(HWAddr.ethernet(PipelineHarness.mac(1)), lease.hwaddr());
        assertTrue(Math.abs(lease.cltt() - System.currentTimeMillis() / 1000) < 5);
    }

    @Test
    void theAllocatorWalksThePoolAndSkipsAddressesReservedForOthers() throws Exception {
        assertEquals(ip("192.0.2.10"), h.dora(1).yiaddr());
        assertEquals(ip("192.0.2.11"), h.dora(2).yiaddr());
        assertEquals(ip("192.0.2.13"), h.dora(3).yiaddr(), "192.0.2.12 is reserved for 02:00:00:00:00:64");
        assertEquals(ip("192.0.2.12"), h.dora(0x64).yiaddr());
    }

    @Test
    void aReservedHostGetsItsAddressHostnameAndOptions() throws Exception {
        Pkt4 ack = h.dora(0x63);
        assertEquals(ip("192.0.2.99"), ack.yiaddr(), "reserved out of the pool");
        assertEquals("reserved-host", ack.getOption(Options4.HOST_NAME).text());
        assertEquals("reserved.example", ack.getOption(Options4.DOMAIN_NAME).text());
        assertEquals("reserved-host", h.leases.getLease4(ip("192.0.2.99")).orElseThrow().hostname());
    }

    @Test
    void aRenewingClientIsAnsweredUnicastAndItsLeaseExtended() throws Exception {
        Pkt4 ack = h.dora(1);
        Lease4 before = h.leases.getLease4(ack.yiaddr()).orElseThrow();
        h.leases.updateLease4(before.toBuilder().cltt(before.cltt() - 500).build());
        Pkt4 renew = client(Pkt4.DHCPREQUEST, 1);
        renew.setCiaddr(ack.yiaddr());
        Dhcp4Srv.Reply reply = h.unicast(renew, ack.yiaddr().getHostAddress());
        assertEquals(ack.yiaddr(), reply.destination());
        assertEquals(68, reply.port());
        Pkt4 renewed = parsed(reply);
        assertEquals(Pkt4.DHCPACK, renewed.getType());
        assertEquals(ack.yiaddr(), renewed.ciaddr());
        assertEquals(ack.yiaddr(), renewed.yiaddr());
        assertTrue(h.leases.getLease4(ack.yiaddr()).orElseThrow().cltt() >= before.cltt());
        assertEquals(1, h.leases.getLeases4().size());
    }

    @Test
    void nakConditions() throws Exception {
        Pkt4 outOfPool = with(client(Pkt4.DHCPREQUEST, 1), Options4.REQUESTED_ADDRESS, "192.0.2.200");
        with(outOfPool, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        Dhcp4Srv.Reply reply = h.broadcast(outOfPool);
        Pkt4 nak = parsed(reply);
        assertEquals(Pkt4.DHCPNAK, nak.getType(), "requested address outside every pool");
        assertEquals(ip("0.0.0.0"), nak.yiaddr());
        assertEquals(ip("255.255.255.255"), reply.destination());

        Pkt4 granted = h.dora(2);
        Pkt4 taken = with(client(Pkt4.DHCPREQUEST, 3), Options4.REQUESTED_ADDRESS, granted.yiaddr().getHostAddress());
        with(taken, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        assertEquals(Pkt4.DHCPNAK, parsed(h.broadcast(taken)).getType(), "address leased to another client");

        Pkt4 reservedForOther = with(client(Pkt4.DHCPREQUEST, 4), Options4.REQUESTED_ADDRESS, "192.0.2.12");
        with(reservedForOther, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        assertEquals(Pkt4.DHCPNAK, parsed(h.broadcast(reservedForOther)).getType(), "reserved for another client");

        Pkt4 steer = with(client(Pkt4.DHCPREQUEST, 0x63), Options4.REQUESTED_ADDRESS, "192.0.2.15");
        with(steer, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        assertEquals(Pkt4.DHCPNAK, parsed(h.broadcast(steer)).getType(), "its reserved address is free");

        Pkt4 wrongReboot = with(client(Pkt4.DHCPREQUEST, 2), Options4.REQUESTED_ADDRESS, "192.0.2.18");
        assertEquals(Pkt4.DHCPNAK, parsed(h.broadcast(wrongReboot)).getType(), "INIT-REBOOT for another address");

        Pkt4 rightReboot = with(client(Pkt4.DHCPREQUEST, 2), Options4.REQUESTED_ADDRESS,
                granted.yiaddr().getHostAddress());
        assertEquals(Pkt4.DHCPACK, parsed(h.broadcast(rightReboot)).getType(), "INIT-REBOOT for its own address");

        Pkt4 unknownReboot = with(client(Pkt4.DHCPREQUEST, 9), Options4.REQUESTED_ADDRESS, "192.0.2.19");
        assertNull(h.broadcast(unknownReboot), "INIT-REBOOT of an unknown client: silence when not authoritative");
        h.reconfigure(CONFIG.replace("\"valid-lifetime\": 4000,", "\"valid-lifetime\": 4000, \"authoritative\": true,"));
        assertEquals(Pkt4.DHCPNAK, parsed(h.broadcast(unknownReboot)).getType(), "authoritative: NAK");

        Pkt4 noSubnet = with(client(Pkt4.DHCPREQUEST, 5), Options4.REQUESTED_ADDRESS, "10.0.0.5");
        noSubnet.setGiaddr(ip("10.0.0.1"));
        with(noSubnet, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        assertEquals(Pkt4.DHCPNAK, parsed(h.unicast(noSubnet, "10.0.0.1")).getType(), "no subnet for the relay");
    }

    @Test
    void relayedClientsGetAddressesFromTheRelaysSubnet() throws Exception {
        Pkt4 byRelayAddress = client(Pkt4.DHCPDISCOVER, 1);
        byRelayAddress.setGiaddr(ip("203.0.113.1"));
        byRelayAddress.setHops(1);
        Dhcp4Srv.Reply reply = h.unicast(byRelayAddress, "203.0.113.1");
        assertEquals(ip("203.0.113.1"), reply.destination());
        assertEquals(67, reply.port());
        Pkt4 offer = parsed(reply);
        assertEquals(ip("198.51.100.10"), offer.yiaddr(), "subnet 2 names 203.0.113.1 as its relay");
        assertEquals(ip("203.0.113.1"), offer.giaddr());
        assertEquals(1, offer.hops());

        Pkt4 byPrefix = client(Pkt4.DHCPDISCOVER, 2);
        byPrefix.setGiaddr(ip("198.51.100.1"));
        byPrefix.addOption(new Option(Options4.RELAY_AGENT_INFO, new byte[] {1, 2, 'e', '0'}));
        Pkt4 offer2 = parsed(h.unicast(byPrefix, "198.51.100.1"));
        assertEquals(ip("198.51.100.11"), offer2.yiaddr(), "giaddr inside subnet 2 (the allocator moved on)");
        assertNotNull(offer2.getOption(Options4.RELAY_AGENT_INFO), "option 82 echoed to the relay");

        Pkt4 classOnly = client(Pkt4.DHCPDISCOVER, 3);
        classOnly.setGiaddr(ip("203.0.113.2"));
        assertNull(h.unicast(classOnly, "203.0.113.2"), "subnet 3 only serves VENDOR_CLASS_special");
        classOnly.addOption(Option.text(Options4.VENDOR_CLASS_IDENTIFIER, "special"));
        assertEquals(ip("203.0.113.10"), parsed(h.unicast(classOnly, "203.0.113.2")).yiaddr());
    }

    @Test
    void releaseDeletesTheLeaseOfItsOwnerOnly() throws Exception {
        Pkt4 ack = h.dora(1);
        Pkt4 stranger = client(Pkt4.DHCPRELEASE, 2);
        stranger.setCiaddr(ack.yiaddr());
        assertNull(h.unicast(stranger, ack.yiaddr().getHostAddress()), "RELEASE is never answered");
        assertTrue(h.leases.getLease4(ack.yiaddr()).isPresent(), "another client cannot release it");
        Pkt4 release = client(Pkt4.DHCPRELEASE, 1);
        release.setCiaddr(ack.yiaddr());
        with(release, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        assertNull(h.unicast(release, ack.yiaddr().getHostAddress()));
        assertFalse(h.leases.getLease4(ack.yiaddr()).isPresent());
    }

    @Test
    void aDeclinedAddressIsKeptOutOfUseForTheProbationPeriod() throws Exception {
        Pkt4 ack = h.dora(1);
        Pkt4 decline = with(client(Pkt4.DHCPDECLINE, 1), Options4.REQUESTED_ADDRESS, ack.yiaddr().getHostAddress());
        with(decline, Options4.SERVER_IDENTIFIER, "192.0.2.1");
        assertNull(h.broadcast(decline));
        Lease4 declined = h.leases.getLease4(ack.yiaddr()).orElseThrow();
        assertEquals(Lease4.STATE_DECLINED, declined.state());
        assertEquals(3600, declined.validLifetime());
        assertNull(declined.hwaddr());
        assertNull(declined.clientId());
        assertNotEquals(ack.yiaddr(), h.dora(2).yiaddr(), "not handed out during probation");
        assertNotEquals(ack.yiaddr(), h.dora(1).yiaddr(), "not even to the client that declined it");
        Pkt4 noAddress = client(Pkt4.DHCPDECLINE, 3);
        assertNull(h.broadcast(noAddress), "DECLINE without option 50 is dropped");
    }

    @Test
    void informIsAnsweredWithOptionsAndNoLease() throws Exception {
        Pkt4 inform = client(Pkt4.DHCPINFORM, 1);
        inform.setCiaddr(ip("192.0.2.77"));
        inform.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {3, 6}));
        Dhcp4Srv.Reply reply = h.unicast(inform, "192.0.2.77");
        assertEquals(ip("192.0.2.77"), reply.destination());
        Pkt4 ack = parsed(reply);
        assertEquals(Pkt4.DHCPACK, ack.getType());
        assertEquals(ip("192.0.2.77"), ack.ciaddr());
        assertNull(ack.getOption(Options4.LEASE_TIME));
        assertNotNull(ack.getOption(Options4.ROUTERS));
        assertNotNull(ack.getOption(Options4.SERVER_IDENTIFIER));
        assertTrue(h.leases.getLeases4().isEmpty());
    }

    @Test
    void packetsThatAreNotForThisServerAreDropped() throws Exception {
        Pkt4 otherServer = with(client(Pkt4.DHCPREQUEST, 1), Options4.SERVER_IDENTIFIER, "10.9.9.9");
        with(otherServer, Options4.REQUESTED_ADDRESS, "192.0.2.10");
        assertNull(h.broadcast(otherServer), "DHCP4_PACKET_NOT_FOR_US");
        assertNull(h.broadcast(with(client(Pkt4.DHCPDISCOVER, 1), Options4.SERVER_IDENTIFIER, "192.0.2.1")),
                "a DISCOVER must not carry a server identifier");
        assertNull(h.broadcast(client(Pkt4.DHCPOFFER, 1)), "a server message from a client");
        assertNull(h.broadcast(client(99, 1)), "unrecognized type");
        Pkt4 noType = client(Pkt4.DHCPDISCOVER, 1);
        noType.delOption(Options4.MESSAGE_TYPE);
        assertNull(h.broadcast(noType), "no message type");
        Pkt4 anonymous = new Pkt4(Pkt4.DHCPDISCOVER, 5);
        assertNull(h.broadcast(anonymous), "neither chaddr nor client-id");
        assertNull(h.receiveBytes(new byte[] {1, 2, 3}, "0.0.0.0", 68, "255.255.255.255"), "malformed");
        assertTrue(h.leases.getLeases4().isEmpty());
        assertNotNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)), "and the server keeps serving");
    }

    @Test
    void aBroadcastOnAnInterfaceWithoutASubnetIsIgnored() throws Exception {
        try (PipelineHarness other = new PipelineHarness(CONFIG, "10.1.1.1")) {
            assertNull(other.broadcast(client(Pkt4.DHCPDISCOVER, 1)), "DHCP4_NO_SUBNET_FOR_DIRECT_CLIENT");
        }
    }

    @Test
    void clientIdentifierIsEchoedOrNot() throws Exception {
        Pkt4 discover = client(Pkt4.DHCPDISCOVER, 1);
        discover.addOption(new Option(Options4.CLIENT_ID, new byte[] {1, 2, 0, 0, 0, 0, 1}));
        assertNotNull(parsed(h.broadcast(discover)).getOption(Options4.CLIENT_ID));
        h.reconfigure(CONFIG.replace("\"valid-lifetime\": 4000,", "\"valid-lifetime\": 4000, \"echo-client-id\": false,"));
        assertNull(parsed(h.broadcast(discover)).getOption(Options4.CLIENT_ID));
    }

    @Test
    void matchClientIdDecidesWhoOwnsALease() throws Exception {
        Pkt4 discover = client(Pkt4.DHCPDISCOVER, 1);
        discover.addOption(new Option(Options4.CLIENT_ID, new byte[] {1, 9, 9}));
        Pkt4 offer = parsed(h.broadcast(discover));
        Pkt4 request = with(client(Pkt4.DHCPREQUEST, 1), Options4.REQUESTED_ADDRESS, offer.yiaddr().getHostAddress());
        request.addOption(new Option(Options4.CLIENT_ID, new byte[] {1, 9, 9}));
        assertEquals(Pkt4.DHCPACK, parsed(h.broadcast(with(request, Options4.SERVER_IDENTIFIER, "192.0.2.1"))).getType());
        Pkt4 sameMacOtherId = client(Pkt4.DHCPDISCOVER, 1);
        sameMacOtherId.addOption(new Option(Options4.CLIENT_ID, new byte[] {1, 7, 7}));
        assertNotEquals(offer.yiaddr(), parsed(h.broadcast(sameMacOtherId)).yiaddr(), "another client id: another client");
        h.reconfigure(CONFIG.replace("\"valid-lifetime\": 4000,", "\"valid-lifetime\": 4000, \"match-client-id\": false,"));
        assertEquals(offer.yiaddr(), parsed(h.broadcast(sameMacOtherId)).yiaddr(), "the hardware address decides");
    }

    @Test
    void vendorClassBringsClassOptionsAndBootFile() throws Exception {
        Pkt4 discover = client(Pkt4.DHCPDISCOVER, 1);
        discover.addOption(Option.text(Options4.VENDOR_CLASS_IDENTIFIER, "PXEClient"));
        discover.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {66, 67}));
        Pkt4 offer = parsed(h.broadcast(discover));
        assertEquals("tftp.example", offer.getOption(66).text());
        assertEquals("pxelinux.0", offer.file());
        Pkt4 plain = parsed(h.broadcast(client(Pkt4.DHCPDISCOVER, 2)));
        assertNull(plain.getOption(66));
        assertEquals("", plain.file());
    }

    @Test
    void aRestartedServerGoesOnAfterTheHighestLeasedAddress() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        for (int i : new int[] {10, 14, 99}) { // .99 is out of the pool: it does not count
            h.leases.addLease(Lease4.builder(ip("192.0.2." + i)).hwaddr(HWAddr.ethernet(new byte[] {9, 9, 9, 9, 9,
                    (byte) i})).validLifetime(4000).cltt(now).subnetId(1).build());
        }
        h.srv.engine().configured(h.runtime.subnetList(), h.leases);
        assertEquals(ip("192.0.2.15"), h.dora(1).yiaddr(), "after the highest leased address, not the free .11");
    }

    @Test
    void expiredLeasesAreReused() throws Exception {
        long longAgo = System.currentTimeMillis() / 1000 - 10_000;
        for (int i = 10; i <= 20; i++) {
            h.leases.addLease(Lease4.builder(ip("192.0.2." + i)).hwaddr(HWAddr.ethernet(new byte[] {9, 9, 9, 9, 9, (byte) i}))
                    .validLifetime(100).cltt(longAgo).subnetId(1).build());
        }
        Pkt4 ack = h.dora(1);
        assertEquals(Pkt4.DHCPACK, ack.getType(), "every pool address is leased, but all are expired");
        Lease4 reused = h.leases.getLease4(ack.yiaddr()).orElseThrow();
        assertEquals(HWAddr.ethernet(PipelineHarness.mac(1)), reused.hwaddr());
        assertEquals(4000, reused.validLifetime());
    }

    @Test
    void aFullPoolLeavesNewClientsWithoutAnOffer() throws Exception {
        for (int n = 1; n <= 10; n++) {
            assertEquals(Pkt4.DHCPACK, h.dora(n).getType());
        }
        assertNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 50)), "11 addresses, one reserved for another host");
    }

    @Test
    void concurrentClientsNeverShareAnAddress() throws Exception {
        h.reconfigure(CONFIG.replace("192.0.2.10 - 192.0.2.20", "192.0.2.10 - 192.0.2.250"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Pkt4> acks = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int base = t * 25;
                futures.add(pool.submit(() -> {
                    for (int n = base + 200; n < base + 225; n++) {
                        acks.add(h.dora(n));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<String> addresses = new HashSet<>();
        for (Pkt4 ack : acks) {
            if (ack.getType() == Pkt4.DHCPACK) {
                assertTrue(addresses.add(ack.yiaddr().getHostAddress()), "granted twice: " + ack.yiaddr());
            }
        }
        assertEquals(addresses.size(), h.leases.getLeases4().size());
        assertTrue(addresses.size() >= 190, "most of 200 racing clients got an address: " + addresses.size());
    }

    @Test
    void aClassTestPutsMatchingClientsInTheClass() throws Exception {
        Pkt4 phone = client(Pkt4.DHCPDISCOVER, 1);
        phone.addOption(Option.text(Options4.VENDOR_CLASS_IDENTIFIER, "Aastra6731i"));
        phone.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {66}));
        assertEquals("voip.example", parsed(h.broadcast(phone)).getOption(66).text());
        Pkt4 other = client(Pkt4.DHCPDISCOVER, 2);
        other.addOption(Option.text(Options4.VENDOR_CLASS_IDENTIFIER, "Polycom"));
        other.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {66}));
        assertNull(parsed(h.broadcast(other)).getOption(66));
    }
}
