package org.kea4j.dhcpsrv;

import org.osgi.annotation.versioning.ProviderType;

/** A DHCPv6 prefix delegation pool: prefixes of {@link #delegatedLength()} bits carved out of {@link #prefix()}. */
@ProviderType
public interface PdPool {

    /** The pool's prefix. */
    Prefix prefix();

    /** The length of each delegated prefix. */
    int delegatedLength();

    /** The client class a client must belong to in order to use the pool, or null for every client. */
    String clientClass();
}
