package org.kea4j.dhcp;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A DHCPv6 message (RFC 8415): type, transaction id and options, and, for a message that came through
 * relays, what each relay added (index 0 is the relay closest to the server). Parsed from raw bytes by
 * {@link #unpack()}, written by {@link #pack()}, which wraps a response in one RELAY-REPL per relay of
 * {@link #relays()}. Options may repeat (several IA_NA, for example). Not thread-safe.
 */
@ProviderType
public final class Pkt6 extends Pkt {

    public static final int SOLICIT = 1;
    public static final int ADVERTISE = 2;
    public static final int REQUEST = 3;
    public static final int CONFIRM = 4;
    public static final int RENEW = 5;
    public static final int REBIND = 6;
    public static final int REPLY = 7;
    public static final int RELEASE = 8;
    public static final int DECLINE = 9;
    public static final int RECONFIGURE = 10;
    public static final int INFORMATION_REQUEST = 11;
    public static final int RELAY_FORW = 12;
    public static final int RELAY_REPL = 13;

    /** Relays a message may pass before it is refused. */
    public static final int MAX_RELAYS = 32;

    private static final String[] NAMES = {"UNKNOWN", "SOLICIT", "ADVERTISE", "REQUEST", "CONFIRM", "RENEW", "REBIND",
        "REPLY", "RELEASE", "DECLINE", "RECONFIGURE", "INFORMATION_REQUEST", "RELAY_FORWARD", "RELAY_REPLY"};

    /**
     * What one relay added to a message.
     */
    public static final class RelayInfo {

        private final int hopCount;
        private final Inet6Address linkAddress;
        private final Inet6Address peerAddress;
        private final List<Option> options;

        public RelayInfo(int hopCount, Inet6Address linkAddress, Inet6Address peerAddress, List<Option> options) {
            options = List.copyOf(options);
            this.hopCount = hopCount;
            this.linkAddress = linkAddress;
            this.peerAddress = peerAddress;
            this.options = options;
        }

        /** The first option of a code, or null. */
        public Option getOption(int code) {
            for (Option o : options) {
                if (o.code() == code) {
                    return o;
                }
            }
            return null;
        }

        /** The relay's hop count. */
        public int hopCount() {
            return hopCount;
        }

        /** The link the client is on (:: when unknown). */
        public Inet6Address linkAddress() {
            return linkAddress;
        }

        /** Where the relay got the message from. */
        public Inet6Address peerAddress() {
            return peerAddress;
        }

        /** The relay's options (interface-id, remote-id ...), without the relay message. */
        public List<Option> options() {
            return options;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RelayInfo o && o.hopCount == hopCount && java.util.Objects.equals(o.linkAddress, linkAddress) && java.util.Objects.equals(o.peerAddress, peerAddress) && java.util.Objects.equals(o.options, options);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(hopCount, linkAddress, peerAddress, options);
        }

        @Override
        public String toString() {
            return "RelayInfo[hopCount=" + hopCount + ", linkAddress=" + linkAddress + ", peerAddress=" + peerAddress + ", options=" + options + "]";
        }
    }

    private int type;
    private long transid;
    private final List<Option> options = new ArrayList<>();
    private List<RelayInfo> relays = new ArrayList<>();

    /** A message of a type and transaction id. */
    public Pkt6(int type, long transid) {
        super(null);
        this.type = type;
        this.transid = transid & 0xFFFFFF;
    }

    /** A received message: {@code data} is kept as raw bytes until {@link #unpack()}. */
    public Pkt6(byte[] data, int length) {
        super(null);
        this.rawData = Arrays.copyOf(data, length);
    }

    /** Parses {@code data} at once. */
    public static Pkt6 parse(byte[] data, int length) throws PacketParseException {
        Pkt6 p = new Pkt6(data, length);
        p.unpack();
        return p;
    }

    /**
     * Parses {@link #rawData()}: relay layers first (at most {@link #MAX_RELAYS}), then the client's message.
     *
     * @throws PacketParseException when it is not a DHCPv6 message
     */
    @Override
    public void unpack() throws PacketParseException {
        byte[] d = rawData;
        if (d == null) {
            throw new PacketParseException("no data to parse");
        }
        List<RelayInfo> layers = new ArrayList<>();
        int from = 0;
        int to = d.length;
        while (true) {
            if (to - from < 4) {
                throw new PacketParseException("message of " + (to - from) + " bytes is shorter than 4");
            }
            int msgType = d[from] & 0xFF;
            if (msgType != RELAY_FORW && msgType != RELAY_REPL) {
                type = msgType;
                transid = ((d[from + 1] & 0xFF) << 16) | ((d[from + 2] & 0xFF) << 8) | (d[from + 3] & 0xFF);
                options.clear();
                options.addAll(Options6.parse(d, from + 4, to));
                relays = layers;
                return;
            }
            if (layers.size() >= MAX_RELAYS) {
                throw new PacketParseException("more than " + MAX_RELAYS + " relay layers");
            }
            if (to - from < 34) {
                throw new PacketParseException("relay message of " + (to - from) + " bytes is shorter than 34");
            }
            List<Option> relayOptions = Options6.parse(d, from + 34, to);
            Option relayed = null;
            List<Option> kept = new ArrayList<>();
            for (Option o : relayOptions) {
                if (o.code() == Options6.RELAY_MSG && relayed == null) {
                    relayed = o;
                } else {
                    kept.add(o);
                }
            }
            if (relayed == null) {
                throw new PacketParseException("relay message without a relay-message option");
            }
            layers.add(new RelayInfo(d[from + 1] & 0xFF, Options6.v6(d, from + 2), Options6.v6(d, from + 18), kept));
            // continue inside the relay-message option, whose payload is a copy: parse it in place
            d = relayed.raw();
            from = 0;
            to = d.length;
        }
    }

    /**
     * Writes the message to wire form, wrapped in one RELAY-REPL per relay (outermost first), and keeps it as
     * {@link #buffer()}.
     */
    @Override
    public byte[] pack() {
        byte[] inner = packMessage(type, transid, options);
        for (int i = relays.size() - 1; i >= 0; i--) {
            RelayInfo r = relays.get(i);
            List<Option> relayOptions = new ArrayList<>(r.options());
            relayOptions.add(Option.wrap(Options6.RELAY_MSG, inner));
            byte[] opts = Options6.pack(relayOptions);
            byte[] out = new byte[34 + opts.length];
            out[0] = (byte) RELAY_REPL;
            out[1] = (byte) r.hopCount();
            System.arraycopy(r.linkAddress().getAddress(), 0, out, 2, 16);
            System.arraycopy(r.peerAddress().getAddress(), 0, out, 18, 16);
            System.arraycopy(opts, 0, out, 34, opts.length);
            inner = out;
        }
        setBuffer(inner);
        return inner;
    }

    private static byte[] packMessage(int type, long transid, List<Option> options) {
        byte[] opts = Options6.pack(options);
        byte[] out = new byte[4 + opts.length];
        out[0] = (byte) type;
        out[1] = (byte) (transid >> 16);
        out[2] = (byte) (transid >> 8);
        out[3] = (byte) transid;
        System.arraycopy(opts, 0, out, 4, opts.length);
        return out;
    }

    /** Wraps a client message as a relay agent does (RELAY-FORW), for clients and tests acting as relays. */
    public static byte[] relayForward(byte[] message, int hopCount, Inet6Address linkAddress, Inet6Address peerAddress,
            List<Option> relayOptions) {
        List<Option> all = new ArrayList<>(relayOptions);
        all.add(Option.wrap(Options6.RELAY_MSG, message.clone()));
        byte[] opts = Options6.pack(all);
        byte[] out = new byte[34 + opts.length];
        out[0] = (byte) RELAY_FORW;
        out[1] = (byte) hopCount;
        System.arraycopy(linkAddress.getAddress(), 0, out, 2, 16);
        System.arraycopy(peerAddress.getAddress(), 0, out, 18, 16);
        System.arraycopy(opts, 0, out, 34, opts.length);
        return out;
    }

    // ------------------------------------------------------------------ fields and options

    @Override
    public int getType() {
        return type;
    }

    public void setType(int type) {
        this.type = type & 0xFF;
    }

    /** The name of the message type ({@code SOLICIT}). */
    @Override
    public String getName() {
        return typeName(type);
    }

    public static String typeName(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "UNKNOWN";
    }

    /** The 24-bit transaction id. */
    public long transid() {
        return transid;
    }

    public void setTransid(long transid) {
        this.transid = transid & 0xFFFFFF;
    }

    /** The first option of a code, or null. */
    public Option getOption(int code) {
        for (Option o : options) {
            if (o.code() == code) {
                return o;
            }
        }
        return null;
    }

    /** Every option of a code, in order. */
    public List<Option> getOptions(int code) {
        List<Option> out = new ArrayList<>();
        for (Option o : options) {
            if (o.code() == code) {
                out.add(o);
            }
        }
        return out;
    }

    /** The options, in order. */
    public List<Option> options() {
        return Collections.unmodifiableList(options);
    }

    /** Adds an option (options may repeat). */
    public void addOption(Option option) {
        options.add(option);
    }

    /** Removes every option of a code; false when there was none. */
    public boolean delOption(int code) {
        return options.removeIf(o -> o.code() == code);
    }

    /** The client DUID (option 1), or null. */
    public Duid getClientId() {
        Option o = getOption(Options6.CLIENTID);
        return o == null ? null : new Duid(o.raw());
    }

    /** The relays the message passed, outermost (closest to the server) first. */
    public List<RelayInfo> relays() {
        return Collections.unmodifiableList(relays);
    }

    /** Sets the relay layers a response is wrapped in. */
    public void setRelays(List<RelayInfo> layers) {
        relays = new ArrayList<>(layers);
    }

    /** Whether the message came through at least one relay. */
    public boolean isRelayed() {
        return !relays.isEmpty();
    }

    /** A one-line summary for logs. */
    public String label() {
        Duid duid = getClientId();
        return getName() + " (transid=0x" + Long.toHexString(transid) + ", duid=" + (duid == null ? "(none)" : duid)
                + ")";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("localAddr=[").append(localAddress() == null ? "" : localAddress().getHostAddress()).append("]:")
                .append(localPort()).append(" remoteAddr=[")
                .append(remoteAddress() == null ? "" : remoteAddress().getHostAddress()).append("]:").append(remotePort())
                .append(", msgtype=").append(type).append('(').append(getName()).append("), transid=0x")
                .append(Long.toHexString(transid)).append(", relays=").append(relays.size()).append(", options:");
        for (Option o : options) {
            sb.append("\n  ").append(o);
        }
        return sb.toString();
    }
}
