package org.kea4j.ncr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The three examples of RFC 4701 section 3.6, and the text forms NCRs carry. */
class DhcidTest {

    private static byte[] hex(String text) {
        return HexFormat.ofDelimiter(":").parseHex(text);
    }

    private static String base64(Dhcid dhcid) {
        return Base64.getEncoder().encodeToString(dhcid.rdata());
    }

    @Test
    void duidExample() {
        Dhcid dhcid = Dhcid.fromDuid(hex("00:01:00:06:41:2d:f1:66:01:02:03:04:05:06"), "chi6.example.com");
        assertEquals("AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=", base64(dhcid));
        assertEquals(Dhcid.TYPE_DUID, dhcid.identifierType());
    }

    @Test
    void clientIdExample() {
        Dhcid dhcid = Dhcid.fromClientId(hex("01:07:08:09:0a:0b:0c"), "chi.example.com");
        assertEquals("AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=", base64(dhcid));
        assertEquals(Dhcid.TYPE_CLIENT_ID, dhcid.identifierType());
    }

    @Test
    void hardwareAddressExample() {
        Dhcid dhcid = Dhcid.fromHwAddr(1, hex("01:02:03:04:05:06"), "client.example.com");
        assertEquals("AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=", base64(dhcid));
        assertEquals(Dhcid.TYPE_HWADDR, dhcid.identifierType());
    }

    @Test
    void nameIsCaseAndTrailingDotInsensitive() {
        byte[] duid = hex("00:01:00:06:41:2d:f1:66:01:02:03:04:05:06");
        assertEquals(Dhcid.fromDuid(duid, "chi6.example.com"), Dhcid.fromDuid(duid, "CHI6.Example.COM."));
    }

    @Test
    void hexRoundTripIsUpperCase() {
        Dhcid dhcid = Dhcid.fromClientId(hex("01:07:08:09:0a:0b:0c"), "chi.example.com");
        String text = dhcid.toHex();
        assertEquals(text.toUpperCase(), text);
        assertEquals(70, text.length());
        assertEquals(dhcid, Dhcid.fromHex(text.toLowerCase()));
        assertArrayEquals(dhcid.rdata(), Dhcid.fromRdata(dhcid.rdata()).rdata());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Dhcid.fromHex(""));
        assertThrows(IllegalArgumentException.class, () -> Dhcid.fromHex("ABC"));
        assertThrows(IllegalArgumentException.class, () -> Dhcid.fromHex("ZZ"));
        assertThrows(IllegalArgumentException.class, () -> Dhcid.fromDuid(new byte[0], "a.example."));
        assertThrows(IllegalArgumentException.class, () -> Dhcid.fromDuid(new byte[] {1}, "a..example."));
        assertThrows(IllegalArgumentException.class, () -> Dhcid.fromDuid(new byte[] {1}, "x".repeat(64) + ".example."));
    }

    @Test
    void canonicalWireForm() {
        assertArrayEquals(new byte[] {1, 'a', 2, 'b', 'c', 0}, Dhcid.canonicalWire("A.bC."));
        assertArrayEquals(new byte[] {0}, Dhcid.canonicalWire("."));
    }
}
