package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pkt6Test {

    private static Pkt6 parse(String vector) throws PacketParseException {
        byte[] wire = Vectors.load(vector);
        return Pkt6.parse(wire, wire.length);
    }

    private static Inet6Address v6(String s) throws Exception {
        return (Inet6Address) InetAddress.getByName(s);
    }

    @Test
    void parsesTheSolicitOfDhclient() throws Exception {
        Pkt6 p = parse("dhclient6-solicit-na");
        assertEquals(Pkt6.SOLICIT, p.getType());
        assertFalse(p.isRelayed());
        assertNotNull(p.getClientId());
        assertEquals(1, p.getOptions(Options6.IA_NA).size());
        Options6.Ia ia = Options6.Ia.of(p.getOption(Options6.IA_NA));
        assertEquals(Options6.IA_NA, ia.code());
        assertNotNull(p.getOption(Options6.ELAPSED_TIME));
        assertNotNull(p.getOption(Options6.ORO));
    }

    @Test
    void parsesPrefixDelegationRequests() throws Exception {
        Pkt6 dhclient = parse("dhclient6-solicit-pd");
        assertEquals(1, dhclient.getOptions(Options6.IA_PD).size());
        assertTrue(dhclient.getOptions(Options6.IA_NA).isEmpty());
        Pkt6 perf = parse("perfdhcp6-solicit-pd");
        assertEquals(1, perf.getOptions(Options6.IA_PD).size());
        Pkt6 advertise = parse("kea6-advertise-pd");
        Options6.IaPrefix prefix = Options6.IaPrefix.of(Options6.Ia.of(advertise.getOption(Options6.IA_PD))
                .options(Options6.IAPREFIX).get(0));
        assertEquals(56, prefix.length());
        assertTrue(prefix.prefix().getHostAddress().startsWith("2001:db8:8:"), prefix.toString());
    }

    @Test
    void parsesKeasAnswers() throws Exception {
        Pkt6 reply = parse("kea6-reply-na");
        assertEquals(Pkt6.REPLY, reply.getType());
        Options6.Ia ia = Options6.Ia.of(reply.getOption(Options6.IA_NA));
        Options6.IaAddr addr = Options6.IaAddr.of(ia.options(Options6.IAADDR).get(0));
        assertTrue(addr.address().getHostAddress().startsWith("2001:db8:1:0:0:0:0:1"), addr.toString());
        assertEquals(7200, addr.valid());
        assertNotNull(reply.getOption(Options6.SERVERID));
        assertEquals(parse("dhclient6-request-na").transid(), reply.transid());
    }

    @Test
    void parsesOneRelayLayer() throws Exception {
        Pkt6 p = parse("perfdhcp6-relayed-solicit-na");
        assertEquals(Pkt6.SOLICIT, p.getType());
        assertEquals(1, p.relays().size());
        Pkt6.RelayInfo relay = p.relays().get(0);
        assertEquals(0, relay.hopCount());
        assertEquals(1, p.getOptions(Options6.IA_NA).size());
        Pkt6 both = parse("perfdhcp6-relayed-solicit-na-pd");
        assertEquals(1, both.getOptions(Options6.IA_NA).size());
        assertEquals(1, both.getOptions(Options6.IA_PD).size());
        Pkt6 answer = parse("kea6-relay-reply-na-pd");
        assertEquals(Pkt6.ADVERTISE, answer.getType());
        assertEquals(relay.linkAddress(), answer.relays().get(0).linkAddress());
    }

    /** A second relay wraps the captured relayed SOLICIT, as a relay chain does on the way to the server. */
    @Test
    void parsesTwoRelayLayersAndAnswersThroughBoth() throws Exception {
        byte[] inner = Vectors.load("perfdhcp6-relayed-solicit-na");
        byte[] twice = Pkt6.relayForward(inner, 1, v6("2001:db8:99::1"), v6("fe80::99"),
                List.of(new Option(Options6.INTERFACE_ID, "eth7".getBytes())));
        Pkt6 p = Pkt6.parse(twice, twice.length);
        assertEquals(Pkt6.SOLICIT, p.getType());
        assertEquals(2, p.relays().size());
        assertEquals(v6("2001:db8:99::1"), p.relays().get(0).linkAddress(), "index 0: the relay nearest the server");
        assertEquals(1, p.relays().get(0).hopCount());
        assertArrayEquals("eth7".getBytes(), p.relays().get(0).getOption(Options6.INTERFACE_ID).data());

        Pkt6 advertise = new Pkt6(Pkt6.ADVERTISE, p.transid());
        advertise.addOption(p.getOption(Options6.CLIENTID));
        advertise.setRelays(p.relays());
        byte[] out = advertise.pack();
        assertEquals(Pkt6.RELAY_REPL, out[0]);
        Pkt6 back = Pkt6.parse(out, out.length);
        assertEquals(2, back.relays().size());
        assertEquals(p.relays().get(1).peerAddress(), back.relays().get(1).peerAddress());
        assertEquals(Pkt6.ADVERTISE, back.getType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dhclient6-solicit-na", "kea6-advertise-na", "dhclient6-request-na", "kea6-reply-na",
        "dhclient6-release-na", "dhclient6-solicit-pd", "kea6-advertise-pd", "dhclient6-request-pd",
        "perfdhcp6-solicit-na", "perfdhcp6-request-na", "perfdhcp6-solicit-pd"})
    void clientAndServerMessagesRepackByteForByte(String name) throws Exception {
        byte[] wire = Vectors.load(name);
        assertArrayEquals(wire, Pkt6.parse(wire, wire.length).pack());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kea6-relay-reply-na", "kea6-relay-reply-na-pd"})
    void keaRelayRepliesRepackByteForByte(String name) throws Exception {
        byte[] wire = Vectors.load(name);
        assertArrayEquals(wire, Pkt6.parse(wire, wire.length).pack());
    }

    @Test
    void malformedMessagesAreParseErrors() {
        byte[] solicit = Vectors.load("dhclient6-solicit-na");
        assertThrows(PacketParseException.class, () -> Pkt6.parse(solicit, 3));
        byte[] truncated = Arrays.copyOf(solicit, solicit.length - 1);
        assertThrows(PacketParseException.class, () -> Pkt6.parse(truncated, truncated.length));
        byte[] relay = Vectors.load("perfdhcp6-relayed-solicit-na");
        assertThrows(PacketParseException.class, () -> Pkt6.parse(relay, 30), "relay header truncated");
        byte[] deep = Vectors.load("dhclient6-solicit-na");
        try {
            for (int i = 0; i < 40; i++) {
                deep = Pkt6.relayForward(deep, i, v6("2001:db8::1"), v6("fe80::1"), List.of());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        byte[] tooDeep = deep;
        assertThrows(PacketParseException.class, () -> Pkt6.parse(tooDeep, tooDeep.length), "over 32 relays");
        Pkt6 p = new Pkt6(Pkt6.SOLICIT, 1);
        p.addOption(new Option(Options6.IA_NA, new byte[4]));
        byte[] out = p.pack();
        assertThrows(PacketParseException.class, () -> Pkt6.parse(out, out.length), "IA_NA shorter than 12");
    }
}
