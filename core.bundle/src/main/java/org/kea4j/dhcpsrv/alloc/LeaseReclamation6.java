package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import java.util.List;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;

/**
 * Reclaims expired IPv6 leases in the background, as {@link LeaseReclamation4} does for IPv4:
 * {@code lease6_recover} for declined ones, {@code lease6_expire}, then deletion or the expired-reclaimed
 * state.
 */
public final class LeaseReclamation6 implements ReclamationTimers.Reclaimer {

    private final HooksManager hooks;
    private final Hook expire;
    private final Hook recover;

    public LeaseReclamation6(HooksManager hooks) {
        this.hooks = hooks;
        this.expire = hooks.hook(Dhcp6Hooks.LEASE6_EXPIRE);
        this.recover = hooks.hook(Dhcp6Hooks.LEASE6_RECOVER);
    }

    /** Reclaims up to {@code max} (0 = all) leases expired at {@code now}; returns how many. */
    @Override
    public int reclaim(LeaseMgr leases, long now, int max, boolean remove) {
        List<Lease6> expired = leases.getExpiredLeases6(now, max);
        int done = 0;
        for (Lease6 lease : expired) {
            try (CalloutSession session = hooks.openSession()) {
                boolean declined = lease.state() == Lease4.STATE_DECLINED;
                if (declined && session.hasCallouts(recover)
                        && session.begin(recover).with(Dhcp6Hooks.LEASE6, lease).call() != NextStep.CONTINUE) {
                    continue; // left declined
                }
                boolean removeThis = remove;
                Lease6 reclaimed = lease;
                if (session.hasCallouts(expire)) {
                    NextStep next = session.begin(expire).with(Dhcp6Hooks.LEASE6, lease)
                            .with(Dhcp6Hooks.REMOVE_LEASE, remove).call();
                    if (next != NextStep.CONTINUE) {
                        done++;
                        continue;
                    }
                    Boolean flag = session.get(Dhcp6Hooks.REMOVE_LEASE);
                    removeThis = flag != null ? flag : remove;
                    Lease6 changed = session.get(Dhcp6Hooks.LEASE6);
                    reclaimed = changed != null ? changed : lease;
                }
                Lease6 current = leases.getLease6(lease.type(), lease.address()).orElse(null);
                if (current == null || current.cltt() != lease.cltt() || !current.expired(now)) {
                    continue;
                }
                if (removeThis || declined) {
                    leases.deleteLease6(lease.type(), lease.address());
                } else if (!leases.updateLease6(current, reclaimed.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED)
                        .fqdn(false, false).build())) {
                    continue; // another server on the database reclaimed it, or a client renewed it, meanwhile
                }
                done++;
            } catch (NoSuchLeaseException e) {
                // changed under us by a client
            }
        }
        return done;
    }

    /** Deletes expired-reclaimed leases whose lease ended more than {@code holdSeconds} ago. */
    @Override
    public int flush(LeaseMgr leases, long now, long holdSeconds) {
        int removed = 0;
        for (Lease6 lease : leases.getLeases6()) {
            if (lease.state() == Lease4.STATE_EXPIRED_RECLAIMED && lease.expire() + holdSeconds < now
                    && leases.deleteLease6(lease.type(), lease.address())) {
                removed++;
            }
        }
        return removed;
    }
}
