package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import java.net.Inet4Address;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.host.CalloutSession;

/**
 * What the allocation engine knows about one client request (Kea's {@code ClientContext4}).
 *
 * @param subnet           the selected subnet
 * @param leaseMgr         the lease database
 * @param hwaddr           the client's hardware address
 * @param clientId         the client identifier, or null (also null when the subnet ignores it)
 * @param requestedAddress the address the client asks for (option 50 or ciaddr), or null
 * @param fakeAllocation   true for DISCOVER: choose an address, store nothing
 * @param reservation      the client's reservation in this subnet, or null
 * @param hosts            every reservation (to avoid addresses reserved for other clients)
 * @param hostname         the hostname to store in the lease, or null
 * @param query            the client's packet (a hook argument), or null
 * @param session          the packet's callout handle, or null when no hooks are called
 * @param classes          the client's classes (pools with a {@code client-class} serve only its members)
 * @param now              the current time in seconds since the epoch
 * @param candidates       the subnets the client may be served from: the selected one first, then the other
 *                         subnets of its shared network that the client may use (only the selected one without)
 * @param reservationIn    the client's reservation in a candidate subnet, or null
 */
public record ClientContext4(Subnet4Config subnet, LeaseMgr leaseMgr, HWAddr hwaddr, ClientId clientId,
        Inet4Address requestedAddress, boolean fakeAllocation, Reservation4Config reservation, HostReservations4 hosts,
        String hostname, Pkt4 query, CalloutSession session, java.util.Set<String> classes, long now,
        java.util.List<Subnet4Config> candidates, java.util.function.Function<Subnet4Config, Reservation4Config> reservationIn) {

    /** The same request, served from another candidate subnet (with the client's reservation there). */
    public ClientContext4 in(Subnet4Config other) {
        if (other == subnet) {
            return this;
        }
        Reservation4Config r = reservationIn.apply(other);
        return new ClientContext4(other, leaseMgr, hwaddr, clientId, requestedAddress, fakeAllocation, r, hosts,
                r == null ? null : r.hostname(), query, session, classes, now, candidates,
                reservationIn);
    }

    /** The candidate subnet that contains the address, or null. */
    public Subnet4Config candidateFor(java.net.InetAddress address) {
        for (Subnet4Config s : candidates) {
            if (s.prefix().contains(address)) {
                return s;
            }
        }
        return null;
    }

    /** Whether the address is in a pool of the subnet that serves this client. */
    public boolean inAllowedPool(java.net.InetAddress address) {
        for (PoolConfig pool : subnet.pools()) {
            if (pool.range().contains(address)) {
                return pool.clientClass() == null || classes.contains(pool.clientClass());
            }
        }
        return false;
    }

    /** Whether the lease belongs to this client (Kea's rule: client ids when both have one, else hwaddr). */
    public boolean owns(Lease4 lease) {
        byte[] leaseClientId = lease.clientIdBytes();
        if (clientId != null && leaseClientId != null && subnet.matchClientId()) {
            return java.util.Arrays.equals(clientId.rawBytes(), leaseClientId);
        }
        byte[] hw = lease.hwaddrBytes();
        return hwaddr != null && hw.length > 0 && java.util.Arrays.equals(hw, hwaddr.rawBytes());
    }
}
