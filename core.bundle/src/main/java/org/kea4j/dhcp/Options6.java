package org.kea4j.dhcp;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * DHCPv6 option codes, the wire form of v6 option lists (2-byte code, 2-byte length) and the structured
 * options the servers build and read: IA_NA / IA_PD, IAADDR, IAPREFIX, status codes.
 */
@ProviderType
public final class Options6 {

    public static final int CLIENTID = 1;
    public static final int SERVERID = 2;
    public static final int IA_NA = 3;
    public static final int IA_TA = 4;
    public static final int IAADDR = 5;
    public static final int ORO = 6;
    public static final int PREFERENCE = 7;
    public static final int ELAPSED_TIME = 8;
    public static final int RELAY_MSG = 9;
    public static final int UNICAST = 12;
    public static final int STATUS_CODE = 13;
    public static final int RAPID_COMMIT = 14;
    public static final int VENDOR_OPTS = 17;
    public static final int INTERFACE_ID = 18;
    public static final int DNS_SERVERS = 23;
    public static final int IA_PD = 25;
    public static final int IAPREFIX = 26;
    public static final int CLIENT_FQDN = 39;

    /** Status codes (RFC 8415 21.13, RFC 3633). */
    public static final int STATUS_SUCCESS = 0;
    public static final int STATUS_UNSPEC_FAIL = 1;
    public static final int STATUS_NO_ADDRS_AVAIL = 2;
    public static final int STATUS_NO_BINDING = 3;
    public static final int STATUS_NOT_ON_LINK = 4;
    public static final int STATUS_USE_MULTICAST = 5;
    public static final int STATUS_NO_PREFIX_AVAIL = 6;

    private Options6() {
    }

    /**
     * Reads a DHCPv6 option list.
     *
     * @throws PacketParseException when an option runs past the end or breaks its length rule
     */
    public static List<Option> parse(byte[] data, int from, int to) throws PacketParseException {
        List<Option> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (i + 4 > to) {
                throw new PacketParseException("option header truncated at offset " + i);
            }
            int code = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
            int len = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            if (i + 4 + len > to) {
                throw new PacketParseException("option " + code + " is truncated: length " + len + ", "
                        + (to - i - 4) + " bytes left");
            }
            byte[] payload = Arrays.copyOfRange(data, i + 4, i + 4 + len);
            String problem = check(code, payload);
            if (problem != null) {
                throw new PacketParseException(problem);
            }
            out.add(Option.wrap(code, payload));
            i += 4 + len;
        }
        return out;
    }

    /** The length rules of the options the servers read. */
    static String check(int code, byte[] p) throws PacketParseException {
        int len = p.length;
        String problem = switch (code) {
            case CLIENTID, SERVERID -> len < 1 || len > Duid.MAX_LENGTH ? "DUID of " + len + " bytes" : null;
            case IA_NA, IA_PD -> len < 12 ? "IA of " + len + " bytes" : null;
            case IA_TA -> len < 4 ? "IA_TA of " + len + " bytes" : null;
            case IAADDR -> len < 24 ? "IAADDR of " + len + " bytes" : null;
            case IAPREFIX -> len < 25 ? "IAPREFIX of " + len + " bytes" : null;
            case ORO -> len % 2 != 0 ? "ORO of odd length " + len : null;
            case PREFERENCE -> len != 1 ? "preference of " + len + " bytes" : null;
            case ELAPSED_TIME -> len != 2 ? "elapsed-time of " + len + " bytes" : null;
            case STATUS_CODE -> len < 2 ? "status-code of " + len + " bytes" : null;
            case RAPID_COMMIT -> len != 0 ? "rapid-commit with data" : null;
            case UNICAST -> len != 16 ? "unicast of " + len + " bytes" : null;
            default -> null;
        };
        if (problem != null) {
            return "option " + code + ": " + problem;
        }
        int nested = switch (code) {
            case IA_NA, IA_PD -> 12;
            case IA_TA -> 4;
            case IAADDR -> 24;
            case IAPREFIX -> 25;
            default -> -1;
        };
        if (nested >= 0) {
            parse(p, nested, p.length);
        }
        return null;
    }

    /** Writes an option list. */
    public static byte[] pack(List<Option> options) {
        // by index: the lists come in several classes, so the iterators were not optimised away (about 4% of what
        // the DHCPv6 path allocated, async-profiler)
        int count = options.size();
        int size = 0;
        for (int k = 0; k < count; k++) {
            size += 4 + options.get(k).length();
        }
        byte[] out = new byte[size];
        int i = 0;
        for (int k = 0; k < count; k++) {
            i = put(options.get(k), out, i);
        }
        return out;
    }

    static int put(Option o, byte[] out, int at) {
        byte[] data = o.raw();
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("option " + o.code() + " longer than 65535 bytes");
        }
        out[at] = (byte) (o.code() >> 8);
        out[at + 1] = (byte) o.code();
        out[at + 2] = (byte) (data.length >> 8);
        out[at + 3] = (byte) data.length;
        System.arraycopy(data, 0, out, at + 4, data.length);
        return at + 4 + data.length;
    }

    // ------------------------------------------------------------------ structured options

    /** An IA_NA or IA_PD: identity, T1, T2 and its sub-options. */
    public static final class Ia {

        private final int code;
        private final long iaid;
        private final long t1;
        private final long t2;
        private final List<Option> options;

        public Ia(int code, long iaid, long t1, long t2, List<Option> options) {
            options = List.copyOf(options);
            this.code = code;
            this.iaid = iaid;
            this.t1 = t1;
            this.t2 = t2;
            this.options = options;
        }

        /** Reads an IA_NA or IA_PD option (already checked by the parser). */
        public static Ia of(Option o) {
            byte[] d = o.raw();
            try {
                return new Ia(o.code(), u32(d, 0), u32(d, 4), u32(d, 8), parse(d, 12, d.length));
            } catch (PacketParseException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }

        /** The option. */
        public Option toOption() {
            byte[] subs = pack(options);
            byte[] d = new byte[12 + subs.length];
            put32(d, 0, iaid);
            put32(d, 4, t1);
            put32(d, 8, t2);
            System.arraycopy(subs, 0, d, 12, subs.length);
            return Option.wrap(code, d);
        }

        /** The sub-options of a code. */
        public List<Option> options(int subCode) {
            List<Option> out = new ArrayList<>();
            for (Option o : options) {
                if (o.code() == subCode) {
                    out.add(o);
                }
            }
            return out;
        }

        public int code() {
            return code;
        }

        public long iaid() {
            return iaid;
        }

        public long t1() {
            return t1;
        }

        public long t2() {
            return t2;
        }

        public List<Option> options() {
            return options;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ia o && o.code == code && o.iaid == iaid && o.t1 == t1 && o.t2 == t2 && java.util.Objects.equals(o.options, options);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(code, iaid, t1, t2, options);
        }

        @Override
        public String toString() {
            return "Ia[code=" + code + ", iaid=" + iaid + ", t1=" + t1 + ", t2=" + t2 + ", options=" + options + "]";
        }
    }

    /** An IAADDR: an address with its lifetimes. */
    public static final class IaAddr {

        private final Inet6Address address;
        private final long preferred;
        private final long valid;
        private final List<Option> options;

        public IaAddr(Inet6Address address, long preferred, long valid, List<Option> options) {
            options = List.copyOf(options);
            this.address = address;
            this.preferred = preferred;
            this.valid = valid;
            this.options = options;
        }

        public static IaAddr of(Option o) {
            byte[] d = o.raw();
            try {
                return new IaAddr(v6(d, 0), u32(d, 16), u32(d, 20), parse(d, 24, d.length));
            } catch (PacketParseException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }

        public Option toOption() {
            byte[] subs = pack(options);
            byte[] d = new byte[24 + subs.length];
            System.arraycopy(address.getAddress(), 0, d, 0, 16);
            put32(d, 16, preferred);
            put32(d, 20, valid);
            System.arraycopy(subs, 0, d, 24, subs.length);
            return Option.wrap(IAADDR, d);
        }

        public Inet6Address address() {
            return address;
        }

        public long preferred() {
            return preferred;
        }

        public long valid() {
            return valid;
        }

        public List<Option> options() {
            return options;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IaAddr o && java.util.Objects.equals(o.address, address) && o.preferred == preferred && o.valid == valid && java.util.Objects.equals(o.options, options);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(address, preferred, valid, options);
        }

        @Override
        public String toString() {
            return "IaAddr[address=" + address + ", preferred=" + preferred + ", valid=" + valid + ", options=" + options + "]";
        }
    }

    /** An IAPREFIX: a delegated prefix with its lifetimes. */
    public static final class IaPrefix {

        private final Inet6Address prefix;
        private final int length;
        private final long preferred;
        private final long valid;
        private final List<Option> options;

        public IaPrefix(Inet6Address prefix, int length, long preferred, long valid, List<Option> options) {
            options = List.copyOf(options);
            this.prefix = prefix;
            this.length = length;
            this.preferred = preferred;
            this.valid = valid;
            this.options = options;
        }

        public static IaPrefix of(Option o) {
            byte[] d = o.raw();
            try {
                return new IaPrefix(v6(d, 9), d[8] & 0xFF, u32(d, 0), u32(d, 4), parse(d, 25, d.length));
            } catch (PacketParseException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }

        public Option toOption() {
            byte[] subs = pack(options);
            byte[] d = new byte[25 + subs.length];
            put32(d, 0, preferred);
            put32(d, 4, valid);
            d[8] = (byte) length;
            System.arraycopy(prefix.getAddress(), 0, d, 9, 16);
            System.arraycopy(subs, 0, d, 25, subs.length);
            return Option.wrap(IAPREFIX, d);
        }

        public Inet6Address prefix() {
            return prefix;
        }

        public int length() {
            return length;
        }

        public long preferred() {
            return preferred;
        }

        public long valid() {
            return valid;
        }

        public List<Option> options() {
            return options;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IaPrefix o && java.util.Objects.equals(o.prefix, prefix) && o.length == length && o.preferred == preferred && o.valid == valid && java.util.Objects.equals(o.options, options);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(prefix, length, preferred, valid, options);
        }

        @Override
        public String toString() {
            return "IaPrefix[prefix=" + prefix + ", length=" + length + ", preferred=" + preferred + ", valid=" + valid + ", options=" + options + "]";
        }
    }

    /** A status-code option. */
    public static Option status(int code, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] d = new byte[2 + text.length];
        d[0] = (byte) (code >> 8);
        d[1] = (byte) code;
        System.arraycopy(text, 0, d, 2, text.length);
        return Option.wrap(STATUS_CODE, d);
    }

    /** The code of a status-code option. */
    public static int statusCode(Option status) {
        return status.uint16();
    }

    static long u32(byte[] d, int at) {
        return ((long) (d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8)
                | (d[at + 3] & 0xFF);
    }

    static void put32(byte[] d, int at, long v) {
        d[at] = (byte) (v >> 24);
        d[at + 1] = (byte) (v >> 16);
        d[at + 2] = (byte) (v >> 8);
        d[at + 3] = (byte) v;
    }

    static Inet6Address v6(byte[] d, int at) {
        try {
            return Inet6Address.getByAddress(null, Arrays.copyOfRange(d, at, at + 16), (java.net.NetworkInterface) null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
