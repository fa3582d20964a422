package org.kea4j.dhcpsrv.leasemgr;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.kea4j.config.ConfigException;

/**
 * The lease back ends present and the lease database each server uses now (an OSGi service, as Kea's
 * {@code LeaseMgrFactory}). A server opens its database when its configuration commits and publishes it
 * here; control commands and the shell find it here.
 */
public interface LeaseDatabases {

    /** The back-end types offered now. */
    Set<String> types();

    /** Checks access parameters; an absent type is {@code DHCPSRV_UNKNOWN_DB}. */
    void validate(DbAccess access, int universe) throws ConfigException;

    /** Opens a database through the back end of its type. */
    LeaseMgr open(DbAccess access, int universe) throws ConfigException;

    /**
     * Opens a database that is never a server's: its leases count into statistics of its own, not the process's
     * (for rehearsing the packet path before a server opens its sockets). The caller closes it.
     */
    LeaseMgr openDetached(DbAccess access, int universe) throws ConfigException;

    /** The database the server of this universe uses, if any. */
    Optional<LeaseMgr> current(int universe);

    /**
     * Makes a database the current one of its universe (null to clear) and returns the previous one; the
     * caller closes the previous one (with {@link #close}) when it is no longer used.
     */
    LeaseMgr setCurrent(int universe, LeaseMgr manager);

    /** Closes a database ({@code DHCPSRV_CLOSE_DB}); null is ignored. */
    void close(LeaseMgr manager);

    /** What lease commands need to know of a server's subnets (published with its configuration). */
    interface Subnets {
        /** The subnet an address belongs to. */
        OptionalLong subnetFor(InetAddress address);

        /** Whether a subnet with this id is configured and holds the address. */
        boolean contains(long subnetId, InetAddress address);

        /** Whether a subnet with this id is configured. */
        boolean exists(long subnetId);

        /** The subnet's valid lifetime. */
        long validLifetime(long subnetId);

        /** The subnet's preferred lifetime (IPv6). */
        long preferredLifetime(long subnetId);
    }

    /** The subnets of the server of a universe (null to clear). */
    void setSubnets(int universe, Subnets subnets);

    /** The subnets of the server of a universe, if it runs. */
    Optional<Subnets> subnets(int universe);
}
