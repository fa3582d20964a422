package org.kea4j.dhcpsrv;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An IPv4 or IPv6 prefix such as {@code 192.0.2.0/24} or {@code 2001:db8:1::/64}. Immutable.
 */
@ProviderType
public final class Prefix {

    private final InetAddress network;
    private final int length;
    /** The network's address bytes (read once: InetAddress copies them on every call). */
    private final byte[] bytes;
    /** An IPv6 prefix's network and mask as halves (first and last 64 bits), for {@link #contains(long, long)}. */
    private final long networkHigh;
    private final long networkLow;
    private final long maskHigh;
    private final long maskLow;

    public Prefix(InetAddress network, int length) {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("prefix length " + length + " out of range 0-" + bits);
        }
        if (!Addresses.toBigInteger(network).equals(Addresses.toBigInteger(network).and(mask(bits, length)))) {
            throw new IllegalArgumentException(Addresses.format(network) + "/" + length + " is not a network address");
        }
        this.network = network;
        this.length = length;
        this.bytes = network.getAddress();
        boolean v6 = bytes.length == 16;
        this.networkHigh = v6 ? Addresses.half(bytes, 0) : 0;
        this.networkLow = v6 ? Addresses.half(bytes, 8) : 0;
        this.maskHigh = !v6 || length == 0 ? 0 : -1L << (64 - Math.min(length, 64));
        this.maskLow = !v6 || length <= 64 ? 0 : -1L << (128 - length);
    }

    /** Parses {@code address/length}. */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a prefix (address/length)");
        }
        InetAddress address = Addresses.parse(text.substring(0, slash).trim());
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
        }
        return new Prefix(address, length);
    }

    private static BigInteger mask(int bits, int length) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger host = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        return all.xor(host);
    }

    public boolean isV4() {
        return network instanceof Inet4Address;
    }

    /** The last address of the prefix. */
    public InetAddress last() {
        int bits = network.getAddress().length * 8;
        BigInteger host = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        return Addresses.fromBigInteger(Addresses.toBigInteger(network).or(host), isV4());
    }

    /** Whether the address lies in this prefix (and is of the same family). */
    public boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length != bytes.length) {
            return false;
        }
        int whole = length / 8; // bytes entirely in the prefix, then the bits of a partial one
        for (int i = 0; i < whole; i++) {
            if (other[i] != bytes[i]) {
                return false;
            }
        }
        int bits = length % 8;
        int mask = (0xFF << (8 - bits)) & 0xFF;
        return bits == 0 || (other[whole] & mask) == (bytes[whole] & mask);
    }

    /**
     * Whether the IPv6 address made of these halves (its first and last 64 bits, as {@link Lease6} keeps them)
     * lies in this prefix; false for an IPv4 prefix. Allocates nothing.
     */
    public boolean contains(long high, long low) {
        return bytes.length == 16 && (high & maskHigh) == networkHigh && (low & maskLow) == networkLow;
    }

    /** Whether the prefixes share an address. */
    public boolean overlaps(Prefix other) {
        return isV4() == other.isV4() && (contains(other.network) || other.contains(network));
    }

    @Override
    public String toString() {
        return Addresses.format(network) + "/" + length;
    }

    /** The first address (host bits zero). */
    public InetAddress network() {
        return network;
    }

    /** The prefix length. */
    public int length() {
        return length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prefix o && java.util.Objects.equals(o.network, network) && o.length == length;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(network, length);
    }
}
