package org.kea4j.dhcpsrv;

import java.util.Arrays;
import java.util.Objects;
import org.kea4j.dhcp.Hex;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What identifies a host reservation: a hardware address, a client identifier, a DUID, a relay circuit-id
 * or a flexible id, with its bytes.
 */
@ProviderType
public final class HostIdentifier {

    private final Type type;
    private final byte[] value;

    /** Identifier types, named as in the configuration. */
    public enum Type {
        HW_ADDRESS("hw-address"), DUID("duid"), CIRCUIT_ID("circuit-id"), CLIENT_ID("client-id"), FLEX_ID("flex-id");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        /** The configuration key, for example {@code hw-address}. */
        public String key() {
            return key;
        }

        /** The type of a configuration key, or null. */
        public static Type ofKey(String key) {
            for (Type t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            return null;
        }
    }

    public HostIdentifier(Type type, byte[] value) {
        Objects.requireNonNull(type, "type");
        value = value.clone();
        this.type = type;
        this.value = value;
    }

    public byte[] value() {
        return value.clone();
    }

    /**
     * Parses an identifier as Kea writes it: hex bytes separated by {@code :} or {@code -} or nothing
     * ({@code 01:02:03}, {@code 010203}); circuit-id and flex-id may also be quoted text ({@code 'abc'}).
     */
    public static HostIdentifier parse(Type type, String text) {
        String t = text.trim();
        if ((type == Type.CIRCUIT_ID || type == Type.FLEX_ID) && t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return new HostIdentifier(type, t.substring(1, t.length() - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new HostIdentifier(type, parseHex(t));
    }

    /**
     * Parses {@code 01:02:0a}, {@code 01-02-0a}, {@code 01 02 0a}, {@code 01020a} or {@code 0x01020a}; single
     * digits allowed between separators.
     */
    public static byte[] parseHex(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return Hex.parse(t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostIdentifier h && h.type == type && Arrays.equals(h.value, value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return type.key() + "=" + Hex.colons(value);
    }

    /** The identifier type. */
    public Type type() {
        return type;
    }
}
