package org.kea4j.dhcpsrv;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Objects;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Hex;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An IPv4 lease. Immutable and compact (a lease database may hold millions): change one with
 * {@link #toBuilder()}.
 */
@ProviderType
public final class Lease4 {

    /** Lease states as Kea stores them. */
    public static final int STATE_DEFAULT = 0;
    public static final int STATE_DECLINED = 1;
    public static final int STATE_EXPIRED_RECLAIMED = 2;

    private static final byte[] NONE = new byte[0];

    private final int address;
    private final byte[] hwaddr;
    private final short hwtype;
    private final byte hwSource;
    private final byte[] clientId;
    private final int validLifetime;
    private final long cltt;
    private final int subnetId;
    private final boolean fqdnFwd;
    private final boolean fqdnRev;
    private final byte state;
    private final String hostname;
    private final String userContext;

    private Lease4(Builder b) {
        this.address = (int) b.address;
        this.hwaddr = b.hwaddr;
        this.hwtype = (short) b.hwtype;
        this.hwSource = (byte) b.hwSource;
        this.clientId = b.clientId;
        this.validLifetime = (int) b.validLifetime;
        this.cltt = b.cltt;
        this.subnetId = (int) b.subnetId;
        this.fqdnFwd = b.fqdnFwd;
        this.fqdnRev = b.fqdnRev;
        this.state = (byte) b.state;
        this.hostname = b.hostname;
        this.userContext = b.userContext;
    }

    /** A new lease of this address. */
    public static Builder builder(Inet4Address address) {
        return new Builder(Addresses.toLong(address));
    }

    /** A new lease of this address, given as an unsigned 32-bit value. */
    public static Builder builder(long address) {
        return new Builder(address);
    }

    public Builder toBuilder() {
        Builder b = new Builder(addressValue());
        b.hwaddr = hwaddr;
        b.hwtype = hwtype;
        b.hwSource = hwSource & 0xFF;
        b.clientId = clientId;
        b.validLifetime = validLifetime();
        b.cltt = cltt;
        b.subnetId = subnetId();
        b.fqdnFwd = fqdnFwd;
        b.fqdnRev = fqdnRev;
        b.state = state & 0xFF;
        b.hostname = hostname;
        b.userContext = userContext;
        return b;
    }

    public Inet4Address address() {
        return Addresses.fromLong(addressValue());
    }

    /** The address as an unsigned 32-bit value. */
    public long addressValue() {
        return address & 0xFFFF_FFFFL;
    }

    /** The hardware address, or null when the lease has none (a declined lease). */
    public HWAddr hwaddr() {
        return hwaddr.length == 0 ? null : new HWAddr(hwtype, hwaddr, hwSource & 0xFF);
    }

    /** The hardware address bytes without a copy, for indexes; never modify them. */
    public byte[] hwaddrBytes() {
        return hwaddr;
    }

    /** The client identifier, or null. */
    public ClientId clientId() {
        return clientId == null ? null : new ClientId(clientId);
    }

    /** The client identifier bytes without a copy (null when none), for indexes; never modify them. */
    public byte[] clientIdBytes() {
        return clientId;
    }

    /** Valid lifetime in seconds. */
    public long validLifetime() {
        return validLifetime & 0xFFFF_FFFFL;
    }

    /** Client last transmission time, Unix seconds. */
    public long cltt() {
        return cltt;
    }

    /** When the lease expires, Unix seconds. */
    public long expire() {
        return cltt + validLifetime();
    }

    /** Whether the lease has expired at the given Unix time. */
    public boolean expired(long now) {
        return expire() <= now;
    }

    public long subnetId() {
        return subnetId & 0xFFFF_FFFFL;
    }

    public boolean fqdnFwd() {
        return fqdnFwd;
    }

    public boolean fqdnRev() {
        return fqdnRev;
    }

    /** The hostname, empty when none. */
    public String hostname() {
        return hostname;
    }

    /** {@link #STATE_DEFAULT}, {@link #STATE_DECLINED} or {@link #STATE_EXPIRED_RECLAIMED}. */
    public int state() {
        return state & 0xFF; // kept in a byte: states run 0-255
    }

    /** The user context as JSON text, or null. */
    public String userContext() {
        return userContext;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Lease4 l && l.address == address && l.hwtype == hwtype && l.hwSource == hwSource
                && l.validLifetime == validLifetime && l.cltt == cltt && l.subnetId == subnetId
                && l.fqdnFwd == fqdnFwd && l.fqdnRev == fqdnRev && l.state == state
                && Arrays.equals(l.hwaddr, hwaddr) && Arrays.equals(l.clientId, clientId)
                && l.hostname.equals(hostname) && Objects.equals(l.userContext, userContext);
    }

    @Override
    public int hashCode() {
        return address * 31 + Arrays.hashCode(hwaddr);
    }

    @Override
    public String toString() {
        return "Lease4[" + address().getHostAddress() + " hwaddr=" + Hex.colons(hwaddr) + " client-id="
                + (clientId == null ? "" : Hex.colons(clientId)) + " valid=" + validLifetime() + " cltt=" + cltt
                + " subnet=" + subnetId() + " fqdn=" + (fqdnFwd ? 1 : 0) + (fqdnRev ? 1 : 0) + " hostname=" + hostname
                + " state=" + state() + (userContext == null ? "" : " user-context=" + userContext) + "]";
    }

    /** Builds a {@link Lease4}. */
    public static final class Builder {
        private final long address;
        private byte[] hwaddr = NONE;
        private int hwtype = HWAddr.HTYPE_ETHER;
        private int hwSource;
        private byte[] clientId;
        private long validLifetime;
        private long cltt;
        private long subnetId;
        private boolean fqdnFwd;
        private boolean fqdnRev;
        private int state;
        private String hostname = "";
        private String userContext;

        private Builder(long address) {
            if (address < 0 || address > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            this.address = address;
        }

        public Builder hwaddr(HWAddr hw) {
            this.hwaddr = hw == null ? NONE : hw.bytes();
            this.hwtype = hw == null ? HWAddr.HTYPE_ETHER : hw.type();
            this.hwSource = hw == null ? 0 : hw.source();
            return this;
        }

        /**
         * Sets the hardware address from its bytes, taking the array over (no copy; the caller must not
         * change it afterwards). For lease back ends that build millions of leases.
         */
        public Builder hwaddrBytes(byte[] bytes, int type, int source) {
            this.hwaddr = bytes == null ? NONE : bytes;
            this.hwtype = type;
            this.hwSource = source;
            return this;
        }

        /** Sets the client identifier from its bytes, taking the array over (no copy). */
        public Builder clientIdBytes(byte[] bytes) {
            if (bytes != null && (bytes.length < ClientId.MIN_LENGTH || bytes.length > ClientId.MAX_LENGTH)) {
                throw new IllegalArgumentException("client identifier of " + bytes.length + " bytes");
            }
            this.clientId = bytes;
            return this;
        }

        public Builder clientId(ClientId id) {
            this.clientId = id == null ? null : id.bytes();
            return this;
        }

        public Builder validLifetime(long seconds) {
            this.validLifetime = uint32(seconds, "valid lifetime");
            return this;
        }

        public Builder cltt(long unixSeconds) {
            this.cltt = unixSeconds;
            return this;
        }

        public Builder subnetId(long id) {
            this.subnetId = uint32(id, "subnet id");
            return this;
        }

        public Builder fqdn(boolean forward, boolean reverse) {
            this.fqdnFwd = forward;
            this.fqdnRev = reverse;
            return this;
        }

        public Builder hostname(String name) {
            this.hostname = name == null ? "" : name;
            return this;
        }

        public Builder state(int value) {
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("invalid lease state " + value);
            }
            this.state = value;
            return this;
        }

        public Builder userContext(String json) {
            this.userContext = json == null || json.isEmpty() ? null : json;
            return this;
        }

        public Lease4 build() {
            return new Lease4(this);
        }
    }

    static long uint32(long value, String what) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " out of range: " + value);
        }
        return value;
    }
}
