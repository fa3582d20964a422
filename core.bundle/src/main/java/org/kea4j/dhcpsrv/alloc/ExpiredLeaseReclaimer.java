package org.kea4j.dhcpsrv.alloc;

/**
 * A DHCP server whose expired leases can be reclaimed on demand (Kea's {@code leases-reclaim}); the servers offer
 * it as a service, and the command asks each.
 */
public interface ExpiredLeaseReclaimer {

    /**
     * Reclaims every lease expired now.
     *
     * @param remove delete the reclaimed leases rather than keep them as expired-reclaimed
     * @return how many were reclaimed
     * @throws Exception when the lease database fails
     */
    int reclaimExpired(boolean remove) throws Exception;
}
