package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.OptionDefinitions;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.Pkt6;

class ClassExpressionTest {

    /**
     * A relayed DISCOVER with option 60 "Aastra6731i", option 93 = 0x0007, option 43 with sub-option 2,
     * option 82 (circuit-id "eth0"), option 124 (enterprise 4491, "docsis3.0"), option 125 (enterprise 4491,
     * sub-option 5 = 0x0102), received on eth1 from 192.0.2.1, in class KNOWN.
     */
    private static Pkt4 v4() throws Exception {
        Pkt4 p = new Pkt4(Pkt4.DHCPDISCOVER, 0x1234);
        p.setHWAddr(1, new byte[] {0x0a, 0x0b, 0x0c, 1, 2, 3});
        p.setGiaddr((java.net.Inet4Address) InetAddress.getByName("192.0.2.1"));
        p.addOption(Option.text(60, "Aastra6731i"));
        p.addOption(new Option(93, new byte[] {0, 7}));
        p.addOption(new Option(43, new byte[] {2, 3, 'a', 'b', 'c'}));
        p.addOption(new Option(82, new byte[] {1, 4, 'e', 't', 'h', '0'}));
        p.addOption(new Option(124, new byte[] {0, 0, 0x11, (byte) 0x8b, 10, 9, 'd', 'o', 'c', 's', 'i', 's', '3', '.',
            '0'}));
        p.addOption(new Option(125, new byte[] {0, 0, 0x11, (byte) 0x8b, 4, 5, 2, 1, 2}));
        byte[] wire = p.pack();
        Pkt4 received = Pkt4.parse(wire, wire.length);
        received.setIface("eth1");
        received.setRemoteAddress(InetAddress.getByName("192.0.2.1"));
        received.setLocalAddress(InetAddress.getByName("192.0.2.254"));
        received.addClass("KNOWN");
        return received;
    }

    private static boolean eval(String text) throws Exception {
        return ClassExpression.parse(text, name -> name.equals("vendor-class-identifier") ? 60 : -1).matches(v4());
    }

    @Test
    void debiansExampleMatches() throws Exception {
        assertTrue(eval("substring(option[60].hex,0,6) == 'Aastra'"));
        assertFalse(eval("substring(option[60].hex,0,6) == 'Cisco '"));
    }

    @Test
    void operatorsOptionsAndRelayFields() throws Exception {
        assertTrue(eval("option[93].hex == 0x0007"));
        assertTrue(eval("option[vendor-class-identifier].text == 'Aastra6731i'"), "options by name");
        assertTrue(eval("option[93].exists and not option[61].exists"));
        assertTrue(eval("option[61].exists or relay4[1].hex == 'eth0'"));
        assertTrue(eval("relay4[1].exists and not relay4[2].exists"));
        assertTrue(eval("option[43].option[2].hex == 'abc'"), "sub-options");
        assertTrue(eval("not option[43].option[3].exists"));
        assertTrue(eval("(option[93].exists)"));
        assertFalse(eval("option[60].hex == 'Aastra'"));
    }

    @Test
    void packetFields() throws Exception {
        assertTrue(eval("substring(pkt4.mac, 0, 3) == 0x0a0b0c"));
        assertTrue(eval("pkt4.htype == 0x00000001 and pkt4.hlen == 0x00000006"));
        assertTrue(eval("pkt4.giaddr == 192.0.2.1 and pkt4.ciaddr == 0.0.0.0"), "address literals");
        assertTrue(eval("pkt4.msgtype == 0x00000001 and pkt4.transid == 0x00001234"));
        assertTrue(eval("pkt.iface == 'eth1' and pkt.src == 192.0.2.1 and pkt.dst == 192.0.2.254"));
        assertTrue(eval("uint32totext(pkt.len) == '" + v4().rawData().length + "'"));
        assertTrue(eval("pkt6.msgtype == ''"), "a DHCPv6 field of a DHCPv4 packet is empty");
    }

    @Test
    void vendorOptions() throws Exception {
        assertTrue(eval("vendor[4491].exists and vendor[*].exists and not vendor[9].exists"));
        assertTrue(eval("vendor.enterprise == 0x0000118b"));
        assertTrue(eval("vendor[4491].option[5].hex == 0x0102"));
        assertTrue(eval("vendor-class[4491].exists and vendor-class.enterprise == 0x0000118b"));
        assertTrue(eval("vendor-class[4491].data == 'docsis3.0' and vendor-class[4491].data[1] == ''"));
    }

    @Test
    void functions() throws Exception {
        assertTrue(eval("concat(substring(option[60].text, 0, 2), 'x') == 'Aax'"));
        assertTrue(eval("lcase(substring(option[60].hex, 0, 6)) == 'aastra' and ucase('a') == 'A'"));
        assertTrue(eval("hexstring(option[93].hex, ':') == '00:07'"));
        assertTrue(eval("substring(option[60].hex, -5, 'all') == '6731i'"));
        assertTrue(eval("substring(option[60].hex, 6, -2) == 'ra'"), "a negative length goes left");
        assertTrue(eval("substring('abc', 7, 1) == ''"), "a start outside the string");
        assertTrue(eval("split('foo--bar', '-', 3) == 'bar' and split('a.b', '.', 5) == ''"));
        assertTrue(eval("ifelse(option[93].exists, 'yes', 'no') == 'yes'"));
        assertTrue(eval("ifelse(option[94].exists, 'yes', 'no') == 'no'"));
        assertTrue(eval("addrtotext(pkt4.giaddr) == '192.0.2.1'"));
        assertTrue(eval("addrtotext(2001:db8::1) == '2001:db8::1'"));
        assertTrue(eval("int8totext(0xff) == '-1' and uint8totext(0xff) == '255'"));
        assertTrue(eval("uint16totext(option[93].hex) == '7' and int32totext(0xfffffffe) == '-2'"));
        assertFalse(eval("uint16totext(0x01) == '1'"), "wrong size: an evaluation error does not match");
    }

    @Test
    void classesKnownAndAll() throws Exception {
        assertTrue(eval("member('KNOWN') and not member('OTHER') and member('ALL')"));
        assertTrue(eval("known and not unknown"));
        assertTrue(ClassExpression.parse("member('UNKNOWN')").dependsOnKnown());
        assertTrue(ClassExpression.parse("unknown").dependsOnKnown());
        assertFalse(ClassExpression.parse("member('A')").dependsOnKnown());
    }

    @Test
    void dhcpv6RelaysAndVendorOptions() throws Exception {
        Pkt6 inner = new Pkt6(Pkt6.SOLICIT, 0x42);
        inner.addOption(new Option(17, new byte[] {0, 0, 0x11, (byte) 0x8b, 0, 1, 0, 2, 0, 32}));
        inner.addOption(new Option(16, new byte[] {0, 0, 0x11, (byte) 0x8b, 0, 3, 'a', 'b', 'c'}));
        byte[] relayed = Pkt6.relayForward(inner.pack(), 0, (Inet6Address) InetAddress.getByName("2001:db8::1"),
                (Inet6Address) InetAddress.getByName("fe80::2"), List.of(new Option(18, "port-7".getBytes(
                        StandardCharsets.US_ASCII))));
        Pkt6 p = Pkt6.parse(relayed, relayed.length);
        ClassExpression e = ClassExpression.parse("relay6[0].option[18].text == 'port-7' and relay6[0].linkaddr == "
                + "2001:db8::1 and relay6[-1].peeraddr == fe80::2 and pkt6.msgtype == 0x00000001 and "
                + "vendor[4491].option[1].hex == 0x0020 and vendor-class[4491].data == 'abc' and "
                + "not relay6[1].option[18].exists");
        assertTrue(e.matches(p));
    }

    @Test
    void whatIsNotTheLanguageIsRefusedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassExpression.parse("pkt4.len == 300"));
        assertTrue(e.getMessage().contains("'pkt4.len'") && e.getMessage().contains("position 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("foo('x') == 'y'"));
        assertEquals("'foo' is not a term of Kea's expression language at position 1 of 'foo('x') == 'y''",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[60].hex"));
        assertTrue(e.getMessage().contains("must be a condition"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[host].hex == 'a'"));
        assertTrue(e.getMessage().contains("option 'host' is not defined"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[1].exists == 'a'"));
        assertTrue(e.getMessage().contains("a string is expected"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[60].hex == 'unterminated"));
        assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("option[60].hex == 'a' junk"));
        assertThrows(IllegalArgumentException.class, () -> ClassExpression.parse("vendor[4491].option[1].text == 'a'"));
        assertEquals(60, OptionDefinitions.standard4().find("dhcp4", "vendor-class-identifier").code());
    }
}
