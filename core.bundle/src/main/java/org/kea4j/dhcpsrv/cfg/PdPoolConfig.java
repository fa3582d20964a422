package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.PdPool;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Prefix;
import java.math.BigInteger;
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
 */
public record PdPoolConfig(Prefix prefix, int delegatedLength, List<OptionDataConfig> options, String clientClass) implements PdPool {

    public PdPoolConfig {
        Objects.requireNonNull(prefix, "prefix");
        if (delegatedLength < prefix.length() || delegatedLength > 128) {
            throw new IllegalArgumentException("delegated length " + delegatedLength + " must be between the prefix"
                    + " length " + prefix.length() + " and 128");
        }
        options = List.copyOf(options);
    }

    /** Whether a prefix of this length at this address is one this pool delegates. */
    public boolean delegates(InetAddress address, int length) {
        if (length != delegatedLength || !prefix.contains(address)) {
            return false;
        }
        BigInteger host = BigInteger.ONE.shiftLeft(128 - delegatedLength).subtract(BigInteger.ONE);
        return Addresses.toBigInteger(address).and(host).signum() == 0;
    }

    /** How many prefixes the pool holds (capped at Long.MAX_VALUE). */
    public long capacity() {
        int bits = delegatedLength - prefix.length();
        return bits >= 63 ? Long.MAX_VALUE : 1L << bits;
    }
}
