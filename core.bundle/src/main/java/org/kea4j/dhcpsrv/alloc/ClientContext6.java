package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.hooks.host.CalloutSession;

/**
 * What the allocation engine knows about one IA of a DHCPv6 request (Kea's {@code ClientContext6}).
 *
 * @param subnet         the selected subnet
 * @param leaseMgr       the lease database
 * @param duid           the client's DUID
 * @param iaid           the IA's identifier
 * @param type           NA (addresses) or PD (prefixes)
 * @param hints          addresses or prefixes the client asked for in the IA
 * @param fakeAllocation true for SOLICIT: choose, store nothing
 * @param reservation    the client's reservation in this subnet, or null
 * @param hosts          every reservation (to avoid resources reserved for other clients)
 * @param hostname       the hostname to store in new leases, or null
 * @param hwaddr         the client's hardware address, or null
 * @param query          the client's message (a hook argument)
 * @param session        the message's callout handle, or null when no hooks are called
 * @param classes        the client's classes
 * @param ia             the IA option of the response (the {@code ia_na} / {@code ia_pd} hook argument), or null
 * @param rebind         when extending: a REBIND (lease6_rebind) rather than a RENEW (lease6_renew)
 * @param now            the current time in seconds since the epoch
 * @param candidates     the subnets the client may be served from: the selected one first, then the other subnets
 *                       of its shared network that the client may use (only the selected one without)
 * @param reservationIn  the client's reservation in a candidate subnet, or null
 */
public record ClientContext6(Subnet6Config subnet, LeaseMgr leaseMgr, Duid duid, long iaid, LeaseType type,
        List<Hint> hints, boolean fakeAllocation, Reservation6Config reservation, HostReservations6 hosts, String hostname,
        HWAddr hwaddr, Pkt6 query, CalloutSession session, Set<String> classes, Option ia, boolean rebind, long now,
        List<Subnet6Config> candidates, java.util.function.Function<Subnet6Config, Reservation6Config> reservationIn) {

    /**
     * An address or prefix a client asks for.
     *
     * @param address the address (or the prefix's first address)
     * @param length  128 for an address, the prefix length for a prefix (0 = any length)
     */
    public record Hint(InetAddress address, int length) {
    }

    public ClientContext6 {
        hints = List.copyOf(hints);
        candidates = List.copyOf(candidates);
    }

    /** The same IA, served from another candidate subnet (with the client's reservation there). */
    public ClientContext6 in(Subnet6Config other) {
        if (other == subnet) {
            return this;
        }
        Reservation6Config r = reservationIn.apply(other);
        return new ClientContext6(other, leaseMgr, duid, iaid, type, hints, fakeAllocation, r, hosts,
                r == null ? null : r.hostname(), hwaddr, query, session, classes, ia, rebind, now, candidates,
                reservationIn);
    }

    /** Whether a lease belongs to this client's IA. */
    public boolean owns(Lease6 lease) {
        return lease.iaid() == iaid && java.util.Arrays.equals(lease.duidBytes(), duid.rawBytes());
    }
}
