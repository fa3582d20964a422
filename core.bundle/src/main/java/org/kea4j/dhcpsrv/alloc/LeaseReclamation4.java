package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import java.util.List;
import org.kea4j.hooks.HookNames;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPoint;
import org.kea4j.hooks.host.HooksManager;

/**
 * Reclaims expired IPv4 leases in the background ({@code expired-leases-processing}): each expired lease
 * passes {@code lease4_expire} (and a declined one first {@code lease4_recover}), then is deleted or kept in
 * the expired-reclaimed state, so that its address is free again. Reclaimed leases kept that way are
 * removed later by {@link #flush}.
 */
public final class LeaseReclamation4 implements ReclamationTimers.Reclaimer {

    private final HooksManager hooks;
    private final HookPoint expire;
    private final HookPoint recover;

    public LeaseReclamation4(HooksManager hooks) {
        this.hooks = hooks;
        this.expire = hooks.hookPoint(HookNames.LEASE4_EXPIRE);
        this.recover = hooks.hookPoint(HookNames.LEASE4_RECOVER);
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
                if (lease.state() == Lease4.STATE_DECLINED && recover.hasCallouts()) {
                    session.deleteAllArguments();
                    session.setArgument("lease4", lease);
                    recover.call(session);
                    if (session.getSkip()) {
                        continue;
                    }
                }
                boolean removeThis = remove;
                if (expire.hasCallouts()) {
                    session.deleteAllArguments();
                    session.setArgument("lease4", lease);
                    session.setArgument("remove_lease", remove);
                    expire.call(session);
                    if (session.getSkip()) {
                        done++;
                        continue;
                    }
                    Object flag = session.getArgument("remove_lease");
                    removeThis = flag instanceof Boolean b ? b : remove;
                }
                Lease4 current = leases.getLease4(lease.address()).orElse(null);
                if (current == null || current.cltt() != lease.cltt() || !current.expired(now)) {
                    continue; // a client took the address meanwhile
                }
                if (removeThis || lease.state() == Lease4.STATE_DECLINED) {
                    leases.deleteLease4(lease.address());
                } else {
                    leases.updateLease4(lease.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).fqdn(false, false)
                            .build());
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
