package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp6.internal.PipelineHarness6.client;
import static org.kea4j.dhcp6.internal.PipelineHarness6.ia;
import static org.kea4j.dhcp6.internal.PipelineHarness6.parsed;
import static org.kea4j.dhcp6.internal.PipelineHarness6.status;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withIas;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withServerId;

import java.net.Inet6Address;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/** Each DHCPv6 message type, status code, subnet selection rule and reservation. */
class Dhcp6SrvTest {

    static final String CONFIG = """
            {
              "preferred-lifetime": 3000, "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
              "decline-probation-period": 600,
              "option-data": [ { "name": "dns-servers", "data": "2001:db8:1::53" },
                               { "name": "domain-search", "data": "example.org" } ],
              "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth9",
                  "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::105" } ],
                  "pd-pools": [ { "prefix": "2001:db8:8::", "prefix-len": 54, "delegated-len": 56 } ],
                  "reservations": [ { "duid": "00:03:00:01:02:00:00:00:00:63", "ip-addresses": [ "2001:db8:1::99" ],
                                      "prefixes": [ "2001:db8:9::/56" ], "hostname": "reserved6" },
                                    { "duid": "00:03:00:01:02:00:00:00:00:64", "ip-addresses": [ "2001:db8:1::101" ] } ] },
                { "id": 2, "subnet": "2001:db8:2::/64", "relay": { "ip-addresses": [ "2001:db8:2::1" ] },
                  "pools": [ { "pool": "2001:db8:2::100 - 2001:db8:2::1ff" } ], "rapid-commit": true },
                { "id": 3, "subnet": "2001:db8:3::/64", "interface-id": "port-7",
                  "pools": [ { "pool": "2001:db8:3::100 - 2001:db8:3::1ff" } ] }
              ]
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

    private static Inet6Address v6(String s) {
        return Addresses.parseV6(s);
    }

    private static Options6.IaAddr address(Options6.Ia ia) {
        return Options6.IaAddr.of(ia.options(Options6.IAADDR).get(0));
    }

    private static Options6.IaPrefix prefix(Options6.Ia ia) {
        return Options6.IaPrefix.of(ia.options(Options6.IAPREFIX).get(0));
    }

    @Test
    void solicitIsAdvertisedWithAnAddressAndAPrefix() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 1, true, true);
        solicit.addOption(new Option(Options6.ORO, new byte[] {0, 23, 0, 24}));
        Dhcp6Srv.Reply reply = h.multicast(solicit, 1);
        assertEquals(546, reply.port());
        assertEquals(v6("fe80::2:1"), reply.destination());
        Pkt6 advertise = parsed(reply);
        assertEquals(Pkt6.ADVERTISE, advertise.getType());
        assertEquals(0x1001, advertise.transid());
        assertTrue(advertise.getOption(Options6.SERVERID).dataEquals(PipelineHarness6.SERVER_ID.rawBytes()));
        assertTrue(advertise.getOption(Options6.CLIENTID).dataEquals(PipelineHarness6.duid(1)));
        Options6.Ia na = ia(advertise, Options6.IA_NA);
        assertEquals(1, na.iaid());
        assertEquals(1000, na.t1());
        assertEquals(2000, na.t2());
        assertEquals(v6("2001:db8:1::100"), address(na).address());
        assertEquals(3000, address(na).preferred());
        assertEquals(4000, address(na).valid());
        Options6.IaPrefix p = prefix(ia(advertise, Options6.IA_PD));
        assertEquals(v6("2001:db8:8::"), p.prefix());
        assertEquals(56, p.length());
        assertNotNull(advertise.getOption(Options6.DNS_SERVERS));
        assertNotNull(advertise.getOption(24));
        assertTrue(h.leases.getLeases6().isEmpty(), "an advertise stores nothing");
    }

    @Test
    void requestGrantsAndStoresBothLeases() throws Exception {
        Pkt6 reply = h.sarr(1, true, true);
        assertEquals(Pkt6.REPLY, reply.getType());
        Inet6Address a = address(ia(reply, Options6.IA_NA)).address();
        Lease6 na = h.leases.getLease6(LeaseType.NA, a).orElseThrow();
        assertEquals(new Duid(PipelineHarness6.duid(1)), na.duid());
        assertEquals(1, na.iaid());
        assertEquals(3000, na.preferredLifetime());
        Lease6 pd = h.leases.getLease6(LeaseType.PD, prefix(ia(reply, Options6.IA_PD)).prefix()).orElseThrow();
        assertEquals(56, pd.prefixLength());
        assertEquals(2, pd.iaid());
        assertNotNull(na.hwaddr(), "the hardware address comes from the DUID-LL");
    }

    @Test
    void aRestartedServerGoesOnAfterTheHighestLeasedAddressAndPrefix() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Duid other = new Duid(PipelineHarness6.duid(0x70));
        for (String a : List.of("2001:db8:1::100", "2001:db8:1::103", "2001:db8:1::99")) { // ::99: out of the pool
            h.leases.addLease(Lease6.builder(LeaseType.NA, v6(a)).duid(other).iaid(a.length()).preferredLifetime(3000)
                    .validLifetime(4000).cltt(now).subnetId(1).build());
        }
        for (String p : List.of("2001:db8:8::", "2001:db8:8:200::")) {
            h.leases.addLease(Lease6.builder(LeaseType.PD, v6(p)).duid(other).iaid(p.length()).prefixLength(56)
                    .preferredLifetime(3000).validLifetime(4000).cltt(now).subnetId(1).build());
        }
        h.srv.engine().configured(h.runtime.subnetList(), h.leases);
        Pkt6 reply = h.sarr(1, true, true);
        assertEquals(v6("2001:db8:1::104"), address(ia(reply, Options6.IA_NA)).address(),
                "after the highest leased address, not the free ::102");
        assertEquals(v6("2001:db8:8:300::"), prefix(ia(reply, Options6.IA_PD)).prefix(),
                "after the highest leased prefix, not the free 2001:db8:8:100::/56");
    }

    @Test
    void severalIasInOneMessageEachGetALease() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 1, true, false);
        solicit.addOption(new Options6.Ia(Options6.IA_NA, 7, 0, 0, List.of()).toOption());
        Pkt6 advertise = parsed(h.multicast(solicit, 1));
        List<Option> ias = advertise.getOptions(Options6.IA_NA);
        assertEquals(2, ias.size());
        assertNotEquals(address(Options6.Ia.of(ias.get(0))).address(), address(Options6.Ia.of(ias.get(1))).address());
    }

    @Test
    void aFreeHintIsHonoured() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 1, false, false);
        solicit.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of(
                new Options6.IaAddr(v6("2001:db8:1::104"), 0, 0, List.of()).toOption())).toOption());
        solicit.addOption(new Options6.Ia(Options6.IA_PD, 2, 0, 0, List.of(
                new Options6.IaPrefix(v6("2001:db8:8:200::"), 56, 0, 0, List.of()).toOption())).toOption());
        Pkt6 advertise = parsed(h.multicast(solicit, 1));
        assertEquals(v6("2001:db8:1::104"), address(ia(advertise, Options6.IA_NA)).address());
        assertEquals(v6("2001:db8:8:200::"), prefix(ia(advertise, Options6.IA_PD)).prefix());
    }

    @Test
    void exhaustedPoolsAnswerNoAddrsAvailAndNoPrefixAvail() throws Exception {
        for (int n = 1; n <= 5; n++) {
            h.sarr(n, true, n <= 4);
        }
        Pkt6 advertise = parsed(h.multicast(client(Pkt6.SOLICIT, 50, true, true), 50));
        assertEquals(Options6.STATUS_NO_ADDRS_AVAIL, status(ia(advertise, Options6.IA_NA)),
                "6 addresses, one reserved for another client");
        assertEquals(Options6.STATUS_NO_PREFIX_AVAIL, status(ia(advertise, Options6.IA_PD)), "4 /56 in a /54");
    }

    @Test
    void rapidCommitAnswersASolicitWithAReply() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 1, true, false);
        solicit.addOption(new Option(Options6.RAPID_COMMIT, new byte[0]));
        Dhcp6Srv.Reply reply = h.relayed(solicit, "2001:db8:2::1", "2001:db8:2::1", List.of());
        Pkt6 answer = parsed(reply);
        assertEquals(Pkt6.REPLY, answer.getType());
        assertNotNull(answer.getOption(Options6.RAPID_COMMIT));
        Inet6Address a = address(ia(answer, Options6.IA_NA)).address();
        assertTrue(h.leases.getLease6(LeaseType.NA, a).isPresent(), "committed at once");
        Pkt6 noRapid = client(Pkt6.SOLICIT, 2, true, false);
        noRapid.addOption(new Option(Options6.RAPID_COMMIT, new byte[0]));
        assertEquals(Pkt6.ADVERTISE, parsed(h.multicast(noRapid, 2)).getType(), "subnet 1 has no rapid-commit");
    }

    @Test
    void renewAndRebindExtendTheLeases() throws Exception {
        Pkt6 reply = h.sarr(1, true, true);
        Inet6Address a = address(ia(reply, Options6.IA_NA)).address();
        Lease6 before = h.leases.getLease6(LeaseType.NA, a).orElseThrow();
        h.leases.updateLease6(before.toBuilder().cltt(before.cltt() - 500).build());
        Pkt6 renew = withIas(withServerId(new Pkt6(Pkt6.RENEW, 77)), reply);
        renew.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        Pkt6 renewed = parsed(h.multicast(renew, 1));
        assertEquals(a, address(ia(renewed, Options6.IA_NA)).address());
        assertEquals(4000, address(ia(renewed, Options6.IA_NA)).valid());
        assertTrue(h.leases.getLease6(LeaseType.NA, a).orElseThrow().cltt() >= before.cltt());
        assertNotNull(ia(renewed, Options6.IA_PD).options(Options6.IAPREFIX));

        Pkt6 rebind = withIas(new Pkt6(Pkt6.REBIND, 78), reply);
        rebind.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        assertEquals(a, address(ia(parsed(h.multicast(rebind, 1)), Options6.IA_NA)).address());
    }

    @Test
    void extendingUnknownBindings() throws Exception {
        Pkt6 stranger = new Pkt6(Pkt6.REBIND, 5);
        stranger.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(9)));
        stranger.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of(
                new Options6.IaAddr(v6("2001:db8:1::103"), 0, 0, List.of()).toOption())).toOption());
        Pkt6 answer = parsed(h.multicast(stranger, 9));
        Options6.Ia na = ia(answer, Options6.IA_NA);
        assertEquals(v6("2001:db8:1::103"), address(na).address(),
                "Kea 2.x: REBIND of an unknown IA_NA gets the address it names when the link allows it");

        Pkt6 pd = new Pkt6(Pkt6.REBIND, 6);
        pd.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(9)));
        pd.addOption(new Options6.Ia(Options6.IA_PD, 2, 0, 0, List.of()).toOption());
        Options6.Ia delegated = ia(parsed(h.multicast(pd, 9)), Options6.IA_PD);
        assertEquals(-1, status(delegated), "Kea 2.2 delegates a prefix to a REBIND of an unknown IA_PD");
        assertEquals(56, prefix(delegated).length());

        Pkt6 renew = withServerId(client(Pkt6.RENEW, 9, true, false));
        Options6.Ia allocated = ia(parsed(h.multicast(renew, 9)), Options6.IA_NA);
        assertEquals(-1, status(allocated), "RENEW of an IA without leases gets a new one");
        assertNotNull(address(allocated));
    }

    @Test
    void releaseChecksOwnership() throws Exception {
        Pkt6 reply = h.sarr(1, true, true);
        Inet6Address a = address(ia(reply, Options6.IA_NA)).address();
        Pkt6 thief = withIas(withServerId(new Pkt6(Pkt6.RELEASE, 9)), reply);
        thief.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(2)));
        Pkt6 refused = parsed(h.multicast(thief, 2));
        assertEquals(Options6.STATUS_NO_BINDING, status(ia(refused, Options6.IA_NA)));
        assertEquals(Options6.STATUS_NO_BINDING, Options6.statusCode(refused.getOption(Options6.STATUS_CODE)));
        assertTrue(h.leases.getLease6(LeaseType.NA, a).isPresent());

        Pkt6 release = withIas(withServerId(new Pkt6(Pkt6.RELEASE, 10)), reply);
        release.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        Pkt6 released = parsed(h.multicast(release, 1));
        assertEquals(Options6.STATUS_SUCCESS, status(ia(released, Options6.IA_NA)));
        assertEquals(Options6.STATUS_SUCCESS, status(ia(released, Options6.IA_PD)));
        assertEquals(Options6.STATUS_SUCCESS, Options6.statusCode(released.getOption(Options6.STATUS_CODE)));
        assertTrue(h.leases.getLeases6().isEmpty());
    }

    @Test
    void declineMarksTheAddressDeclined() throws Exception {
        Pkt6 reply = h.sarr(1, true, false);
        Inet6Address a = address(ia(reply, Options6.IA_NA)).address();
        Pkt6 decline = withIas(withServerId(new Pkt6(Pkt6.DECLINE, 11)), reply);
        decline.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        Pkt6 answer = parsed(h.multicast(decline, 1));
        assertEquals(Options6.STATUS_SUCCESS, status(ia(answer, Options6.IA_NA)));
        Lease6 declined = h.leases.getLease6(LeaseType.NA, a).orElseThrow();
        assertEquals(Lease4.STATE_DECLINED, declined.state());
        assertEquals(600, declined.validLifetime());
        assertNotEquals(a, address(ia(h.sarr(2, true, false), Options6.IA_NA)).address(), "not handed out");
    }

    @Test
    void confirmSaysWhetherAddressesAreOnLink() throws Exception {
        Pkt6 onLink = new Pkt6(Pkt6.CONFIRM, 12);
        onLink.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        onLink.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of(
                new Options6.IaAddr(v6("2001:db8:1::77"), 0, 0, List.of()).toOption())).toOption());
        assertEquals(Options6.STATUS_SUCCESS, Options6.statusCode(parsed(h.multicast(onLink, 1))
                .getOption(Options6.STATUS_CODE)));
        Pkt6 offLink = new Pkt6(Pkt6.CONFIRM, 13);
        offLink.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        offLink.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of(
                new Options6.IaAddr(v6("2001:db8:5::77"), 0, 0, List.of()).toOption())).toOption());
        assertEquals(Options6.STATUS_NOT_ON_LINK, Options6.statusCode(parsed(h.multicast(offLink, 1))
                .getOption(Options6.STATUS_CODE)));
        assertNull(h.multicast(client(Pkt6.CONFIRM, 1, false, false), 1), "no IA_NA: no answer");
    }

    @Test
    void informationRequestGetsTheRequestedOptions() throws Exception {
        Pkt6 inf = new Pkt6(Pkt6.INFORMATION_REQUEST, 14);
        inf.addOption(new Option(Options6.ORO, new byte[] {0, 23}));
        Pkt6 reply = parsed(h.multicast(inf, 1));
        assertEquals(Pkt6.REPLY, reply.getType());
        assertNotNull(reply.getOption(Options6.DNS_SERVERS));
        assertNull(reply.getOption(24), "not asked for");
        assertNull(reply.getOption(Options6.CLIENTID));
    }

    @Test
    void messagesThatBreakTheRulesAreDropped() throws Exception {
        Pkt6 other = client(Pkt6.REQUEST, 1, true, false);
        other.addOption(new Option(Options6.SERVERID, new byte[] {0, 2, 0, 0, 0, 9, 1}));
        assertNull(h.multicast(other, 1), "DHCP6_PACKET_MISMATCH_SERVERID_DROP");
        Pkt6 noClientId = new Pkt6(Pkt6.SOLICIT, 1);
        assertNull(h.multicast(noClientId, 1), "DHCP6_CLIENTID_MISSING");
        assertNull(h.multicast(withServerId(client(Pkt6.SOLICIT, 1, true, false)), 1), "SOLICIT with a server-id");
        assertNull(h.multicast(client(Pkt6.REQUEST, 1, true, false), 1), "REQUEST without a server-id");
        assertNull(h.unicast(client(Pkt6.SOLICIT, 1, true, false), 1), "SOLICIT unicast");
        assertNull(h.multicast(client(Pkt6.ADVERTISE, 1, true, false), 1), "a server message");
        assertNull(h.receive(new byte[] {1, 2}, "fe80::5", 546, PipelineHarness6.MULTICAST), "malformed");
        assertNotNull(h.multicast(client(Pkt6.SOLICIT, 1, true, false), 1), "the server keeps serving");
    }

    @Test
    void unicastWhereItIsNotAllowedIsAnsweredWithUseMulticast() throws Exception {
        Pkt6 reply = h.sarr(1, true, false);
        Pkt6 renew = withIas(withServerId(new Pkt6(Pkt6.RENEW, 20)), reply);
        renew.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        Pkt6 answer = parsed(h.unicast(renew, 1));
        assertEquals(Options6.STATUS_USE_MULTICAST, Options6.statusCode(answer.getOption(Options6.STATUS_CODE)));
        Pkt6 unknown = new Pkt6(200, 21);
        unknown.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        assertNull(h.unicast(unknown, 1), "a message of an unknown type is dropped, not answered with UseMulticast");
        h.reconfigure(CONFIG.replaceFirst("\\{", "{ \"interfaces-config\": { \"interfaces\": [ \"eth9\", "
                + "\"eth9/2001:db8:1::1\" ] },"));
        Pkt6 allowed = parsed(h.unicast(renew, 1));
        assertNull(allowed.getOption(Options6.STATUS_CODE), "unicast allowed on 2001:db8:1::1");
        assertNotNull(ia(allowed, Options6.IA_NA).options(Options6.IAADDR));
    }

    @Test
    void subnetSelection() throws Exception {
        Pkt6 byLink = parsed(h.relayed(client(Pkt6.SOLICIT, 1, true, false), "2001:db8:2::1", "2001:db8:2::1",
                List.of()));
        assertTrue(address(ia(byLink, Options6.IA_NA)).address().getHostAddress().startsWith("2001:db8:2:"),
                "relay ip-addresses");
        Pkt6 byPrefix = parsed(h.relayed(client(Pkt6.SOLICIT, 2, true, false), "2001:db8:2::9", "2001:db8:2::9",
                List.of()));
        assertTrue(address(ia(byPrefix, Options6.IA_NA)).address().getHostAddress().startsWith("2001:db8:2:"),
                "link-address inside subnet 2");
        Dhcp6Srv.Reply viaInterfaceId = h.relayed(client(Pkt6.SOLICIT, 3, true, false), "2001:db8:2::9",
                "2001:db8:2::9", List.of(new Option(Options6.INTERFACE_ID, "port-7".getBytes())));
        Pkt6 byId = parsed(viaInterfaceId);
        assertTrue(address(ia(byId, Options6.IA_NA)).address().getHostAddress().startsWith("2001:db8:3:"),
                "interface-id wins over the link-address");
        assertEquals(547, viaInterfaceId.port());
        assertEquals(1, byId.relays().size());
        assertNotNull(byId.relays().get(0).getOption(Options6.INTERFACE_ID), "interface-id echoed");
        Pkt6 direct = parsed(h.multicast(client(Pkt6.SOLICIT, 4, true, false), 4));
        assertTrue(address(ia(direct, Options6.IA_NA)).address().getHostAddress().startsWith("2001:db8:1:"),
                "direct on eth9: the subnet with interface eth9");
        Pkt6 nowhere = parsed(h.relayed(client(Pkt6.SOLICIT, 5, true, false), "2001:db8:7::1", "2001:db8:7::1",
                List.of()));
        assertEquals(Options6.STATUS_NO_ADDRS_AVAIL, status(ia(nowhere, Options6.IA_NA)), "no subnet");
    }

    @Test
    void reservationsAreGrantedAndRevokedFromOthers() throws Exception {
        Pkt6 reserved = h.sarr(0x63, true, true);
        assertEquals(v6("2001:db8:1::99"), address(ia(reserved, Options6.IA_NA)).address());
        Options6.IaPrefix p = prefix(ia(reserved, Options6.IA_PD));
        assertEquals(v6("2001:db8:9::"), p.prefix());
        assertEquals(56, p.length());
        assertEquals("reserved6", h.leases.getLease6(LeaseType.NA, v6("2001:db8:1::99")).orElseThrow().hostname());

        // client 1 holds 2001:db8:1::100; then the address is reserved for client 0x65
        Pkt6 reply = h.sarr(1, true, false);
        Inet6Address held = address(ia(reply, Options6.IA_NA)).address();
        h.reconfigure(CONFIG.replace("\"reservations\": [", "\"reservations\": [ { \"duid\": "
                + "\"00:03:00:01:02:00:00:00:00:65\", \"ip-addresses\": [ \"" + held.getHostAddress() + "\" ] },"));
        Pkt6 renew = withIas(withServerId(new Pkt6(Pkt6.RENEW, 30)), reply);
        renew.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        Options6.Ia afterRevocation = ia(parsed(h.multicast(renew, 1)), Options6.IA_NA);
        List<Option> addresses = afterRevocation.options(Options6.IAADDR);
        Options6.IaAddr newOne = Options6.IaAddr.of(addresses.get(0));
        assertNotEquals(held, newOne.address(), "client 1 got another address");
        assertTrue(addresses.stream().map(Options6.IaAddr::of).anyMatch(x -> x.address().equals(held) && x.valid() == 0),
                "and the revoked one with lifetime 0");
        assertEquals(held, address(ia(h.sarr(0x65, true, false), Options6.IA_NA)).address(), "the owner gets it");
        assertFalse(h.leases.getLeases6(LeaseType.NA, new Duid(PipelineHarness6.duid(1)), 1).stream()
                .anyMatch(l -> l.address().equals(held)));
    }
}
