package org.kea4j.ddns.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.DdnsParameters.ReplaceClientName;

/** RFC 4702 / 4704's flag rules as Kea applies them, the option's forms, and the v4 name decision. */
class ClientNamesTest {

    private static DdnsParameters params(boolean send, boolean overrideNoUpdate, boolean overrideClientUpdate) {
        DdnsParameters d = DdnsParameters.DEFAULTS;
        return new DdnsParameters(send, overrideNoUpdate, overrideClientUpdate, d.replaceClientName(),
                d.generatedPrefix(), "example.com", d.updateOnRenew(), d.useConflictResolution(), "", "");
    }

    private static DdnsParameters replacing(ReplaceClientName mode) {
        DdnsParameters d = params(true, false, false);
        return new DdnsParameters(true, false, false, mode, "host", d.qualifyingSuffix(), false, true,
                "[^A-Za-z0-9.-]", "x");
    }

    /** Client N,S; updates on; override-no-update; override-client-update; expected server S,N,O. */
    @ParameterizedTest
    @CsvSource({
        "0,0, true,false,false, 0,0,0", "0,0, true,false,true, 1,0,1", "0,0, false,false,true, 0,1,0",
        "0,1, true,false,false, 1,0,0", "0,1, false,false,false, 0,1,1",
        "1,0, true,false,false, 0,1,0", "1,0, true,true,false, 1,0,1", "1,0, false,true,false, 0,1,0"})
    void flagTable(int n, int s, boolean updates, boolean onu, boolean ocu, int sS, int sN, int sO) {
        int client = (n == 1 ? ClientFqdn.N : 0) | (s == 1 ? ClientFqdn.S : 0) | ClientFqdn.E;
        int answer = ClientNames.answerFlags(client, updates, params(updates, onu, ocu));
        assertEquals(sS == 1, (answer & ClientFqdn.S) != 0, "S");
        assertEquals(sN == 1, (answer & ClientFqdn.N) != 0, "N");
        assertEquals(sO == 1, (answer & ClientFqdn.O) != 0, "O");
        assertTrue((answer & ClientFqdn.E) != 0, "E is copied");
    }

    @Test
    void optionFormsAreReadAndWritten() {
        ClientFqdn full = ClientFqdn.parse(new byte[] {5, 0, 0, 4, 'H', 'o', 's', 't', 3, 'c', 'o', 'm', 0}, true);
        assertEquals("host.com", full.name());
        assertFalse(full.partial());
        ClientFqdn partial = ClientFqdn.parse(new byte[] {5, 0, 0, 4, 'h', 'o', 's', 't'}, true);
        assertTrue(partial.partial());
        ClientFqdn ascii = ClientFqdn.parse("\u0001\u0000\u0000Host.Example.".getBytes(StandardCharsets.US_ASCII), true);
        assertEquals("host.example", ascii.name());
        assertFalse(ascii.partial());
        ClientFqdn v6 = ClientFqdn.parse(new byte[] {1, 4, 'h', 'o', 's', 't'}, false);
        assertEquals("host", v6.name());
        assertTrue(v6.partial());
        assertThrows(IllegalArgumentException.class, () -> ClientFqdn.parse(new byte[] {9, 0, 0}, true), "N and S");
        assertThrows(IllegalArgumentException.class, () -> ClientFqdn.parse(new byte[] {5, 0}, true), "short");
        assertThrows(IllegalArgumentException.class, () -> ClientFqdn.parse(new byte[] {5, 0, 0, 9, 'a'}, true));
        assertArrayEquals(new byte[] {5, (byte) 255, (byte) 255, 1, 'a', 2, 'b', 'c', 0},
                ClientFqdn.answer(5, "a.bc.", true));
        assertArrayEquals(new byte[] {1, (byte) 255, (byte) 255, 'a', '.'}, ClientFqdn.answer(1, "a.", true));
        assertArrayEquals(new byte[] {1, 1, 'a', 0}, ClientFqdn.answer(1, "a.", false));
        // DHCPv6 (RFC 4704): N is 0x04, there is no E, the bits above N must be zero
        ClientFqdn noUpdate6 = ClientFqdn.parse(new byte[] {4, 1, 'a', 0}, false);
        assertTrue(noUpdate6.has(ClientFqdn.N));
        assertFalse(noUpdate6.has(ClientFqdn.S));
        assertThrows(IllegalArgumentException.class, () -> ClientFqdn.parse(new byte[] {5, 1, 'a', 0}, false),
                "N and S");
        assertThrows(IllegalArgumentException.class, () -> ClientFqdn.parse(new byte[] {8, 1, 'a', 0}, false),
                "must be zero");
        assertArrayEquals(new byte[] {6, 1, 'a', 0}, ClientFqdn.answer(ClientFqdn.N | ClientFqdn.O, "a.", false));
    }

    @Test
    void namesAreQualifiedGeneratedAndSanitized() throws Exception {
        assertEquals("laptop.example.com.", ClientNames.qualify("laptop", "example.com.", true));
        assertEquals("laptop", ClientNames.qualify("laptop", "", false));
        assertEquals("myhost-192-0-2-10.example.com.", ClientNames.generate("myhost",
                InetAddress.getByName("192.0.2.10"), "example.com", true));
        assertEquals("h-2001-db8--1.example.com", ClientNames.generate("h", InetAddress.getByName("2001:db8::1"),
                "example.com", false));
        assertEquals("myxhost.example", ClientNames.sanitize("my_host.example", replacing(ReplaceClientName.NEVER)));
    }

    private static Pkt4 query(Option... options) {
        Pkt4 p = new Pkt4(Pkt4.DHCPREQUEST, 1);
        for (Option o : options) {
            p.addOption(o);
        }
        return p;
    }

    @Test
    void dhcp4Decisions() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.10");
        DdnsParameters p = params(true, false, false);
        NameDecision fqdn = Dhcp4Names.decide(query(new Option(81, new byte[] {5, 0, 0, 6, 'l', 'a', 'p', 't', 'o',
            'p'})), p, a);
        assertEquals("laptop.example.com.", fqdn.name());
        assertTrue(fqdn.forward() && fqdn.reverse());
        NameDecision reverseOnly = Dhcp4Names.decide(query(new Option(81, new byte[] {4, 0, 0, 1, 'x', 0})), p, a);
        assertFalse(reverseOnly.forward());
        assertTrue(reverseOnly.reverse());
        NameDecision host = Dhcp4Names.decide(query(new Option(12, "printer".getBytes(StandardCharsets.US_ASCII))),
                p, a);
        assertEquals("printer.example.com", host.name());
        assertTrue(host.forward() && host.reverse());
        NameDecision full = Dhcp4Names.decide(query(new Option(12, "a.b.c".getBytes(StandardCharsets.US_ASCII))),
                p, a);
        assertEquals("a.b.c", full.name());
        assertNull(Dhcp4Names.decide(query(new Option(12, "  ".getBytes(StandardCharsets.US_ASCII))), p, a));
        assertNull(Dhcp4Names.decide(query(), p, a));
        assertEquals("host-192-0-2-10.example.com", Dhcp4Names.decide(query(), replacing(ReplaceClientName.ALWAYS),
                a).name());
        assertEquals("host-192-0-2-10.example.com.", Dhcp4Names.decide(query(new Option(81, new byte[] {5, 0, 0, 1,
            'x', 0})), replacing(ReplaceClientName.WHEN_PRESENT), a).name());
        assertEquals("x.", Dhcp4Names.decide(query(new Option(81, new byte[] {5, 0, 0, 1, 'x', 0})),
                replacing(ReplaceClientName.WHEN_NOT_PRESENT), a).name());
        // a reserved hostname wins, qualified with the suffix, whatever the client sent
        assertEquals("desk.example.com.", Dhcp4Names.decide(query(new Option(81, new byte[] {5, 0, 0, 1, 'x', 0})),
                replacing(ReplaceClientName.ALWAYS), a, "Desk").name());
        NameDecision reservedOnly = Dhcp4Names.decide(query(), p, a, "desk");
        assertEquals("desk.example.com", reservedOnly.name());
        assertFalse(reservedOnly.fqdnOption());
        assertTrue(reservedOnly.forward() && reservedOnly.reverse());
        NameDecision off = Dhcp4Names.decide(query(new Option(81, new byte[] {5, 0, 0, 1, 'x', 0})),
                params(false, false, false), a);
        assertFalse(off.forward() || off.reverse());
        assertEquals(ClientFqdn.N | ClientFqdn.O | ClientFqdn.E, off.flags());
    }
}
