package org.kea4j.dhcpsrv;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/** Address helpers that never resolve names. */
@ProviderType
public final class Addresses {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    /** Parses a literal IPv4 or IPv6 address; never a DNS lookup. */
    public static InetAddress parse(String text) {
        String t = text.trim();
        try {
            if (V4.matcher(t).matches()) {
                String[] parts = t.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 address");
                    }
                    bytes[i] = (byte) v;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (t.contains(":") && t.matches("[0-9A-Fa-f:.]+")) {
                InetAddress a = InetAddress.getByName(t);
                if (a instanceof Inet6Address) {
                    return InetAddress.getByAddress(a.getAddress());
                }
                return a;
            }
        } catch (UnknownHostException e) {
            // fall through
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
    }

    /** Parses a literal IPv4 address. */
    public static Inet4Address parseV4(String text) {
        InetAddress a = parse(text);
        if (!(a instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        }
        return v4;
    }

    /** Parses a literal IPv6 address. */
    public static Inet6Address parseV6(String text) {
        InetAddress a = parse(text);
        if (!(a instanceof Inet6Address v6)) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        }
        return v6;
    }

    public static BigInteger toBigInteger(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    public static InetAddress fromBigInteger(BigInteger value, boolean v4) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[v4 ? 4 : 16];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IPv4 address as an unsigned 32-bit value in a long. */
    public static long toLong(Inet4Address address) {
        // the JDK's hash code of an IPv4 address is the address (AddressesTest checks it): no copy of its bytes
        return address.hashCode() & 0xFFFF_FFFFL;
    }

    /** The IPv4 address of an unsigned 32-bit value. */
    public static Inet4Address fromLong(long value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address as text: dotted quad, or IPv6 in RFC 5952's compressed form ({@code 2001:db8::1}). */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        return appendV6(new StringBuilder(39), half(b, 0), half(b, 8)).toString();
    }

    /**
     * Appends the IPv6 address made of these halves (its first and last 64 bits, as {@link Lease6} keeps them) in
     * RFC 5952's text form, as {@link #format} writes it, without making a string of it first.
     */
    public static StringBuilder appendV6(StringBuilder sb, long high, long low) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            if (word(high, low, i) == 0) {
                int j = i;
                while (j < 8 && word(high, low, j) == 0) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            }
        }
        boolean separate = false;
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                separate = false;
                continue;
            }
            if (separate) {
                sb.append(':');
            }
            int w = word(high, low, i);
            for (int shift = 12; shift >= 0; shift -= 4) {
                if ((w >>> shift) != 0 || shift == 0) { // no leading zeros
                    sb.append(Character.forDigit((w >>> shift) & 0xF, 16));
                }
            }
            separate = true;
        }
        return sb;
    }

    /** The {@code i}th 16-bit group of an IPv6 address given as halves. */
    private static int word(long high, long low, int i) {
        return (int) ((i < 4 ? high >>> (48 - 16 * i) : low >>> (48 - 16 * (i - 4))) & 0xFFFF);
    }

    /** Compares two addresses as unsigned numbers (an IPv4 address as the number it is beside an IPv6 one). */
    public static int compare(InetAddress a, InetAddress b) {
        if (a instanceof Inet4Address x && b instanceof Inet4Address y) {
            return Long.compare(toLong(x), toLong(y));
        }
        if (a instanceof Inet6Address && b instanceof Inet6Address) {
            return Arrays.compareUnsigned(a.getAddress(), b.getAddress());
        }
        return toBigInteger(a).compareTo(toBigInteger(b));
    }

    /**
     * Eight bytes of an address from {@code offset} as a number (big-endian): an IPv6 address's halves at 0 and 8
     * are what {@link Lease6}, {@link AddressRange#contains(long, long)} and {@link Prefix#contains(long, long)} use.
     */
    public static long half(byte[] address, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = (v << 8) | (address[i] & 0xFF);
        }
        return v;
    }

    /** Compares two 128-bit unsigned numbers given as high and low halves. */
    static int compare128(long aHigh, long aLow, long bHigh, long bLow) {
        int high = Long.compareUnsigned(aHigh, bHigh);
        return high != 0 ? high : Long.compareUnsigned(aLow, bLow);
    }

    /** Whether two addresses are of one family. */
    static boolean sameFamily(InetAddress a, InetAddress b) {
        return (a instanceof Inet4Address) == (b instanceof Inet4Address);
    }
}
