package org.kea4j.dhcp;

import org.osgi.annotation.versioning.ProviderType;

/** The data types of option fields, named as in Kea's {@code option-def}. */
@ProviderType
public enum OptionDataType {
    EMPTY("empty", 0), BINARY("binary", -1), BOOLEAN("boolean", 1), INT8("int8", 1), INT16("int16", 2),
    INT32("int32", 4), UINT8("uint8", 1), UINT16("uint16", 2), UINT32("uint32", 4), IPV4_ADDRESS("ipv4-address", 4),
    IPV6_ADDRESS("ipv6-address", 16), IPV6_PREFIX("ipv6-prefix", 17), PSID("psid", 3), STRING("string", -1),
    FQDN("fqdn", -1), TUPLE("tuple", -1), RECORD("record", -1), INTERNAL("internal", -1);

    private final String keaName;
    private final int size;

    OptionDataType(String keaName, int size) {
        this.keaName = keaName;
        this.size = size;
    }

    /** The name used in configuration files. */
    public String keaName() {
        return keaName;
    }

    /** The wire size of one value, or -1 when it varies. */
    public int size() {
        return size;
    }

    /** The type of a configuration name, or null. */
    public static OptionDataType ofKeaName(String name) {
        for (OptionDataType t : values()) {
            if (t.keaName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
