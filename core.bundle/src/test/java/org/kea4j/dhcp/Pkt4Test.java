package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pkt4Test {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void parsesTheDiscoverOfDhclient() throws Exception {
        Pkt4 p = Pkt4.parse(Vectors.load("dhclient-discover"), 300);
        assertEquals(Pkt4.DHCPDISCOVER, p.getType());
        assertEquals("DHCPDISCOVER", p.getName());
        assertEquals(Pkt4.BOOTREQUEST, p.op());
        assertEquals(0x1637070aL, p.transid());
        assertEquals("9e:e8:b7:a9:7d:ca", Hex.colons(p.hwaddrBytes()));
        assertEquals(HWAddr.HTYPE_ETHER, p.getHWAddr().type());
        assertFalse(p.isRelayed());
        assertEquals("vm", p.getOption(Options4.HOST_NAME).text());
        assertEquals(13, p.getOption(Options4.PARAMETER_REQUEST_LIST).length());
        assertNull(p.getClientId());
        assertEquals(List.of(12, 53, 55), p.options().stream().map(Option::code).toList());
    }

    @Test
    void parsesTheRequestAndReleaseOfDhclient() throws Exception {
        Pkt4 request = Pkt4.parse(Vectors.load("dhclient-request"), 300);
        assertEquals(Pkt4.DHCPREQUEST, request.getType());
        assertEquals(ip("192.0.2.10"), request.getOption(Options4.REQUESTED_ADDRESS).ipv4());
        assertEquals(ip("192.0.2.1"), request.getOption(Options4.SERVER_IDENTIFIER).ipv4());
        Pkt4 release = Pkt4.parse(Vectors.load("dhclient-release"), 300);
        assertEquals(Pkt4.DHCPRELEASE, release.getType());
        assertEquals(ip("192.0.2.10"), release.ciaddr());
    }

    @Test
    void parsesTheRelayedPacketsOfPerfdhcp() throws Exception {
        byte[] discover = Vectors.load("perfdhcp-discover");
        Pkt4 p = Pkt4.parse(discover, discover.length);
        assertTrue(p.isRelayed());
        assertEquals(ip("192.0.2.2"), p.giaddr());
        assertEquals(1, p.hops());
        assertEquals("01:00:0c:01:02:03:04", p.getClientId().toString());
        byte[] request = Vectors.load("perfdhcp-request");
        Pkt4 r = Pkt4.parse(request, request.length);
        assertEquals(Pkt4.DHCPREQUEST, r.getType());
        assertEquals(ip("192.0.2.11"), r.getOption(Options4.REQUESTED_ADDRESS).ipv4());
    }

    /** Kea orders options as kea4j does (53 first, then by code), so its replies re-pack byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"kea-offer", "kea-ack", "kea-offer-relayed", "kea-ack-relayed"})
    void keaRepliesRepackIdentically(String name) throws Exception {
        byte[] wire = Vectors.load(name);
        Pkt4 p = Pkt4.parse(wire, wire.length);
        assertEquals(Pkt4.BOOTREPLY, p.op());
        assertArrayEquals(wire, p.pack());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dhclient-discover", "dhclient-request", "dhclient-release", "perfdhcp-discover",
        "perfdhcp-request"})
    void clientPacketsSurviveARoundTrip(String name) throws Exception {
        byte[] wire = Vectors.load(name);
        Pkt4 p = Pkt4.parse(wire, wire.length);
        Pkt4 again = Pkt4.parse(p.pack(), p.buffer().length);
        assertEquals(p.toString(), again.toString());
        assertEquals(p.options(), again.options());
        assertEquals(p.sname(), again.sname());
        assertEquals(p.file(), again.file());
    }

    @Test
    void buildsAPacketFieldByField() throws Exception {
        Pkt4 p = new Pkt4(Pkt4.DHCPACK, 0xdeadbeefL);
        p.setOp(Pkt4.BOOTREPLY);
        p.setHWAddr(1, new byte[] {1, 2, 3, 4, 5, 6});
        p.setYiaddr((java.net.Inet4Address) ip("10.0.0.5"));
        p.setSname("boot.example");
        p.setFile("pxelinux.0");
        p.setFlags(Pkt4.FLAG_BROADCAST);
        p.addOption(Option.uint32(Options4.LEASE_TIME, 3600));
        p.addOption(new Option(Options4.RELAY_AGENT_INFO, new byte[] {1, 1, 9}));
        byte[] wire = p.pack();
        assertEquals(Options4.MESSAGE_TYPE, wire[240] & 0xFF, "option 53 first");
        assertEquals(Options4.END, wire[wire.length - 1] & 0xFF);
        assertEquals(Options4.RELAY_AGENT_INFO, wire[wire.length - 6] & 0xFF, "option 82 last");
        Pkt4 q = Pkt4.parse(wire, wire.length);
        assertEquals(0xdeadbeefL, q.transid());
        assertEquals("boot.example", q.sname());
        assertEquals("pxelinux.0", q.file());
        assertTrue(q.broadcastFlag());
        assertEquals(3600, q.getOption(Options4.LEASE_TIME).uint32());
        assertEquals(9, q.getOption(Options4.RELAY_AGENT_INFO).subOption4(1).uint8());
    }

    @Test
    void longOptionsAreSplitAndJoined() throws Exception {
        byte[] big = new byte[600];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Pkt4 p = new Pkt4(Pkt4.DHCPOFFER, 1);
        p.addOption(new Option(43, big));
        byte[] wire = p.pack();
        assertEquals(240 + 3 + 3 * 2 + 600 + 1, wire.length, "three instances of option 43");
        assertArrayEquals(big, Pkt4.parse(wire, wire.length).getOption(43).data());
    }

    @Test
    void overloadedFileAndSnameFieldsCarryOptions() throws Exception {
        Pkt4 p = new Pkt4(Pkt4.DHCPDISCOVER, 7);
        p.addOption(Option.uint8(Options4.OPTION_OVERLOAD, 3));
        byte[] wire = p.pack();
        // file field (offset 108): host-name "abc"; sname field (offset 44): a second part of host-name "de"
        wire[108] = 12;
        wire[109] = 3;
        wire[110] = 'a';
        wire[111] = 'b';
        wire[112] = 'c';
        wire[113] = (byte) 255;
        wire[44] = 12;
        wire[45] = 2;
        wire[46] = 'd';
        wire[47] = 'e';
        wire[48] = (byte) 255;
        Pkt4 q = Pkt4.parse(wire, wire.length);
        assertEquals("abcde", q.getOption(Options4.HOST_NAME).text(), "file then sname, concatenated (RFC 3396)");
        assertEquals("", q.file(), "the fields that held options are empty");
        assertEquals("", q.sname());
        assertNull(q.getOption(Options4.OPTION_OVERLOAD));
        assertEquals(2, q.options().size(), "message type and host name");
    }

    @Test
    void fieldsOfOnePacketAreItsOwn() throws Exception {
        Pkt4 named = new Pkt4(Pkt4.DHCPOFFER, 1);
        named.setSname("server");
        named.setFile("boot.img");
        Pkt4 parsed = Pkt4.parse(named.pack(), named.pack().length);
        Pkt4 empty = Pkt4.parse(new Pkt4(Pkt4.DHCPOFFER, 2).pack(), Pkt4.HEADER_LENGTH + 8);
        empty.setSname("other");
        assertEquals("server", parsed.sname());
        assertEquals("boot.img", parsed.file());
        assertEquals("", Pkt4.parse(new Pkt4(Pkt4.DHCPOFFER, 3).pack(), Pkt4.HEADER_LENGTH + 8).sname(),
                "a zero field of another packet stays zero");
        assertEquals("other", empty.sname());
    }

    @Test
    void aPacketThatDoesNotParseHasNoOptions() {
        Pkt4 built = new Pkt4(Pkt4.DHCPDISCOVER, 1);
        built.addOption(Option.text(Options4.HOST_NAME, "abc"));
        byte[] wire = built.pack();
        assertEquals(Options4.HOST_NAME, wire[243], "after the message type (240-242)");
        wire[244] = 100; // the host name runs past the end, after the message type was read
        Pkt4 p = new Pkt4(wire, wire.length);
        assertThrows(PacketParseException.class, p::unpack);
        assertTrue(p.options().isEmpty(), p.options().toString());
    }

    @Test
    void bootpWithoutOptionsIsAccepted() throws Exception {
        Pkt4 p = Pkt4.parse(new byte[Pkt4.HEADER_LENGTH], Pkt4.HEADER_LENGTH);
        assertEquals(-1, p.getType());
        assertTrue(p.options().isEmpty());
    }

    @Test
    void malformedPacketsAreParseErrors() {
        byte[] discover = Vectors.load("dhclient-discover");
        assertThrows(PacketParseException.class, () -> Pkt4.parse(discover, 100), "shorter than the header");
        byte[] cookie = discover.clone();
        cookie[238] = 0;
        assertThrows(PacketParseException.class, () -> Pkt4.parse(cookie, cookie.length), "bad cookie");
        byte[] truncated = Arrays.copyOf(discover, 250);
        truncated[245] = 100;
        assertThrows(PacketParseException.class, () -> Pkt4.parse(truncated, truncated.length), "truncated option");
        byte[] badType = discover.clone();
        badType[241] = 2; // option 53 with two bytes
        assertThrows(PacketParseException.class, () -> Pkt4.parse(badType, badType.length), "option 53 length 2");
        byte[] badHlen = discover.clone();
        badHlen[2] = 17;
        assertThrows(PacketParseException.class, () -> Pkt4.parse(badHlen, badHlen.length), "hlen over 16");
    }
}
