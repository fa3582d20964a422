package org.kea4j.dhcpsrv.alloc;

import java.util.List;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;

/**
 * Reclaims expired leases in the background ({@code expired-leases-processing}), written once for both
 * families. Each expired lease is first claimed: one conditional update puts it in the expired-reclaimed
 * state only if it is still as read, so that of several servers on one database exactly one reclaims it, and
 * a client that took the address meanwhile keeps it. Then its {@code lease*_recover} (a declined lease) and
 * {@code lease*_expire} callouts run, once, and the lease is deleted or kept reclaimed. Reclaimed leases kept
 * that way are removed later by {@link #flush}.
 *
 * @param <L> {@link Lease4} or {@code Lease6}
 */
abstract class LeaseReclamation<L> implements ReclamationTimers.Reclaimer {

    private final HooksManager hooks;
    private final Hook expire;
    private final Hook recover;
    private final Argument<L> leaseArgument;
    private final Argument<Boolean> removeArgument;

    LeaseReclamation(HooksManager hooks, Hook expire, Hook recover, Argument<L> leaseArgument,
            Argument<Boolean> removeArgument) {
        this.hooks = hooks;
        this.expire = expire;
        this.recover = recover;
        this.leaseArgument = leaseArgument;
        this.removeArgument = removeArgument;
    }

    abstract List<L> expired(LeaseMgr leases, long now, int max);

    /** The expired-reclaimed leases that ended before {@code endedBefore}. */
    abstract List<L> reclaimedBefore(LeaseMgr leases, long endedBefore);

    abstract int state(L lease);

    /** The lease in the expired-reclaimed state, its DNS flags cleared. */
    abstract L reclaimed(L lease);

    abstract boolean update(LeaseMgr leases, L previous, L lease);

    abstract boolean delete(LeaseMgr leases, L expected);

    /**
     * Reclaims up to {@code max} (0 = all) leases expired at {@code now}.
     *
     * @param remove delete reclaimed leases rather than keep them as expired-reclaimed
     * @return how many this server reclaimed
     */
    @Override
    public int reclaim(LeaseMgr leases, long now, int max, boolean remove) {
        int done = 0;
        for (L lease : expired(leases, now, max)) {
            L claimed = reclaimed(lease);
            try {
                if (!update(leases, lease, claimed)) {
                    continue; // another server on the database reclaimed it, or a client renewed it, meanwhile
                }
            } catch (NoSuchLeaseException e) {
                continue; // deleted meanwhile
            }
            boolean declined = state(lease) == Lease4.STATE_DECLINED;
            try (CalloutSession session = hooks.openSession()) {
                if (declined && session.hasCallouts(recover)
                        && session.begin(recover).with(leaseArgument, lease).call() != NextStep.CONTINUE) {
                    update(leases, claimed, lease); // left declined, as the callout asked
                    continue;
                }
                boolean removeThis = remove;
                L result = claimed;
                if (session.hasCallouts(expire)) {
                    NextStep next = session.begin(expire).with(leaseArgument, lease).with(removeArgument, remove).call();
                    if (next != NextStep.CONTINUE) {
                        done++; // the callout reclaimed it
                        continue;
                    }
                    Boolean flag = session.get(removeArgument);
                    removeThis = flag != null ? flag : remove;
                    L changed = session.get(leaseArgument);
                    if (changed != null && changed != lease) {
                        result = reclaimed(changed);
                    }
                }
                if (removeThis || declined) {
                    delete(leases, claimed); // unless a client took the address meanwhile
                } else if (result != claimed) {
                    update(leases, claimed, result);
                }
                done++;
            }
        }
        return done;
    }

    /** Deletes expired-reclaimed leases whose lease ended more than {@code holdSeconds} ago. */
    @Override
    public int flush(LeaseMgr leases, long now, long holdSeconds) {
        int removed = 0;
        for (L lease : reclaimedBefore(leases, now - holdSeconds)) {
            if (delete(leases, lease)) {
                removed++;
            }
        }
        return removed;
    }
}
