package org.kea4j.dhcpsrv;

import org.osgi.annotation.versioning.ProviderType;

/** A dynamic address pool of a subnet (IPv4, or IPv6 for IA_NA). Read-only. */
@ProviderType
public interface Pool {

    /** The pool's addresses. */
    AddressRange range();

    /** The client class a client must belong to in order to use the pool, or null for every client. */
    String clientClass();
}
