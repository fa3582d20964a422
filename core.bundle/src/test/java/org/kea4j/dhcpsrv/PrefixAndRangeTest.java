package org.kea4j.dhcpsrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PrefixAndRangeTest {

    @Test
    void prefixesContainTheirAddresses() {
        Prefix p = Prefix.parse("192.0.2.0/24");
        assertTrue(p.contains(Addresses.parse("192.0.2.255")));
        assertFalse(p.contains(Addresses.parse("192.0.3.0")));
        assertEquals("192.0.2.255", p.last().getHostAddress());
        Prefix v6 = Prefix.parse("2001:db8:1::/64");
        assertTrue(v6.contains(Addresses.parse("2001:db8:1::ffff")));
        assertFalse(v6.contains(Addresses.parse("192.0.2.1")));
    }

    @Test
    void hostBitsAndBadLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.1/24"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.0"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("example.com/24"));
    }

    @Test
    void rangesParseBothKeaForms() {
        AddressRange r = AddressRange.parse("192.0.2.10 - 192.0.2.100");
        assertEquals(BigInteger.valueOf(91), r.size());
        AddressRange p = AddressRange.parse("192.0.2.64/26");
        assertEquals("192.0.2.127", p.last().getHostAddress());
        assertTrue(r.overlaps(p));
        assertTrue(r.within(Prefix.parse("192.0.2.0/24")));
        assertFalse(r.within(Prefix.parse("192.0.2.0/26")));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("192.0.2.100 - 192.0.2.10"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("192.0.2.1 - 2001:db8::1"));
    }

    @Test
    void ipv6AddressesAreWrittenCompressed() {
        assertEquals("2001:db8::1", Addresses.format(Addresses.parse("2001:0db8:0:0:0:0:0:1")));
        assertEquals("::", Addresses.format(Addresses.parse("::")));
        assertEquals("2001:db8:0:1:1:1:1:1", Addresses.format(Addresses.parse("2001:db8:0:1:1:1:1:1")));
        assertEquals("2001:0:0:1::1", Addresses.format(Addresses.parse("2001:0:0:1:0:0:0:1")));
        assertEquals("fe80::1:2", Addresses.format(Addresses.parse("fe80::1:2")));
        assertEquals("192.0.2.1", Addresses.format(Addresses.parse("192.0.2.1")));
    }

    @Test
    void addressesNeverResolveNames() {
        assertThrows(IllegalArgumentException.class, () -> Addresses.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.parse("256.1.1.1"));
        assertEquals(0xC0000201L, Addresses.toLong(Addresses.parseV4("192.0.2.1")));
        assertEquals("192.0.2.1", Addresses.fromLong(0xC0000201L).getHostAddress());
    }
}
