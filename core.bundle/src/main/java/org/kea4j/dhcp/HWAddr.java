package org.kea4j.dhcp;

import java.util.Arrays;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A hardware address: its type (1 = Ethernet), its bytes and where the server learned it.
 */
@ProviderType
public final class HWAddr {

    private final int type;
    private final byte[] bytes;
    private final int source;

    /** Ethernet. */
    public static final int HTYPE_ETHER = 1;
    /** Longest hardware address a DHCP packet carries. */
    public static final int MAX_LENGTH = 20;
    /** Source bits as Kea stores them. */
    public static final int SOURCE_UNKNOWN = 0;
    public static final int SOURCE_RAW = 1;
    public static final int SOURCE_DUID = 2;
    public static final int SOURCE_IPV6_LINK_LOCAL = 4;
    public static final int SOURCE_CLIENT_ADDR_RELAY_OPTION = 8;
    public static final int SOURCE_REMOTE_ID = 16;
    public static final int SOURCE_SUBSCRIBER_ID = 32;
    public static final int SOURCE_DOCSIS_CMTS = 64;
    public static final int SOURCE_DOCSIS_MODEM = 128;

    public HWAddr(int type, byte[] bytes, int source) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("hardware address longer than " + MAX_LENGTH + " bytes");
        }
        bytes = bytes.clone();
        this.type = type;
        this.bytes = bytes;
        this.source = source;
    }

    /** An Ethernet address from its bytes. */
    public static HWAddr ethernet(byte[] bytes) {
        return new HWAddr(HTYPE_ETHER, bytes, SOURCE_UNKNOWN);
    }

    /** Parses {@code 08:00:27:aa:bb:cc} as an Ethernet address. */
    public static HWAddr parse(String text) {
        return ethernet(Hex.parse(text));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes without copying; callers must not change them. */
    public byte[] rawBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HWAddr h && h.type == type && Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + type;
    }

    /** {@code 08:00:27:aa:bb:cc}. */
    @Override
    public String toString() {
        return Hex.colons(bytes);
    }

    /** Hardware type (IANA ARP hardware type; 1 for Ethernet). */
    public int type() {
        return type;
    }

    /** Where it came from: one of the {@code SOURCE_*} bits (0 = unknown). */
    public int source() {
        return source;
    }
}
