package org.kea4j.dhcpsrv.alloc;

import java.util.List;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.host.HooksManager;

/**
 * Reclaims expired IPv6 leases ({@link LeaseReclamation}): {@code lease6_recover} for declined ones,
 * {@code lease6_expire}, then deletion or the expired-reclaimed state.
 */
public final class LeaseReclamation6 extends LeaseReclamation<Lease6> {

    public LeaseReclamation6(HooksManager hooks) {
        super(hooks, hooks.hook(Dhcp6Hooks.LEASE6_EXPIRE), hooks.hook(Dhcp6Hooks.LEASE6_RECOVER), Dhcp6Hooks.LEASE6,
                Dhcp6Hooks.REMOVE_LEASE);
    }

    @Override
    List<Lease6> expired(LeaseMgr leases, long now, int max) {
        return leases.getExpiredLeases6(now, max);
    }

    @Override
    List<Lease6> reclaimedBefore(LeaseMgr leases, long endedBefore) {
        return leases.getExpiredReclaimedLeases6(endedBefore);
    }

    @Override
    int state(Lease6 lease) {
        return lease.state();
    }

    @Override
    Lease6 reclaimed(Lease6 lease) {
        return lease.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).fqdn(false, false).build();
    }

    @Override
    boolean update(LeaseMgr leases, Lease6 previous, Lease6 lease) {
        return leases.updateLease6(previous, lease);
    }

    @Override
    boolean delete(LeaseMgr leases, Lease6 expected) {
        return leases.deleteLease6(expected);
    }
}
