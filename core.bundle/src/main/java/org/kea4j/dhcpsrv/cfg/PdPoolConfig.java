package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.PdPool;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Prefix;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A prefix delegation pool: prefixes of {@code delegatedLength} bits carved out of {@code prefix}.
 *
 * @param prefix          the pool
 * @param delegatedLength the length of each delegated prefix
 * @param options         options given with prefixes of this pool
 * @param clientClass     only clients of this class may use the pool (null = all)
 * @param requiredClasses {@code require-client-classes}: evaluated for clients delegated from the pool
 * @param excludedPrefix  RFC 6603's excluded prefix (its bits past the delegated length are excluded from each
 *                        delegated prefix), or null
 */
public record PdPoolConfig(Prefix prefix, int delegatedLength, List<OptionDataConfig> options, String clientClass,
        List<String> requiredClasses, Prefix excludedPrefix) implements PdPool {

    /** A pool without required classes or excluded prefix. */
    public PdPoolConfig(Prefix prefix, int delegatedLength, List<OptionDataConfig> options, String clientClass) {
        this(prefix, delegatedLength, options, clientClass, List.of(), null);
    }

    public PdPoolConfig {
        Objects.requireNonNull(prefix, "prefix");
        if (delegatedLength < prefix.length() || delegatedLength > 128) {
            throw new IllegalArgumentException("delegated length " + delegatedLength + " must be between the prefix"
                    + " length " + prefix.length() + " and 128");
        }
        options = List.copyOf(options);
        requiredClasses = List.copyOf(requiredClasses);
        if (excludedPrefix != null && (excludedPrefix.length() <= delegatedLength || !prefix.contains(
                excludedPrefix.network()))) {
            throw new IllegalArgumentException("excluded prefix " + excludedPrefix + " must lie in " + prefix
                    + " and be longer than the delegated length " + delegatedLength);
        }
    }

    /**
     * RFC 6603's PD_EXCLUDE payload for a prefix of this pool: the excluded length, then the excluded
     * prefix's bits past the delegated length, left-aligned in whole bytes; null when the pool excludes none.
     */
    public byte[] pdExclude() {
        if (excludedPrefix == null) {
            return null;
        }
        int bits = excludedPrefix.length() - delegatedLength;
        byte[] out = new byte[1 + (bits + 7) / 8];
        out[0] = (byte) excludedPrefix.length();
        byte[] a = excludedPrefix.network().getAddress();
        for (int k = 0; k < bits; k++) {
            int from = delegatedLength + k;
            if ((a[from / 8] & (0x80 >> (from % 8))) != 0) {
                out[1 + k / 8] |= (byte) (0x80 >> (k % 8));
            }
        }
        return out;
    }

    /** Whether a prefix of this length at this address is one this pool delegates. */
    public boolean delegates(InetAddress address, int length) {
        byte[] a = address.getAddress();
        return a.length == 16 && delegates(Addresses.half(a, 0), Addresses.half(a, 8), length);
    }

    /**
     * Whether a prefix of this length at the IPv6 address made of these halves (as {@link org.kea4j.dhcpsrv.Lease6}
     * keeps it) is one this pool delegates. Allocates nothing.
     */
    public boolean delegates(long high, long low, int length) {
        return length == delegatedLength && prefix.contains(high, low) && (high & hostBits(delegatedLength)) == 0
                && (low & hostBits(delegatedLength - 64)) == 0;
    }

    /** The bits of a 64-bit half past its first {@code networkBits} (all for none, none for 64 or more). */
    private static long hostBits(int networkBits) {
        return networkBits <= 0 ? -1L : networkBits >= 64 ? 0 : -1L >>> networkBits;
    }

    /** How many prefixes the pool holds (capped at Long.MAX_VALUE). */
    public long capacity() {
        int bits = delegatedLength - prefix.length();
        return bits >= 63 ? Long.MAX_VALUE : 1L << bits;
    }
}
