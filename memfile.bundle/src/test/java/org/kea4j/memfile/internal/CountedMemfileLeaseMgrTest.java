package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrContractTest;
import org.kea4j.dhcpsrv.leasemgr.LeaseStatistics;
import org.kea4j.stats.StatisticsRegistry;

/**
 * The lease database contract holds for memfile seen through the statistics counter (as the servers see it), and
 * the counter keeps Kea's lease statistics through every kind of change.
 */
class CountedMemfileLeaseMgrTest extends LeaseMgrContractTest {

    @TempDir
    Path dir;

    private final StatisticsRegistry stats = new StatisticsRegistry();

    private LeaseMgr open(int universe) throws Exception {
        return LeaseStatistics.counting(MemfileLeaseMgr.open(universe, new MemfileLeaseMgr.Settings(true,
                dir.resolve("kea-leases" + universe + ".csv"), 0, 0)), stats);
    }

    @Override
    protected LeaseMgr openEmpty(int universe) throws Exception {
        return open(universe);
    }

    @Override
    protected LeaseMgr reopen(int universe) throws Exception {
        return open(universe);
    }

    private long stat(String name) {
        return stats.value(name);
    }

    @Test
    void leaseChangesAreCountedAndRecountedAfterARestart() throws Exception {
        LeaseMgr db = v4();
        LeaseStatistics.configured(stats, 4, List.of(), db);
        long now = System.currentTimeMillis() / 1000;
        db.addLease(lease4("192.0.2.10", "02:00:00:00:00:01", null, 1).toBuilder().cltt(now).build());
        db.addLease(lease4("192.0.2.11", "02:00:00:00:00:02", null, 1));
        db.addLease(lease4("192.0.2.12", "02:00:00:00:00:03", null, 2));
        assertEquals(2, stat("subnet[1].assigned-addresses"));
        assertEquals(3, stat("cumulative-assigned-addresses"));

        Lease4 declined = db.getLease4(a4("192.0.2.11")).orElseThrow().toBuilder().state(Lease4.STATE_DECLINED).build();
        db.updateLease4(declined);
        assertEquals(2, stat("subnet[1].assigned-addresses"), "a declined address stays assigned until reclaimed");
        assertEquals(1, stat("subnet[1].declined-addresses"));
        assertEquals(1, stat("declined-addresses"));

        db.updateLease4(declined.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).build());
        assertEquals(1, stat("subnet[1].assigned-addresses"));
        assertEquals(0, stat("declined-addresses"));
        assertEquals(1, stat("subnet[1].reclaimed-leases"));
        assertEquals(1, stat("reclaimed-declined-addresses"));

        db.deleteLease4(a4("192.0.2.10")); // a release: the lease has not expired
        assertEquals(0, stat("subnet[1].assigned-addresses"));
        assertEquals(1, stat("reclaimed-leases"), "a release is no reclamation");
        db.addLease(lease4("192.0.2.13", "02:00:00:00:00:05", null, 1));
        db.deleteLease4(a4("192.0.2.13")); // expired long ago: reclaimed with its removal
        assertEquals(2, stat("reclaimed-leases"));
        db.wipeLeases4(2);
        assertEquals(0, stat("subnet[2].assigned-addresses"));

        db.addLease(lease4("192.0.2.20", "02:00:00:00:00:04", null, 1));
        db.updateLease4(db.getLease4(a4("192.0.2.20")).orElseThrow().toBuilder().state(Lease4.STATE_DECLINED).build());
        db.close();
        StatisticsRegistry fresh = new StatisticsRegistry();
        LeaseMgr again = track(open(4));
        LeaseStatistics.configured(fresh, 4, List.of(), again);
        assertEquals(1, fresh.value("declined-addresses"), "recounted from the lease file");
    }
}
