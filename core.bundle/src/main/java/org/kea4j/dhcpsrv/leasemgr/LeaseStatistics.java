package org.kea4j.dhcpsrv.leasemgr;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.PdPool;
import org.kea4j.dhcpsrv.Pool;
import org.kea4j.dhcpsrv.Subnet;
import org.kea4j.dhcpsrv.Subnet6;
import org.kea4j.stats.Statistics;

/**
 * Kea's lease statistics, by Kea 2.2's names: per subnet the addresses (v6: NAs and PDs) its pools hold, those
 * assigned (leases not reclaimed), those declined, the cumulative assignments and the reclaimed leases; the
 * same process-wide for declines and reclamations. A configuration sets them from the lease database
 * ({@link #configured}); {@link #counting} keeps them as leases change.
 */
public final class LeaseStatistics {

    private final Statistics stats;
    private final int universe;
    /** Names by subnet id; a handful of subnets, kept for the database's life (ids are few and stable). */
    private final Map<Long, SubnetNames> names = new ConcurrentHashMap<>();

    private LeaseStatistics(Statistics stats, int universe) {
        this.stats = stats;
        this.universe = universe;
    }

    /** A database that counts every lease added, changed or removed through it. */
    public static LeaseMgr counting(LeaseMgr db, Statistics stats) {
        return new CountingLeaseMgr(db, new LeaseStatistics(stats, db.universe()));
    }

    /**
     * Sets the statistics of a new configuration: the process-wide ones created at 0 where absent; the subnet
     * ones of this universe replaced by those of {@code subnets}, the assigned and declined counts read from
     * {@code db} (null: none yet).
     */
    public static void configured(Statistics stats, int universe, List<? extends Subnet> subnets, LeaseMgr db) {
        LeaseStatistics s = new LeaseStatistics(stats, universe);
        for (String name : s.processWide()) {
            if (!stats.exists(name)) {
                stats.set(name, 0);
            }
        }
        List<String> suffixes = s.subnetSuffixes();
        for (String name : stats.all().keySet()) { // read once: all() copies every statistic's samples
            if (name.startsWith("subnet[") && suffixes.stream().anyMatch(suffix -> name.endsWith("]." + suffix))) {
                stats.remove(name);
            }
        }
        Map<Long, long[]> counts = new HashMap<>(); // subnet id to assigned NA/address, declined, assigned PD
        long declined = 0;
        if (db != null) {
            for (LeaseCount row : db.countLeases()) {
                declined += tally(counts, row);
            }
        }
        stats.set("declined-addresses", declined);
        for (Subnet subnet : subnets) {
            long[] c = counts.getOrDefault(subnet.id(), new long[3]);
            String at = "subnet[" + subnet.id() + "].";
            if (universe == 4) {
                stats.set(at + "total-addresses", total(subnet.pools()));
                stats.set(at + "assigned-addresses", c[0]);
                stats.set(at + "cumulative-assigned-addresses", 0);
            } else {
                stats.set(at + "total-nas", total(subnet.pools()));
                stats.set(at + "assigned-nas", c[0]);
                stats.set(at + "cumulative-assigned-nas", 0);
                stats.set(at + "total-pds", subnet instanceof Subnet6 s6 ? totalPrefixes(s6.pdPools()) : 0);
                stats.set(at + "assigned-pds", c[2]);
                stats.set(at + "cumulative-assigned-pds", 0);
            }
            stats.set(at + "declined-addresses", c[1]);
            stats.set(at + "reclaimed-declined-addresses", 0);
            stats.set(at + "reclaimed-leases", 0);
        }
    }

    /** Adds a row to its subnet's assigned (address or prefix) and declined counts; returns the declined ones. */
    private static long tally(Map<Long, long[]> counts, LeaseCount row) {
        if (row.state() == Lease4.STATE_EXPIRED_RECLAIMED) {
            return 0;
        }
        long[] c = counts.computeIfAbsent(row.subnetId(), id -> new long[3]);
        c[row.type() == LeaseType.PD ? 2 : 0] += row.count();
        if (row.state() == Lease4.STATE_DECLINED) {
            c[1] += row.count();
            return row.count();
        }
        return 0;
    }

    private List<String> processWide() {
        return universe == 4
                ? List.of("cumulative-assigned-addresses", "declined-addresses", "reclaimed-declined-addresses",
                        "reclaimed-leases")
                : List.of("cumulative-assigned-nas", "cumulative-assigned-pds", "declined-addresses",
                        "reclaimed-declined-addresses", "reclaimed-leases");
    }

    private List<String> subnetSuffixes() {
        return universe == 4
                ? List.of("total-addresses", "assigned-addresses", "cumulative-assigned-addresses",
                        "declined-addresses", "reclaimed-declined-addresses", "reclaimed-leases")
                : List.of("total-nas", "assigned-nas", "cumulative-assigned-nas", "total-pds", "assigned-pds",
                        "cumulative-assigned-pds", "declined-addresses", "reclaimed-declined-addresses",
                        "reclaimed-leases");
    }

    private static long total(List<? extends Pool> pools) {
        BigInteger sum = BigInteger.ZERO;
        for (Pool p : pools) {
            sum = sum.add(p.range().size());
        }
        return capped(sum);
    }

    private static long totalPrefixes(List<? extends PdPool> pools) {
        BigInteger sum = BigInteger.ZERO;
        for (PdPool p : pools) {
            sum = sum.add(BigInteger.ONE.shiftLeft(p.delegatedLength() - p.prefix().length()));
        }
        return capped(sum);
    }

    /** Kea 2.2's statistics are signed 64-bit: larger pools show the largest value. */
    private static long capped(BigInteger value) {
        return value.bitLength() < 64 ? value.longValue() : Long.MAX_VALUE;
    }

    // ------------------------------------------------------------------ changes, from CountingLeaseMgr

    /** A lease of {@code subnetId} in {@code state} appeared ({@code sign} 1) or went away (-1). */
    void held(long subnetId, int state, boolean prefix, int sign) {
        if (state == Lease4.STATE_EXPIRED_RECLAIMED) {
            return;
        }
        SubnetNames names = names(subnetId);
        stats.add(prefix ? names.assignedPds() : names.assigned(), sign);
        if (state == Lease4.STATE_DECLINED) {
            stats.add(names.declined(), sign);
            stats.add("declined-addresses", sign);
        }
    }

    /** A new lease was assigned. */
    void assignedNew(long subnetId, boolean prefix) {
        SubnetNames names = names(subnetId);
        stats.add(prefix ? names.cumulativePds() : names.cumulative(), 1);
        stats.add(universe == 4 ? "cumulative-assigned-addresses"
                : prefix ? "cumulative-assigned-pds" : "cumulative-assigned-nas", 1);
    }

    /** A lease in {@code state} was reclaimed (expired, or its decline probation ended). */
    void reclaimed(long subnetId, int state) {
        SubnetNames names = names(subnetId);
        stats.add(names.reclaimed(), 1);
        stats.add("reclaimed-leases", 1);
        if (state == Lease4.STATE_DECLINED) {
            stats.add(names.reclaimedDeclined(), 1);
            stats.add("reclaimed-declined-addresses", 1);
        }
    }

    /** A subnet's statistic names, built once (not for every lease change). */
    private record SubnetNames(String assigned, String assignedPds, String declined, String cumulative,
            String cumulativePds, String reclaimed, String reclaimedDeclined) {

        static SubnetNames of(long subnetId, int universe) {
            String at = "subnet[" + subnetId + "].";
            return new SubnetNames(at + (universe == 4 ? "assigned-addresses" : "assigned-nas"), at + "assigned-pds",
                    at + "declined-addresses",
                    at + (universe == 4 ? "cumulative-assigned-addresses" : "cumulative-assigned-nas"),
                    at + "cumulative-assigned-pds", at + "reclaimed-leases", at + "reclaimed-declined-addresses");
        }
    }

    private SubnetNames names(long subnetId) {
        return names.computeIfAbsent(subnetId, id -> SubnetNames.of(id, universe));
    }
}
