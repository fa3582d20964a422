package org.kea4j.dhcp;

import java.util.Arrays;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/** A DHCPv4 client identifier (option 61's payload, type byte included). */
@ProviderType
public final class ClientId {

    /** Shortest and longest identifiers Kea accepts. */
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 255;

    private final byte[] bytes;

    public ClientId(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("client identifier of " + bytes.length + " bytes (must be "
                    + MIN_LENGTH + "-" + MAX_LENGTH + ")");
        }
        this.bytes = bytes.clone();
    }

    public static ClientId parse(String text) {
        return new ClientId(Hex.parse(text));
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
        return o instanceof ClientId c && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.colons(bytes);
    }
}
