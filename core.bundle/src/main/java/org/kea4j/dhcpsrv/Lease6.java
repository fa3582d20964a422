package org.kea4j.dhcpsrv;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Hex;
import org.osgi.annotation.versioning.ProviderType;

/** An IPv6 lease: an address (IA_NA, IA_TA) or a delegated prefix (IA_PD). Immutable. */
@ProviderType
public final class Lease6 {

    private static final byte[] NONE = new byte[0];

    private final long addressHigh;
    private final long addressLow;
    private final byte prefixLength;
    private final byte type;
    private final byte[] duid;
    private final int iaid;
    private final int preferredLifetime;
    private final int validLifetime;
    private final long cltt;
    private final int subnetId;
    private final boolean fqdnFwd;
    private final boolean fqdnRev;
    private final byte state;
    private final byte[] hwaddr;
    private final short hwtype;
    private final short hwSource;
    private final String hostname;
    private final String userContext;

    private Lease6(Builder b) {
        this.addressHigh = b.high;
        this.addressLow = b.low;
        this.prefixLength = (byte) b.prefixLength;
        this.type = (byte) b.type.code();
        this.duid = b.duid;
        this.iaid = (int) b.iaid;
        this.preferredLifetime = (int) b.preferredLifetime;
        this.validLifetime = (int) b.validLifetime;
        this.cltt = b.cltt;
        this.subnetId = (int) b.subnetId;
        this.fqdnFwd = b.fqdnFwd;
        this.fqdnRev = b.fqdnRev;
        this.state = (byte) b.state;
        this.hwaddr = b.hwaddr;
        this.hwtype = (short) b.hwtype;
        this.hwSource = (short) b.hwSource;
        this.hostname = b.hostname;
        this.userContext = b.userContext;
    }

    /** A new lease of this address or prefix. */
    public static Builder builder(LeaseType type, Inet6Address address) {
        return new Builder(type, address.getAddress());
    }

    public Builder toBuilder() {
        Builder b = new Builder(type(), addressBytes());
        b.prefixLength = prefixLength & 0xFF;
        b.duid = duid;
        b.iaid = iaid();
        b.preferredLifetime = preferredLifetime();
        b.validLifetime = validLifetime();
        b.cltt = cltt;
        b.subnetId = subnetId();
        b.fqdnFwd = fqdnFwd;
        b.fqdnRev = fqdnRev;
        b.state = state & 0xFF;
        b.hwaddr = hwaddr;
        b.hwtype = hwtype;
        b.hwSource = hwSource;
        b.hostname = hostname;
        b.userContext = userContext;
        return b;
    }

    private byte[] addressBytes() {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (addressHigh >>> (56 - 8 * i));
            out[8 + i] = (byte) (addressLow >>> (56 - 8 * i));
        }
        return out;
    }

    public Inet6Address address() {
        try {
            return (Inet6Address) InetAddress.getByAddress(addressBytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The high 64 bits of the address, for indexes. */
    public long addressHigh() {
        return addressHigh;
    }

    /** The low 64 bits of the address, for indexes. */
    public long addressLow() {
        return addressLow;
    }

    /** 128 for addresses, the delegated length for prefixes. */
    public int prefixLength() {
        return prefixLength & 0xFF;
    }

    public LeaseType type() {
        return LeaseType.of(type);
    }

    public Duid duid() {
        return duid.length == 0 ? null : new Duid(duid);
    }

    /** The DUID bytes without a copy, for indexes; never modify them. */
    public byte[] duidBytes() {
        return duid;
    }

    public long iaid() {
        return iaid & 0xFFFF_FFFFL;
    }

    public long preferredLifetime() {
        return preferredLifetime & 0xFFFF_FFFFL;
    }

    public long validLifetime() {
        return validLifetime & 0xFFFF_FFFFL;
    }

    public long cltt() {
        return cltt;
    }

    public long expire() {
        return cltt + validLifetime();
    }

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

    public int state() {
        return state & 0xFF; // kept in a byte: states run 0-255
    }

    /** The hardware address, or null. */
    public HWAddr hwaddr() {
        return hwaddr.length == 0 ? null : new HWAddr(hwtype, hwaddr, hwSource);
    }

    public String hostname() {
        return hostname;
    }

    public String userContext() {
        return userContext;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Lease6 l && l.addressHigh == addressHigh && l.addressLow == addressLow
                && l.prefixLength == prefixLength && l.type == type && l.iaid == iaid
                && l.preferredLifetime == preferredLifetime && l.validLifetime == validLifetime && l.cltt == cltt
                && l.subnetId == subnetId && l.fqdnFwd == fqdnFwd && l.fqdnRev == fqdnRev && l.state == state
                && l.hwtype == hwtype && l.hwSource == hwSource && Arrays.equals(l.duid, duid)
                && Arrays.equals(l.hwaddr, hwaddr) && l.hostname.equals(hostname)
                && Objects.equals(l.userContext, userContext);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(addressHigh) * 31 + Long.hashCode(addressLow);
    }

    @Override
    public String toString() {
        return "Lease6[" + type() + " " + address().getHostAddress() + "/" + prefixLength() + " duid=" + Hex.colons(duid)
                + " iaid=" + iaid() + " preferred=" + preferredLifetime() + " valid=" + validLifetime() + " cltt=" + cltt
                + " subnet=" + subnetId() + " hostname=" + hostname + " state=" + state() + "]";
    }

    /** Builds a {@link Lease6}. */
    public static final class Builder {
        private final LeaseType type;
        private final long high;
        private final long low;
        private int prefixLength = 128;
        private byte[] duid = NONE;
        private long iaid;
        private long preferredLifetime;
        private long validLifetime;
        private long cltt;
        private long subnetId;
        private boolean fqdnFwd;
        private boolean fqdnRev;
        private int state;
        private byte[] hwaddr = NONE;
        private int hwtype = HWAddr.HTYPE_ETHER;
        private int hwSource;
        private String hostname = "";
        private String userContext;

        private Builder(LeaseType type, byte[] address) {
            this.type = Objects.requireNonNull(type, "type");
            this.high = Addresses.half(address, 0);
            this.low = Addresses.half(address, 8);
            if (type == LeaseType.PD) {
                this.prefixLength = 64;
            }
        }

        public Builder prefixLength(int length) {
            if (length < 1 || length > 128) {
                throw new IllegalArgumentException("invalid prefix length " + length);
            }
            this.prefixLength = length;
            return this;
        }

        public Builder duid(Duid value) {
            this.duid = value == null ? NONE : value.bytes();
            return this;
        }

        public Builder iaid(long value) {
            this.iaid = Lease4.uint32(value, "IAID");
            return this;
        }

        public Builder preferredLifetime(long seconds) {
            this.preferredLifetime = Lease4.uint32(seconds, "preferred lifetime");
            return this;
        }

        public Builder validLifetime(long seconds) {
            this.validLifetime = Lease4.uint32(seconds, "valid lifetime");
            return this;
        }

        public Builder cltt(long unixSeconds) {
            this.cltt = unixSeconds;
            return this;
        }

        public Builder subnetId(long id) {
            this.subnetId = Lease4.uint32(id, "subnet id");
            return this;
        }

        public Builder fqdn(boolean forward, boolean reverse) {
            this.fqdnFwd = forward;
            this.fqdnRev = reverse;
            return this;
        }

        public Builder state(int value) {
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("invalid lease state " + value);
            }
            this.state = value;
            return this;
        }

        public Builder hwaddr(HWAddr hw) {
            this.hwaddr = hw == null ? NONE : hw.bytes();
            this.hwtype = hw == null ? HWAddr.HTYPE_ETHER : hw.type();
            this.hwSource = hw == null ? 0 : hw.source();
            return this;
        }

        public Builder hostname(String name) {
            this.hostname = name == null ? "" : name;
            return this;
        }

        public Builder userContext(String json) {
            this.userContext = json == null || json.isEmpty() ? null : json;
            return this;
        }

        public Lease6 build() {
            return new Lease6(this);
        }
    }
}
