package org.kea4j.dhcp;

import java.util.Arrays;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/** A DHCPv6 DUID (client or server identifier). */
@ProviderType
public final class Duid {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 130;

    private final byte[] bytes;

    public Duid(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("DUID of " + bytes.length + " bytes (must be " + MIN_LENGTH + "-"
                    + MAX_LENGTH + ")");
        }
        this.bytes = bytes.clone();
    }

    public static Duid parse(String text) {
        return new Duid(Hex.parse(text));
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
        return o instanceof Duid d && Arrays.equals(d.bytes, bytes);
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
