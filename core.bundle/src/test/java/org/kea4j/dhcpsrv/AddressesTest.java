package org.kea4j.dhcpsrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void anIpv4AddressIsItsUnsignedValue() {
        Random random = new Random(3);
        for (long value : new long[] {0, 1, 0x7FFF_FFFFL, 0x8000_0000L, 0xC0A8_0001L, 0xFFFF_FFFFL}) {
            assertEquals(value, Addresses.toLong(Addresses.fromLong(value)));
        }
        for (int n = 0; n < 1000; n++) {
            long value = random.nextInt() & 0xFFFF_FFFFL;
            Inet4Address a = Addresses.fromLong(value);
            assertEquals(value, Addresses.toLong(a), a.toString());
            assertEquals(Addresses.toBigInteger(a).longValueExact(), Addresses.toLong(a), "from the bytes");
        }
    }

    @Test
    void comparesAsUnsignedNumbers() {
        List<String> ascending = List.of("0.0.0.0", "10.0.0.1", "127.255.255.255", "128.0.0.0", "192.0.2.1",
                "255.255.255.255");
        List<String> ascending6 = List.of("::", "::1", "::ffff:1", "2001:db8::1", "7fff::", "8000::", "fe80::1",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        for (List<String> list : List.of(ascending, ascending6)) {
            for (int i = 0; i < list.size(); i++) {
                for (int j = 0; j < list.size(); j++) {
                    InetAddress a = Addresses.parse(list.get(i));
                    InetAddress b = Addresses.parse(list.get(j));
                    assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(Addresses.compare(a, b)),
                            a + " against " + b);
                    assertEquals(Integer.signum(Addresses.toBigInteger(a).compareTo(Addresses.toBigInteger(b))),
                            Integer.signum(Addresses.compare(a, b)));
                }
            }
        }
        assertTrue(Addresses.compare(Addresses.parse("255.255.255.255"), Addresses.parse("::1:0:0")) < 0,
                "an IPv4 address as the number it is beside an IPv6 one");
        assertEquals(BigInteger.ONE, Addresses.toBigInteger(Addresses.parse("0.0.0.1")));
    }

    @Test
    void aRangeHoldsAddressesOfItsFamilyOnly() {
        AddressRange range = AddressRange.parse("192.0.2.10 - 192.0.2.20");
        assertTrue(range.contains(Addresses.parse("192.0.2.10")));
        assertTrue(range.contains(Addresses.parse("192.0.2.20")));
        assertFalse(range.contains(Addresses.parse("192.0.2.21")));
        assertFalse(range.contains(Addresses.parse("::c000:20f")), "the same number, IPv6");
        AddressRange range6 = AddressRange.parse("2001:db8::10 - 2001:db8::20");
        assertTrue(range6.contains(Addresses.parse("2001:db8::1f")));
        assertFalse(range6.contains(Addresses.parse("2001:db8::21")));
        assertFalse(range6.overlaps(range));
    }

    @Test
    void anIpv6RangeAnswersAsTheNumbersCompareForTheHalvesAndForTheAddress() throws Exception {
        Random random = new Random(11);
        for (String text : new String[] {"2001:db8::10 - 2001:db8::20", "::1 - 8000::", "7fff:ffff:ffff:ffff:ffff::"
                + " - 8000::ffff", "ffff:ffff:ffff:ffff::1 - ffff:ffff:ffff:ffff:ffff::", ":: - ::"}) {
            AddressRange range = AddressRange.parse(text);
            List<byte[]> probes = new java.util.ArrayList<>();
            for (InetAddress bound : List.of(range.first(), range.last())) {
                BigInteger v = Addresses.toBigInteger(bound);
                for (int d = -1; d <= 1; d++) {
                    BigInteger x = v.add(BigInteger.valueOf(d));
                    if (x.signum() >= 0 && x.bitLength() <= 128) {
                        probes.add(Addresses.fromBigInteger(x, false).getAddress());
                    }
                }
            }
            for (int k = 0; k < 200; k++) {
                byte[] a = range.first().getAddress();
                for (int i = 8 + random.nextInt(8); i < 16; i++) {
                    a[i] = (byte) random.nextInt(256); // near the range, often inside
                }
                probes.add(a);
            }
            for (byte[] a : probes) {
                InetAddress address = InetAddress.getByAddress(a);
                BigInteger x = Addresses.toBigInteger(address); // the reference: first <= x <= last as numbers
                boolean inside = Addresses.toBigInteger(range.first()).compareTo(x) <= 0
                        && x.compareTo(Addresses.toBigInteger(range.last())) <= 0;
                assertEquals(inside, range.contains(address), text + " " + address);
                assertEquals(inside, range.contains(Addresses.half(a, 0), Addresses.half(a, 8)), text + " " + address);
            }
        }
        assertFalse(AddressRange.parse("0.0.0.0 - 255.255.255.255").contains(0, 0xC000_0201L), "IPv4: never");
    }

    @Test
    void ipv6TextIsRfc5952sShortestForm() throws Exception {
        String[][] cases = {{"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
            {"2001:0db8:0000:0001:0001:0001:0001:0001", "2001:db8:0:1:1:1:1:1"},
            {"2001:0000:0000:0001:0000:0000:0000:0001", "2001:0:0:1::1"},
            {"0000:0000:0000:0000:0000:0000:0000:0000", "::"}, {"0000:0000:0000:0000:0000:0000:0000:0001", "::1"},
            {"0001:0000:0000:0000:0000:0000:0000:0000", "1::"}, {"fe80:0000:0000:0000:0abc:00ff:0f00:1000", "fe80::abc:ff:f00:1000"},
            {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}};
        for (String[] c : cases) {
            assertEquals(c[1], Addresses.format(InetAddress.getByName(c[0])), c[0]);
        }
        Random random = new Random(5);
        for (int k = 0; k < 2000; k++) {
            byte[] a = new byte[16];
            for (int i = 0; i < 16; i += 2) { // zero groups often, so that runs of them are compressed
                if (random.nextInt(3) > 0) {
                    a[i] = (byte) (random.nextBoolean() ? 0 : random.nextInt(256));
                    a[i + 1] = (byte) random.nextInt(256);
                }
            }
            InetAddress address = InetAddress.getByAddress(a);
            String text = Addresses.format(address);
            assertEquals(address, Addresses.parse(text), text);
            assertEquals("x," + text, Addresses.appendV6(new StringBuilder("x,"), Addresses.half(a, 0),
                    Addresses.half(a, 8)).toString());
            assertFalse(text.contains(":::"), text);
            assertTrue(text.length() - text.replace("::", "").length() <= 2, "one '::' at most: " + text);
        }
    }
}
