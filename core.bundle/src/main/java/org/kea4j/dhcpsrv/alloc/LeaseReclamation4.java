package org.kea4j.dhcpsrv.alloc;

import java.util.List;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.host.HooksManager;

/**
 * Reclaims expired IPv4 leases ({@link LeaseReclamation}): {@code lease4_recover} for declined ones,
 * {@code lease4_expire}, then deletion or the expired-reclaimed state.
 */
public final class LeaseReclamation4 extends LeaseReclamation<Lease4> {

    public LeaseReclamation4(HooksManager hooks) {
        super(hooks, hooks.hook(Dhcp4Hooks.LEASE4_EXPIRE), hooks.hook(Dhcp4Hooks.LEASE4_RECOVER), Dhcp4Hooks.LEASE4,
                Dhcp4Hooks.REMOVE_LEASE);
    }

    @Override
    List<Lease4> expired(LeaseMgr leases, long now, int max) {
        return leases.getExpiredLeases4(now, max);
    }

    @Override
    List<Lease4> reclaimedBefore(LeaseMgr leases, long endedBefore) {
        return leases.getExpiredReclaimedLeases4(endedBefore);
    }

    @Override
    int state(Lease4 lease) {
        return lease.state();
    }

    @Override
    Lease4 reclaimed(Lease4 lease) {
        return lease.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).fqdn(false, false).build();
    }

    @Override
    boolean update(LeaseMgr leases, Lease4 previous, Lease4 lease) {
        return leases.updateLease4(previous, lease);
    }

    @Override
    boolean delete(LeaseMgr leases, Lease4 expected) {
        return leases.deleteLease4(expected);
    }
}
