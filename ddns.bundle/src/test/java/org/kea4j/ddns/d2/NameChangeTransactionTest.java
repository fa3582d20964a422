package org.kea4j.ddns.d2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Each transaction's updates and its way through every answer, against a scripted DNS server. */
class NameChangeTransactionTest {

    private static final Duration TIMEOUT = Duration.ofMillis(150);
    private final List<ScriptedDnsServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(ScriptedDnsServer::close);
    }

    private ScriptedDnsServer server(int... rcodes) throws Exception {
        ScriptedDnsServer server = new ScriptedDnsServer().answer(rcodes);
        servers.add(server);
        return server;
    }

    private static DnsServerConfig config(ScriptedDnsServer server, TsigKeyConfig key) {
        return new DnsServerConfig(InetAddress.getLoopbackAddress(), server.port(), key);
    }

    private static DdnsDomain domain(String name, ScriptedDnsServer... servers) {
        List<DnsServerConfig> list = new ArrayList<>();
        for (ScriptedDnsServer s : servers) {
            list.add(config(s, null));
        }
        return new DdnsDomain(name, list);
    }

    static NameChangeRequest ncr(ChangeType type, String address, boolean conflictResolution) throws Exception {
        return new NameChangeRequest(type, true, true, "host1.example.com.", InetAddress.getByName(address),
                Dhcid.fromHwAddr(1, new byte[] {1, 2, 3, 4, 5, 6}, "host1.example.com."),
                Instant.parse("2026-12-01T10:00:00Z"), 1333, conflictResolution);
    }

    private static NameChangeTransaction transaction(NameChangeRequest ncr, DdnsDomain forward, DdnsDomain reverse) {
        return new NameChangeTransaction(ncr, forward, reverse, DnsClient.UDP, TIMEOUT, D2Statistics.NONE);
    }

    private static List<String> section(Message m, int section) {
        List<String> out = new ArrayList<>();
        for (Record r : m.getSection(section)) {
            out.add(r.getName() + " " + DClass.string(r.getDClass()) + " " + Type.string(r.getType())
                    + (r.rdataToString().isEmpty() ? "" : " " + r.rdataToString()));
        }
        return out;
    }

    private static String dhcidText(NameChangeRequest ncr) {
        return Base64.getEncoder().encodeToString(ncr.dhcid().rdata());
    }

    @Test
    void addSendsRfc4703UpdatesForwardThenReverse() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.NOERROR);
        ScriptedDnsServer rev = server(Rcode.NOERROR);
        NameChangeRequest ncr = ncr(ChangeType.ADD, "192.0.2.10", true);
        NameChangeTransaction t = transaction(ncr, domain("example.com.", fwd), domain("2.0.192.in-addr.arpa.", rev));
        assertTrue(t.run());
        Message add = fwd.received().get(0);
        assertEquals("example.com.", add.getSection(Section.ZONE).get(0).getName().toString());
        assertEquals(List.of("host1.example.com. NONE ANY"), section(add, Section.PREREQ));
        assertEquals(List.of("host1.example.com. IN A 192.0.2.10", "host1.example.com. IN DHCID " + dhcidText(ncr)),
                section(add, Section.UPDATE));
        assertEquals(1333, add.getSection(Section.UPDATE).get(0).getTTL());
        Message ptr = rev.received().get(0);
        assertEquals("2.0.192.in-addr.arpa.", ptr.getSection(Section.ZONE).get(0).getName().toString());
        assertEquals(List.of(), section(ptr, Section.PREREQ));
        assertEquals(List.of("10.2.0.192.in-addr.arpa. ANY PTR", "10.2.0.192.in-addr.arpa. ANY DHCID",
                "10.2.0.192.in-addr.arpa. IN PTR host1.example.com.",
                "10.2.0.192.in-addr.arpa. IN DHCID " + dhcidText(ncr)), section(ptr, Section.UPDATE));
    }

    @Test
    void nameInUseIsReplacedWhenTheDhcidMatches() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.YXDOMAIN, Rcode.NOERROR);
        NameChangeRequest ncr = ncr(ChangeType.ADD, "2001:db8:1::10", true);
        NameChangeTransaction t = transaction(ncr, domain("example.com.", fwd), null);
        assertTrue(t.run());
        Message replace = fwd.received().get(1);
        assertEquals(List.of("host1.example.com. ANY ANY", "host1.example.com. IN DHCID " + dhcidText(ncr)),
                section(replace, Section.PREREQ));
        assertEquals(List.of("host1.example.com. ANY AAAA", "host1.example.com. IN AAAA 2001:db8:1:0:0:0:0:10"),
                section(replace, Section.UPDATE));
    }

    @Test
    void anotherClientsNameIsNotTakenAndReverseIsNotTouched() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.YXDOMAIN, Rcode.NXRRSET);
        ScriptedDnsServer rev = server();
        NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true), domain("example.com.", fwd),
                domain("2.0.192.in-addr.arpa.", rev));
        assertFalse(t.run());
        assertEquals(2, fwd.received().size());
        assertEquals(0, rev.received().size());
    }

    @Test
    void nameThatVanishesBetweenAddAndReplaceIsAddedAgain() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.YXDOMAIN, Rcode.NXDOMAIN, Rcode.NOERROR);
        NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true), domain("example.com.", fwd),
                null);
        assertTrue(t.run());
        assertEquals(3, fwd.received().size());
        assertEquals(List.of("FORWARD_ADD", "FORWARD_REPLACE", "FORWARD_ADD"),
                t.trail().stream().map(s -> s.substring(0, s.indexOf('@'))).toList());
    }

    @Test
    void unexpectedRcodesFailWithoutTryingOtherServers() throws Exception {
        for (int rcode : new int[] {Rcode.REFUSED, Rcode.SERVFAIL, Rcode.NOTAUTH, Rcode.NOTZONE, Rcode.FORMERR}) {
            ScriptedDnsServer first = server(rcode);
            ScriptedDnsServer second = server();
            NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true),
                    domain("example.com.", first, second), null);
            assertFalse(t.run(), Rcode.string(rcode));
            assertEquals(0, second.received().size(), Rcode.string(rcode));
        }
        ScriptedDnsServer fwd = server(Rcode.NOERROR);
        ScriptedDnsServer rev = server(Rcode.REFUSED);
        assertFalse(transaction(ncr(ChangeType.ADD, "192.0.2.10", true), domain("example.com.", fwd),
                domain("2.0.192.in-addr.arpa.", rev)).run());
    }

    @Test
    void silentServerIsTriedThreeTimesThenTheNextTakesOver() throws Exception {
        ScriptedDnsServer silent = server(ScriptedDnsServer.DROP, ScriptedDnsServer.DROP, ScriptedDnsServer.DROP);
        ScriptedDnsServer backup = server(Rcode.NOERROR);
        NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true),
                domain("example.com.", silent, backup), null);
        assertTrue(t.run());
        assertEquals(3, silent.received().size());
        assertEquals(1, backup.received().size());
        assertTrue(t.trail().get(0).endsWith(":no answer"), t.trail().toString());
    }

    @Test
    void corruptAnswersCountAsTriesAndAllServersFailingFailsTheTransaction() throws Exception {
        ScriptedDnsServer corrupt = server(ScriptedDnsServer.CORRUPT, ScriptedDnsServer.CORRUPT,
                ScriptedDnsServer.CORRUPT);
        ScriptedDnsServer silent = server(ScriptedDnsServer.DROP, ScriptedDnsServer.DROP, ScriptedDnsServer.DROP);
        NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true),
                domain("example.com.", corrupt, silent), null);
        assertFalse(t.run());
        assertEquals(3, corrupt.received().size());
        assertEquals(3, silent.received().size());
        assertTrue(t.trail().get(0).endsWith(":corrupt"), t.trail().toString());
    }

    @Test
    void serverFailingInTheMiddleHandsThePartToTheNextFromItsStart() throws Exception {
        ScriptedDnsServer first = server(Rcode.YXDOMAIN, ScriptedDnsServer.DROP, ScriptedDnsServer.DROP,
                ScriptedDnsServer.DROP);
        ScriptedDnsServer second = server(Rcode.NOERROR);
        NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true),
                domain("example.com.", first, second), null);
        assertTrue(t.run());
        assertEquals(Type.A, second.received().get(0).getSection(Section.UPDATE).get(0).getType());
        assertEquals("host1.example.com. NONE ANY", section(second.received().get(0), Section.PREREQ).get(0));
    }

    @Test
    void removeDeletesTheAddressThenTheNameWhenNoAddressIsLeftThenThePtr() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.NOERROR, Rcode.NOERROR);
        ScriptedDnsServer rev = server(Rcode.NOERROR);
        NameChangeRequest ncr = ncr(ChangeType.REMOVE, "192.0.2.10", true);
        assertTrue(transaction(ncr, domain("example.com.", fwd), domain("2.0.192.in-addr.arpa.", rev)).run());
        Message addresses = fwd.received().get(0);
        assertEquals(List.of("host1.example.com. IN DHCID " + dhcidText(ncr)), section(addresses, Section.PREREQ));
        assertEquals(List.of("host1.example.com. NONE A 192.0.2.10"), section(addresses, Section.UPDATE));
        Message rest = fwd.received().get(1);
        assertEquals(List.of("host1.example.com. IN DHCID " + dhcidText(ncr), "host1.example.com. NONE A",
                "host1.example.com. NONE AAAA"), section(rest, Section.PREREQ));
        assertEquals(List.of("host1.example.com. ANY ANY"), section(rest, Section.UPDATE));
        Message ptr = rev.received().get(0);
        assertEquals(List.of("10.2.0.192.in-addr.arpa. IN PTR host1.example.com."), section(ptr, Section.PREREQ));
        assertEquals(List.of("10.2.0.192.in-addr.arpa. ANY ANY"), section(ptr, Section.UPDATE));
    }

    @Test
    void removeTakesNxrrsetAsDoneAndOtherRcodesAsFailure() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.NXRRSET, Rcode.NXRRSET);
        ScriptedDnsServer rev = server(Rcode.NXRRSET);
        assertTrue(transaction(ncr(ChangeType.REMOVE, "192.0.2.10", true), domain("example.com.", fwd),
                domain("2.0.192.in-addr.arpa.", rev)).run());
        ScriptedDnsServer refusing = server(Rcode.SERVFAIL);
        ScriptedDnsServer untouched = server();
        assertFalse(transaction(ncr(ChangeType.REMOVE, "192.0.2.10", true), domain("example.com.", refusing),
                domain("2.0.192.in-addr.arpa.", untouched)).run());
        assertEquals(0, untouched.received().size());
        ScriptedDnsServer second = server(Rcode.NOERROR, Rcode.REFUSED);
        assertFalse(transaction(ncr(ChangeType.REMOVE, "192.0.2.10", true), domain("example.com.", second), null)
                .run());
    }

    @Test
    void withoutConflictResolutionUpdatesCarryNoPrerequisites() throws Exception {
        ScriptedDnsServer fwd = server(Rcode.NOERROR, Rcode.NOERROR);
        ScriptedDnsServer rev = server(Rcode.NOERROR, Rcode.NOERROR);
        NameChangeRequest add = ncr(ChangeType.ADD, "192.0.2.10", false);
        assertTrue(transaction(add, domain("example.com.", fwd), domain("2.0.192.in-addr.arpa.", rev)).run());
        assertEquals(List.of(), section(fwd.received().get(0), Section.PREREQ));
        assertEquals(List.of("host1.example.com. ANY A", "host1.example.com. ANY DHCID",
                "host1.example.com. IN A 192.0.2.10", "host1.example.com. IN DHCID " + dhcidText(add)),
                section(fwd.received().get(0), Section.UPDATE));
        assertTrue(transaction(ncr(ChangeType.REMOVE, "192.0.2.10", false), domain("example.com.", fwd),
                domain("2.0.192.in-addr.arpa.", rev)).run());
        assertEquals(List.of(), section(fwd.received().get(1), Section.PREREQ));
        assertEquals(List.of("host1.example.com. NONE A 192.0.2.10", "host1.example.com. ANY DHCID"),
                section(fwd.received().get(1), Section.UPDATE));
        assertEquals(List.of("10.2.0.192.in-addr.arpa. ANY PTR", "10.2.0.192.in-addr.arpa. ANY DHCID"),
                section(rev.received().get(1), Section.UPDATE));
    }

    @Test
    void signedUpdatesVerifyAndAWrongKeyIsACorruptAnswer() throws Exception {
        byte[] secret = Base64.getDecoder().decode("LSWXnfkKZjdPJI5QxlpnfQ==");
        TsigKeyConfig key = new TsigKeyConfig("d2.key", "HMAC-SHA256", 0, secret);
        try (ScriptedDnsServer signing = new ScriptedDnsServer(key.signer())) {
            DdnsDomain domain = new DdnsDomain("example.com.", List.of(config(signing, key)));
            assertTrue(transaction(ncr(ChangeType.ADD, "192.0.2.10", true), domain, null).run());
            assertEquals(List.of(Rcode.NOERROR), signing.tsigErrors());
            TsigKeyConfig wrong = new TsigKeyConfig("d2.key", "HMAC-SHA256", 0, new byte[] {1, 2, 3, 4});
            DdnsDomain wrongDomain = new DdnsDomain("example.com.", List.of(config(signing, wrong)));
            NameChangeTransaction t = transaction(ncr(ChangeType.ADD, "192.0.2.10", true), wrongDomain, null);
            assertFalse(t.run());
            assertTrue(t.trail().stream().allMatch(s -> s.endsWith(":corrupt")), t.trail().toString());
        }
    }
}
