package org.kea4j.dhcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A DHCPv4 packet (RFC 2131): the fixed BOOTP header, the options, and where it came from or goes to.
 * A received packet starts as raw bytes ({@link #rawData()}) and is parsed by {@link #unpack()}; a response
 * is built field by field and turned into bytes by {@link #pack()}. Not thread-safe: one packet belongs to
 * one worker at a time.
 *
 * <p>Each option code appears once: options that a sender split into several instances (RFC 3396) are
 * joined when parsing, and long options are split again when packing.
 */
@ProviderType
public final class Pkt4 extends Pkt {

    /** BOOTP operation codes. */
    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;

    /** Message types (option 53). */
    public static final int DHCPDISCOVER = 1;
    public static final int DHCPOFFER = 2;
    public static final int DHCPREQUEST = 3;
    public static final int DHCPDECLINE = 4;
    public static final int DHCPACK = 5;
    public static final int DHCPNAK = 6;
    public static final int DHCPRELEASE = 7;
    public static final int DHCPINFORM = 8;

    /** The broadcast bit of {@link #flags()}. */
    public static final int FLAG_BROADCAST = 0x8000;

    /** Size of the fixed header (without the magic cookie). */
    public static final int HEADER_LENGTH = 236;
    /** The DHCP magic cookie. */
    public static final int MAGIC_COOKIE = 0x63825363;

    private static final int SNAME_LENGTH = 64;
    private static final int FILE_LENGTH = 128;
    private static final int CHADDR_LENGTH = 16;
    private static final byte[] ZERO4 = new byte[4];
    /** Zero fields, shared: the byte arrays of a packet are replaced, never written in place. */
    private static final byte[] ZERO_CHADDR = new byte[CHADDR_LENGTH];
    private static final byte[] ZERO_SNAME = new byte[SNAME_LENGTH];
    private static final byte[] ZERO_FILE = new byte[FILE_LENGTH];
    private static final Inet4Address ANY = v4(ZERO4);
    private static final String[] TYPE_NAMES = {"UNKNOWN", "DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPDECLINE",
        "DHCPACK", "DHCPNAK", "DHCPRELEASE", "DHCPINFORM", "DHCPFORCERENEW", "DHCPLEASEQUERY", "DHCPLEASEUNASSIGNED",
        "DHCPLEASEUNKNOWN", "DHCPLEASEACTIVE", "DHCPBULKLEASEQUERY", "DHCPLEASEQUERYDONE", "DHCPACTIVELEASEQUERY",
        "DHCPLEASEQUERYSTATUS", "DHCPTLS"};

    private int op = BOOTREQUEST;
    private int htype = HWAddr.HTYPE_ETHER;
    private int hlen;
    private int hops;
    private long transid;
    private int secs;
    private int flags;
    private Inet4Address ciaddr = ANY;
    private Inet4Address yiaddr = ANY;
    private Inet4Address siaddr = ANY;
    private Inet4Address giaddr = ANY;
    private byte[] chaddr = ZERO_CHADDR;
    private byte[] sname = ZERO_SNAME;
    private byte[] file = ZERO_FILE;
    private final OptionTable options = new OptionTable();


    /** An empty packet to fill in (a response, or a test's query). */
    public Pkt4() {
        super(ANY);
    }

    /** A packet of message type {@code type} with transaction id {@code transid}. */
    public Pkt4(int type, long transid) {
        super(ANY);
        setType(type);
        this.transid = transid & 0xFFFF_FFFFL;
    }

    /** A received packet: {@code data} is kept as its raw bytes until {@link #unpack()}. */
    public Pkt4(byte[] data, int length) {
        super(ANY);
        this.rawData = Arrays.copyOf(data, length);
    }

    /** Parses {@code data} at once. */
    public static Pkt4 parse(byte[] data, int length) throws PacketParseException {
        Pkt4 p = new Pkt4(data, length);
        p.unpack();
        return p;
    }

    // ------------------------------------------------------------------ parsing

    /**
     * Parses {@link #rawData()} into the header fields and options (replacing the options present).
     *
     * @throws PacketParseException when the data is not a DHCPv4 packet: too short, bad cookie, truncated
     *                              option, or an option whose payload does not fit its definition
     */
    @Override
    public void unpack() throws PacketParseException {
        byte[] d = rawData;
        if (d == null) {
            throw new PacketParseException("no data to parse");
        }
        if (d.length < HEADER_LENGTH) {
            throw new PacketParseException("packet of " + d.length + " bytes is shorter than the "
                    + HEADER_LENGTH + "-byte DHCPv4 header");
        }
        op = d[0] & 0xFF;
        htype = d[1] & 0xFF;
        hlen = d[2] & 0xFF;
        hops = d[3] & 0xFF;
        transid = u32(d, 4);
        secs = u16(d, 8);
        flags = u16(d, 10);
        ciaddr = v4(d, 12);
        yiaddr = v4(d, 16);
        siaddr = v4(d, 20);
        giaddr = v4(d, 24);
        if (hlen > CHADDR_LENGTH) {
            throw new PacketParseException("hardware address length " + hlen + " is over " + CHADDR_LENGTH);
        }
        chaddr = Arrays.copyOfRange(d, 28, 28 + CHADDR_LENGTH);
        sname = field(d, 44, SNAME_LENGTH, ZERO_SNAME);
        file = field(d, 108, FILE_LENGTH, ZERO_FILE);
        options.clear();
        if (d.length == HEADER_LENGTH) {
            return; // BOOTP without options
        }
        if (d.length < HEADER_LENGTH + 4 || (int) u32(d, HEADER_LENGTH) != MAGIC_COOKIE) {
            throw new PacketParseException("invalid magic cookie");
        }
        try {
            readAllOptions(d);
        } catch (PacketParseException e) {
            options.clear(); // a packet that does not parse has no options
            throw e;
        }
    }

    private void readAllOptions(byte[] d) throws PacketParseException {
        readOptions(d, HEADER_LENGTH + 4, d.length, "options");
        Option overload = options.get(Options4.OPTION_OVERLOAD);
        if (overload != null) {
            if (overload.length() != 1 || overload.uint8() < 1 || overload.uint8() > 3) {
                throw new PacketParseException("invalid option overload value");
            }
            int which = overload.uint8();
            if ((which & 1) != 0) {
                readOptions(d, 108, 108 + FILE_LENGTH, "file");
                file = ZERO_FILE;
            }
            if ((which & 2) != 0) {
                readOptions(d, 44, 44 + SNAME_LENGTH, "sname");
                sname = ZERO_SNAME;
            }
            options.remove(Options4.OPTION_OVERLOAD); // the fields held options; they are plain fields now
        }
        for (int i = 0; i < options.size(); i++) {
            Option o = options.at(i);
            String problem = Options4.check(o.code(), o.raw());
            if (problem != null) {
                throw new PacketParseException(problem);
            }
        }
    }

    /** A fixed field of {@code d}: the shared zero array when it is all zeros (as it mostly is), else a copy. */
    private static byte[] field(byte[] d, int from, int length, byte[] zero) {
        return Arrays.mismatch(d, from, from + length, zero, 0, length) < 0 ? zero
                : Arrays.copyOfRange(d, from, from + length);
    }

    /** Reads the options of {@code d[from, to)} into the option table, joining repeated codes (RFC 3396). */
    private void readOptions(byte[] d, int from, int to, String where) throws PacketParseException {
        int i = from;
        while (i < to) {
            int code = d[i] & 0xFF;
            if (code == Options4.PAD) {
                i++;
                continue;
            }
            if (code == Options4.END) {
                return;
            }
            if (i + 1 >= to) {
                throw new PacketParseException("option " + code + " in " + where + " has no length");
            }
            int len = d[i + 1] & 0xFF;
            if (i + 2 + len > to) {
                throw new PacketParseException("option " + code + " in " + where + " is truncated: length "
                        + len + ", " + (to - i - 2) + " bytes left");
            }
            Option previous = options.get(code);
            byte[] payload;
            if (previous == null) {
                payload = Arrays.copyOfRange(d, i + 2, i + 2 + len);
            } else {
                payload = new byte[previous.length() + len];
                previous.copyTo(payload, 0);
                System.arraycopy(d, i + 2, payload, previous.length(), len);
            }
            options.put(Option.wrap(code, payload));
            i += 2 + len;
        }
    }

    // ------------------------------------------------------------------ packing

    /**
     * Writes the packet to wire form and keeps it as {@link #buffer()}. Option 53 comes first and option
     * 82 last, the rest by code; an option over 255 bytes is split into several (RFC 3396).
     */
    @Override
    public byte[] pack() {
        int size = HEADER_LENGTH + 4 + 1;
        for (int o = 0; o < options.size(); o++) {
            int len = options.at(o).length();
            size += len == 0 ? 2 : len + 2 * ((len + 254) / 255);
        }
        byte[] out = new byte[size];
        out[0] = (byte) op;
        out[1] = (byte) htype;
        out[2] = (byte) hlen;
        out[3] = (byte) hops;
        put32(out, 4, transid);
        out[8] = (byte) (secs >> 8);
        out[9] = (byte) secs;
        out[10] = (byte) (flags >> 8);
        out[11] = (byte) flags;
        System.arraycopy(ciaddr.getAddress(), 0, out, 12, 4);
        System.arraycopy(yiaddr.getAddress(), 0, out, 16, 4);
        System.arraycopy(siaddr.getAddress(), 0, out, 20, 4);
        System.arraycopy(giaddr.getAddress(), 0, out, 24, 4);
        System.arraycopy(chaddr, 0, out, 28, CHADDR_LENGTH);
        System.arraycopy(sname, 0, out, 44, SNAME_LENGTH);
        System.arraycopy(file, 0, out, 108, FILE_LENGTH);
        put32(out, HEADER_LENGTH, MAGIC_COOKIE);
        int i = HEADER_LENGTH + 4;
        i = packOption(options.get(Options4.MESSAGE_TYPE), out, i);
        for (int o = 0; o < options.size(); o++) {
            int code = options.at(o).code();
            if (code != Options4.MESSAGE_TYPE && code != Options4.RELAY_AGENT_INFO) {
                i = packOption(options.at(o), out, i);
            }
        }
        i = packOption(options.get(Options4.RELAY_AGENT_INFO), out, i);
        out[i] = (byte) Options4.END;
        setBuffer(out);
        return out;
    }

    private static int packOption(Option o, byte[] out, int at) {
        if (o == null) {
            return at;
        }
        byte[] data = o.raw();
        if (data.length == 0) {
            out[at] = (byte) o.code();
            out[at + 1] = 0;
            return at + 2;
        }
        int done = 0;
        while (done < data.length) {
            int chunk = Math.min(255, data.length - done);
            out[at] = (byte) o.code();
            out[at + 1] = (byte) chunk;
            System.arraycopy(data, done, out, at + 2, chunk);
            at += 2 + chunk;
            done += chunk;
        }
        return at;
    }

    // ------------------------------------------------------------------ options

    /** The option of this code, or null. */
    public Option getOption(int code) {
        return code > 0 && code < 255 ? options.get(code) : null;
    }

    /** Adds an option, replacing one of the same code. */
    public void addOption(Option option) {
        int code = option.code();
        if (code <= 0 || code >= 255) {
            throw new IllegalArgumentException("option code " + code + " cannot be carried as a DHCPv4 option");
        }
        options.put(option);
    }

    /** Removes the option of this code; false when there was none. */
    public boolean delOption(int code) {
        return code > 0 && code < 255 && options.remove(code);
    }

    /** The options, by code. */
    public List<Option> options() {
        List<Option> out = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            out.add(options.at(i));
        }
        return out;
    }

    /** The message type (option 53), or -1 when absent or malformed. */
    @Override
    public int getType() {
        Option t = options.get(Options4.MESSAGE_TYPE);
        return t == null || t.length() != 1 ? -1 : t.uint8();
    }

    /** Sets option 53. */
    public void setType(int type) {
        addOption(Option.uint8(Options4.MESSAGE_TYPE, type));
    }

    /** The name of the message type ({@code DHCPDISCOVER}), {@code UNKNOWN} when out of range. */
    @Override
    public String getName() {
        return typeName(getType());
    }

    /** The name of a message type. */
    public static String typeName(int type) {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "UNKNOWN";
    }

    // ------------------------------------------------------------------ header

    public int op() {
        return op;
    }

    public void setOp(int op) {
        this.op = op & 0xFF;
    }

    public int htype() {
        return htype;
    }

    public int hlen() {
        return hlen;
    }

    public int hops() {
        return hops;
    }

    public void setHops(int hops) {
        this.hops = hops & 0xFF;
    }

    /** The transaction id (xid), unsigned. */
    public long transid() {
        return transid;
    }

    public void setTransid(long transid) {
        this.transid = transid & 0xFFFF_FFFFL;
    }

    public int secs() {
        return secs;
    }

    public void setSecs(int secs) {
        this.secs = secs & 0xFFFF;
    }

    public int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags & 0xFFFF;
    }

    /** Whether the client asked for broadcast replies. */
    public boolean broadcastFlag() {
        return (flags & FLAG_BROADCAST) != 0;
    }

    public Inet4Address ciaddr() {
        return ciaddr;
    }

    public void setCiaddr(Inet4Address a) {
        ciaddr = a == null ? ANY : a;
    }

    public Inet4Address yiaddr() {
        return yiaddr;
    }

    public void setYiaddr(Inet4Address a) {
        yiaddr = a == null ? ANY : a;
    }

    public Inet4Address siaddr() {
        return siaddr;
    }

    public void setSiaddr(Inet4Address a) {
        siaddr = a == null ? ANY : a;
    }

    public Inet4Address giaddr() {
        return giaddr;
    }

    public void setGiaddr(Inet4Address a) {
        giaddr = a == null ? ANY : a;
    }

    /** Whether giaddr is set, that is the packet came through a relay. */
    public boolean isRelayed() {
        return !giaddr.equals(ANY);
    }

    /** The client hardware address (chaddr truncated to hlen, with htype). */
    public HWAddr getHWAddr() {
        return new HWAddr(htype, Arrays.copyOf(chaddr, Math.min(hlen, CHADDR_LENGTH)), HWAddr.SOURCE_RAW);
    }

    /** The hardware address bytes (chaddr truncated to hlen), without copying into an {@link HWAddr}. */
    public byte[] hwaddrBytes() {
        return Arrays.copyOf(chaddr, Math.min(hlen, CHADDR_LENGTH));
    }

    /** Sets htype, hlen and chaddr. */
    public void setHWAddr(int type, byte[] address) {
        if (address.length > CHADDR_LENGTH) {
            throw new IllegalArgumentException("hardware address longer than " + CHADDR_LENGTH + " bytes");
        }
        htype = type & 0xFF;
        hlen = address.length;
        chaddr = Arrays.copyOf(address, CHADDR_LENGTH);
    }

    /** The client identifier (option 61), or null when absent or shorter than {@link ClientId#MIN_LENGTH}. */
    public ClientId getClientId() {
        Option o = options.get(Options4.CLIENT_ID);
        return o == null || o.length() < ClientId.MIN_LENGTH ? null : new ClientId(o.raw());
    }

    /** The server hostname field, up to its first zero. */
    public String sname() {
        return cString(sname);
    }

    /** Sets sname (truncated to 63 bytes). */
    public void setSname(String value) {
        sname = fixed(value, SNAME_LENGTH);
    }

    /** The boot file name field, up to its first zero. */
    public String file() {
        return cString(file);
    }

    /** Sets file (truncated to 127 bytes). */
    public void setFile(String value) {
        file = fixed(value, FILE_LENGTH);
    }

    private static String cString(byte[] field) {
        int n = 0;
        while (n < field.length && field[n] != 0) {
            n++;
        }
        return new String(field, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static byte[] fixed(String value, int length) {
        byte[] out = new byte[length];
        if (value != null) {
            byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(b, 0, out, 0, Math.min(b.length, length - 1));
        }
        return out;
    }

    // ------------------------------------------------------------------ text

    /** A one-line summary for logs: type, transaction id, hardware address, addresses. */
    public String label() {
        return getName() + " (transid=0x" + Long.toHexString(transid) + ", hwaddr=" + Hex.colons(hwaddrBytes())
                + ", ciaddr=" + ciaddr.getHostAddress() + ", giaddr=" + giaddr.getHostAddress() + ")";
    }

    /** Every field and option, as Kea's debug log shows a packet. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("local_address=").append(localAddress().getHostAddress()).append(':').append(localPort())
                .append(", remote_address=").append(remoteAddress().getHostAddress()).append(':').append(remotePort())
                .append(", msg_type=").append(getName()).append(" (").append(getType()).append(')')
                .append(", transid=0x").append(Long.toHexString(transid))
                .append(", hwaddr=hwtype=").append(htype).append(' ').append(Hex.colons(hwaddrBytes()))
                .append(", ciaddr=").append(ciaddr.getHostAddress()).append(", yiaddr=")
                .append(yiaddr.getHostAddress()).append(", siaddr=").append(siaddr.getHostAddress())
                .append(", giaddr=").append(giaddr.getHostAddress()).append(", options:");
        for (Option o : options()) {
            sb.append("\n  ").append(o);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ bytes

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    private static long u32(byte[] d, int at) {
        return ((long) (d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8)
                | (d[at + 3] & 0xFF);
    }

    private static void put32(byte[] out, int at, long v) {
        out[at] = (byte) (v >> 24);
        out[at + 1] = (byte) (v >> 16);
        out[at + 2] = (byte) (v >> 8);
        out[at + 3] = (byte) v;
    }

    private static Inet4Address v4(byte[] d, int at) {
        if (d[at] == 0 && d[at + 1] == 0 && d[at + 2] == 0 && d[at + 3] == 0) {
            return ANY;
        }
        return v4(Arrays.copyOfRange(d, at, at + 4));
    }

    private static Inet4Address v4(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
