package org.kea4j.dhcpsrv;

import org.osgi.annotation.versioning.ProviderType;

/** DHCPv6 lease types, with the codes Kea stores. */
@ProviderType
public enum LeaseType {
    /** Non-temporary address (IA_NA). */
    NA(0),
    /** Temporary address (IA_TA). */
    TA(1),
    /** Delegated prefix (IA_PD). */
    PD(2);

    private final int code;

    LeaseType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type of a stored code. */
    public static LeaseType of(int code) {
        for (LeaseType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("invalid lease type " + code);
    }
}
