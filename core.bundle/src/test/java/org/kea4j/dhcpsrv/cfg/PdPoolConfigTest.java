package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Prefix;

class PdPoolConfigTest {

    /** The pool delegates a prefix when it lies in the pool, has the delegated length and no host bits set. */
    private static boolean reference(PdPoolConfig pool, InetAddress address, int length) {
        BigInteger host = BigInteger.ONE.shiftLeft(128 - pool.delegatedLength()).subtract(BigInteger.ONE);
        return length == pool.delegatedLength() && pool.prefix().contains(address)
                && Addresses.toBigInteger(address).and(host).signum() == 0;
    }

    @Test
    void delegatesWhatLiesInThePoolAtItsLengthWithNoHostBits() throws Exception {
        Random random = new Random(13);
        for (String[] pool : new String[][] {{"2001:db8:100::/40", "56"}, {"2001:db8::/48", "64"},
            {"2001:db8::/56", "72"}, {"2001:db8:1:2::/64", "128"}, {"::/0", "1"}, {"8000::/1", "63"}}) {
            PdPoolConfig p = new PdPoolConfig(Prefix.parse(pool[0]), Integer.parseInt(pool[1]), List.of(), null);
            int d = p.delegatedLength();
            for (int k = 0; k < 400; k++) {
                byte[] a = p.prefix().network().getAddress();
                int from = p.prefix().length() + random.nextInt(Math.max(1, 129 - p.prefix().length())) - 2;
                for (int bit = Math.max(0, from); bit < 128; bit++) { // random bits past a point near the pool's
                    if (random.nextInt(4) == 0) {
                        a[bit / 8] ^= (byte) (0x80 >> (bit % 8));
                    }
                }
                InetAddress address = InetAddress.getByAddress(a);
                int length = random.nextInt(5) == 0 ? d + 1 - random.nextInt(3) : d;
                boolean expected = reference(p, address, length);
                assertEquals(expected, p.delegates(address, length), p.prefix() + "/" + d + " " + address + "/" + length);
                assertEquals(expected, p.delegates(Addresses.half(a, 0), Addresses.half(a, 8), length), address + "/" + length);
            }
            assertTrue(p.delegates(p.prefix().network(), d), "the pool's first prefix");
        }
        PdPoolConfig p = new PdPoolConfig(Prefix.parse("2001:db8::/48"), 64, List.of(), null);
        assertFalse(p.delegates(Addresses.parse("2001:db8:0:1::1"), 64), "host bits set");
        assertFalse(p.delegates(Addresses.parse("2001:db9::"), 64), "outside the pool");
        assertFalse(p.delegates(Addresses.parse("192.0.2.1"), 64), "IPv4");
    }
}
