package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import java.util.List;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;

/**
 * Reclaims expired IPv4 leases in the background ({@code expired-leases-processing}): each expired lease
 * passes {@code lease4_expire} (and a declined one first {@code lease4_recover}), then is deleted or kept in
 * the expired-reclaimed state, so that its address is free again. Reclaimed leases kept that way are
 * removed later by {@link #flush}.
 */
public final class LeaseReclamation4 implements ReclamationTimers.Reclaimer {

    private final HooksManager hooks;
    private final Hook expire;
    private final Hook recover;

    public LeaseReclamation4(HooksManager hooks) {
        this.hooks = hooks;
        this.expire = hooks.hook(Dhcp4Hooks.LEASE4_EXPIRE);
        this.recover = hooks.hook(Dhcp4Hooks.LEASE4_RECOVER);
    }

    /**
     * Reclaims up to {@code max} (0 = all) leases expired at {@code now}.
     *
     * @param remove delete reclaimed leases rather than keep them as expired-reclaimed
     * @return how many were reclaimed
     */
    @Override
    public int reclaim(LeaseMgr leases, long now, int max, boolean remove) {
        List<Lease4> expired = leases.getExpiredLeases4(now, max);
        int done = 0;
        for (Lease4 lease : expired) {
            try (CalloutSession session = hooks.openSession()) {
                if (lease.state() == Lease4.STATE_DECLINED && session.hasCallouts(recover)
                        && session.begin(recover).with(Dhcp4Hooks.LEASE4, lease).call() != NextStep.CONTINUE) {
                    continue; // left declined
                }
                boolean removeThis = remove;
                Lease4 reclaimed = lease;
                if (session.hasCallouts(expire)) {
                    NextStep next = session.begin(expire).with(Dhcp4Hooks.LEASE4, lease)
                            .with(Dhcp4Hooks.REMOVE_LEASE, remove).call();
                    if (next != NextStep.CONTINUE) {
                        done++;
                        continue;
                    }
                    Boolean flag = session.get(Dhcp4Hooks.REMOVE_LEASE);
                    removeThis = flag != null ? flag : remove;
                    Lease4 changed = session.get(Dhcp4Hooks.LEASE4);
                    reclaimed = changed != null ? changed : lease;
                }
                Lease4 current = leases.getLease4(lease.address()).orElse(null);
                if (current == null || current.cltt() != lease.cltt() || !current.expired(now)) {
                    continue; // a client took the address meanwhile
                }
                if (removeThis || lease.state() == Lease4.STATE_DECLINED) {
                    leases.deleteLease4(lease.address());
                } else if (!leases.updateLease4(current, reclaimed.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED)
                        .fqdn(false, false).build())) {
                    continue; // another server on the database reclaimed it, or a client renewed it, meanwhile
                }
                done++;
            } catch (NoSuchLeaseException e) {
                // changed under us by a client: nothing to reclaim
            }
        }
        return done;
    }

    /** Deletes expired-reclaimed leases whose lease ended more than {@code holdSeconds} ago. */
    @Override
    public int flush(LeaseMgr leases, long now, long holdSeconds) {
        int removed = 0;
        for (Lease4 lease : leases.getLeases4()) {
            if (lease.state() == Lease4.STATE_EXPIRED_RECLAIMED && lease.expire() + holdSeconds < now
                    && leases.deleteLease4(lease.address())) {
                removed++;
            }
        }
        return removed;
    }
}
