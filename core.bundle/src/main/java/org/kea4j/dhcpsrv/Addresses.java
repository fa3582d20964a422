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
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                int j = i;
                while (j < 8 && words[j] == 0) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
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

    /** Whether two addresses are of one family. */
    static boolean sameFamily(InetAddress a, InetAddress b) {
        return (a instanceof Inet4Address) == (b instanceof Inet4Address);
    }
}
