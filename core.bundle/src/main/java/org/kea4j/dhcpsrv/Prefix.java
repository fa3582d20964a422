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
        if (address.getAddress().length != network.getAddress().length) {
            return false;
        }
        int bits = network.getAddress().length * 8;
        return Addresses.toBigInteger(address).and(mask(bits, length)).equals(Addresses.toBigInteger(network));
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
