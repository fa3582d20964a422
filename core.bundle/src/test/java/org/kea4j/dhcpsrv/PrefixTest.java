package org.kea4j.dhcpsrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void containsTheAddressesFromItsNetworkToItsLastAndNoOthers() {
        for (String text : new String[] {"0.0.0.0/0", "10.0.0.0/7", "192.0.2.0/24", "192.0.2.128/25", "192.0.2.5/32",
            "::/0", "2001:db8::/29", "2001:db8:1::/48", "2001:db8:1:0:8000::/65", "2001:db8::1/128"}) {
            Prefix p = Prefix.parse(text);
            assertTrue(p.contains(p.network()), text);
            assertTrue(p.contains(p.last()), text);
            java.math.BigInteger last = Addresses.toBigInteger(p.last());
            java.math.BigInteger first = Addresses.toBigInteger(p.network());
            java.math.BigInteger top = java.math.BigInteger.ONE.shiftLeft(p.isV4() ? 32 : 128);
            if (last.add(java.math.BigInteger.ONE).compareTo(top) < 0) {
                assertFalse(p.contains(Addresses.fromBigInteger(last.add(java.math.BigInteger.ONE), p.isV4())),
                        text + ": the address after the last");
            }
            if (first.signum() > 0) {
                assertFalse(p.contains(Addresses.fromBigInteger(first.subtract(java.math.BigInteger.ONE), p.isV4())),
                        text + ": the address before the first");
            }
        }
    }

    @Test
    void anAddressOfTheOtherFamilyIsNotContained() {
        assertFalse(Prefix.parse("0.0.0.0/0").contains(Addresses.parse("::")));
        assertFalse(Prefix.parse("::/0").contains(Addresses.parse("0.0.0.0")));
    }

    @Test
    void delegatedPrefixesAreMatchedByTheirFirstBits() {
        Prefix pool = Prefix.parse("2001:db8:100::/40");
        assertTrue(pool.contains(Addresses.parse("2001:db8:1ff:ff00::")));
        assertFalse(pool.contains(Addresses.parse("2001:db8:200::")));
        assertTrue(pool.overlaps(Prefix.parse("2001:db8:180::/41")));
        assertFalse(pool.overlaps(Prefix.parse("2001:db8:200::/40")));
    }

    @Test
    void hostBitsSetAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.1/24"));
        assertEquals("2001:db8:1::/48", Prefix.parse("2001:db8:1::/48").toString());
    }

    @Test
    void theHalvesFormAnswersAsTheAddressFormForEveryLength() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int length = 0; length <= 128; length++) {
            byte[] net = new byte[16];
            random.nextBytes(net);
            java.math.BigInteger value = new java.math.BigInteger(1, net);
            java.math.BigInteger hostBits = java.math.BigInteger.ONE.shiftLeft(128 - length).subtract(java.math.BigInteger.ONE);
            Prefix p = new Prefix(Addresses.fromBigInteger(value.andNot(hostBits), false), length);
            for (int k = 0; k < 50; k++) {
                byte[] a = k % 2 == 0 ? p.network().getAddress() : new byte[16];
                if (k % 2 == 0) { // in the prefix, host bits random
                    byte[] noise = new byte[16];
                    random.nextBytes(noise);
                    a = Addresses.fromBigInteger(new java.math.BigInteger(1, a).or(new java.math.BigInteger(1, noise)
                            .and(hostBits)), false).getAddress();
                    if (k % 4 == 0 && length > 0) { // one network bit flipped: outside
                        int bit = random.nextInt(length);
                        a[bit / 8] ^= (byte) (0x80 >> (bit % 8));
                    }
                } else {
                    random.nextBytes(a);
                }
                java.net.InetAddress address = java.net.InetAddress.getByAddress(a);
                assertEquals(p.contains(address), p.contains(Addresses.half(a, 0), Addresses.half(a, 8)),
                        p + " " + address);
            }
        }
        assertFalse(Prefix.parse("0.0.0.0/0").contains(0, 0), "an IPv4 prefix holds no IPv6 address");
    }
}
