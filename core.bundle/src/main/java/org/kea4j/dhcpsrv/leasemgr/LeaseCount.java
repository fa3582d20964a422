package org.kea4j.dhcpsrv.leasemgr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/**
 * How many leases of one subnet, type and state a database holds: a row of {@link LeaseMgr#countLeases()}, as
 * Kea's lease statistics queries count them.
 *
 * @param subnetId the subnet's id
 * @param type     the lease type; IPv4 leases (addresses) count as {@link LeaseType#NA}
 * @param state    the lease state (default, declined, expired-reclaimed)
 * @param count    how many
 */
public record LeaseCount(long subnetId, LeaseType type, int state, long count) {

    /** Adds up leases one by one into rows; not thread-safe. */
    public static final class Tally {

        private record Key(long subnetId, LeaseType type, int state) {
        }

        private final Map<Key, long[]> counts = new HashMap<>();

        /** Counts one lease. */
        public void add(long subnetId, LeaseType type, int state) {
            counts.computeIfAbsent(new Key(subnetId, type, state), k -> new long[1])[0]++;
        }

        /** Counts an IPv4 lease (an address: {@link LeaseType#NA}). */
        public void add(Lease4 lease) {
            add(lease.subnetId(), LeaseType.NA, lease.state());
        }

        /** Counts an IPv6 lease under its type. */
        public void add(Lease6 lease) {
            add(lease.subnetId(), lease.type(), lease.state());
        }

        /** The rows counted so far. */
        public List<LeaseCount> rows() {
            List<LeaseCount> rows = new ArrayList<>(counts.size());
            counts.forEach((k, n) -> rows.add(new LeaseCount(k.subnetId(), k.type(), k.state(), n[0])));
            return rows;
        }
    }
}
