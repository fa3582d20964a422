package org.kea4j.dhcpsrv;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An inclusive range of addresses of one family, as a pool's {@code "192.0.2.10 - 192.0.2.100"}.
 *
 * @param first the first address
 * @param last  the last address
 */
public record AddressRange(InetAddress first, InetAddress last) {

    public AddressRange {
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

    public boolean contains(InetAddress address) {
        return address.getAddress().length == first.getAddress().length && Addresses.compare(first, address) <= 0
                && Addresses.compare(address, last) <= 0;
    }

    public boolean overlaps(AddressRange other) {
        return first.getAddress().length == other.first.getAddress().length
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
}
