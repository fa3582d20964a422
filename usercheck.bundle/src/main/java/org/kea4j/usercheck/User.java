package org.kea4j.usercheck;

import java.util.Arrays;
import java.util.Map;
import org.kea4j.dhcp.Hex;

/**
 * A registered user: who (a hardware address or a DUID) and the attributes the registry gives it
 * ({@code bootfile}, {@code tftp_server}, or any other).
 *
 * @param type       what the id is
 * @param id         the hardware address or DUID bytes
 * @param attributes the other keys of the registry line
 */
record User(Type type, byte[] id, Map<String, String> attributes) {

    /** The identifier types of Kea's registry. */
    enum Type {
        /** A DHCPv4 client, by hardware address (its type is not part of the key, as in Kea). */
        HW_ADDR,
        /** A DHCPv6 client, by DUID. */
        DUID
    }

    /** The id of the "default user", whose attributes unregistered clients get (four zero bytes, as in Kea). */
    static final byte[] DEFAULT_ID = new byte[4];

    User {
        id = id.clone();
        attributes = Map.copyOf(attributes);
    }

    /** The registry's key of a client. */
    static String key(Type type, byte[] id) {
        return type + "/" + Hex.colons(id);
    }

    String key() {
        return key(type, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && u.type == type && Arrays.equals(u.id, id) && u.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return key() + attributes;
    }
}
