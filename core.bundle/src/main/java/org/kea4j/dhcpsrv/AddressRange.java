package org.kea4j.dhcpsrv;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An inclusive range of addresses of one family, as a pool's {@code "192.0.2.10 - 192.0.2.100"}.
 */
@ProviderType
public final class AddressRange {

    private final InetAddress first;
    private final InetAddress last;
    /** An IPv6 range's bounds as 128-bit numbers (high and low halves), for {@link #contains(long, long)}. */
    private final boolean v6;
    private final long firstHigh;
    private final long firstLow;
    private final long lastHigh;
    private final long lastLow;

    public AddressRange(InetAddress first, InetAddress last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.getAddress().length != last.getAddress().length) {
            throw new IllegalArgumentException("range mixes IPv4 and IPv6: " + first.getHostAddress() + " - "
                    + last.getHostAddress());
        }
        if (Addresses.compare(first, last) > 0) {
            throw new IllegalArgumentException("range start " + first.getHostAddress() + " is after its end "
                    + last.getHostAddress());
        }
        this.first = first;
        this.last = last;
        byte[] a = first.getAddress();
        byte[] b = last.getAddress();
        this.v6 = a.length == 16;
        this.firstHigh = v6 ? Addresses.half(a, 0) : 0;
        this.firstLow = v6 ? Addresses.half(a, 8) : 0;
        this.lastHigh = v6 ? Addresses.half(b, 0) : 0;
        this.lastLow = v6 ? Addresses.half(b, 8) : 0;
    }

    /** Parses {@code "first - last"} or a prefix {@code "192.0.2.64/26"}. */
    public static AddressRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash >= 0) {
            return new AddressRange(Addresses.parse(text.substring(0, dash)), Addresses.parse(text.substring(dash + 1)));
        }
        if (text.contains("/")) {
            Prefix prefix = Prefix.parse(text);
            return new AddressRange(prefix.network(), prefix.last());
        }
        throw new IllegalArgumentException("'" + text + "' is neither a range (first - last) nor a prefix");
    }

    /** Whether the address lies in this range (and is of the same family). */
    public boolean contains(InetAddress address) {
        if (v6) {
            byte[] a = address.getAddress(); // one copy, then the comparison the halves form makes
            return a.length == 16 && contains(Addresses.half(a, 0), Addresses.half(a, 8));
        }
        return Addresses.sameFamily(address, first) && Addresses.compare(first, address) <= 0
                && Addresses.compare(address, last) <= 0;
    }

    /**
     * Whether the IPv6 address made of these halves (its first and last 64 bits, as {@link Lease6} keeps them)
     * lies in this range; false for an IPv4 range. Allocates nothing.
     */
    public boolean contains(long high, long low) {
        return v6 && Addresses.compare128(firstHigh, firstLow, high, low) <= 0
                && Addresses.compare128(high, low, lastHigh, lastLow) <= 0;
    }

    public boolean overlaps(AddressRange other) {
        return Addresses.sameFamily(first, other.first)
                && Addresses.compare(first, other.last) <= 0 && Addresses.compare(other.first, last) <= 0;
    }

    /** Whether the whole range lies in the prefix. */
    public boolean within(Prefix prefix) {
        return prefix.contains(first) && prefix.contains(last);
    }

    /** How many addresses. */
    public BigInteger size() {
        return Addresses.toBigInteger(last).subtract(Addresses.toBigInteger(first)).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return first.getHostAddress() + "-" + last.getHostAddress();
    }

    /** The first address. */
    public InetAddress first() {
        return first;
    }

    /** The last address. */
    public InetAddress last() {
        return last;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange o && java.util.Objects.equals(o.first, first) && java.util.Objects.equals(o.last, last);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(first, last);
    }
}
