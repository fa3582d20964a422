package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseCount;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrContractTest;

/** The lease database contract, for memfile with lease files. */
class MemfileLeaseMgrTest extends LeaseMgrContractTest {

    @TempDir
    Path dir;

    private MemfileLeaseMgr.Settings settings(int universe) {
        return new MemfileLeaseMgr.Settings(true, dir.resolve("kea-leases" + universe + ".csv"), 0, 0);
    }

    @Override
    protected LeaseMgr openEmpty(int universe) throws Exception {
        return MemfileLeaseMgr.open(universe, settings(universe));
    }

    @Override
    protected LeaseMgr reopen(int universe) throws Exception {
        return MemfileLeaseMgr.open(universe, settings(universe));
    }

    /** The housekeeping threads' reads (reclamation, counts, listings) beside the packet path's writes. */
    @Test
    void readersBesideAWriterSeeWholeStores() throws Exception {
        int leases = 512;
        try (MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(false, null, 0, 0))) {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try {
                    while (writing.get() || reads.get() == 0) {
                        List<Lease4> all = mgr.getLeases4();
                        long counted = mgr.countLeases().stream().mapToLong(LeaseCount::count).sum();
                        assertTrue(all.size() <= leases && counted <= leases, all.size() + " and " + counted);
                        all.forEach(l -> assertEquals(3600, l.validLifetime(), "a whole lease"));
                        mgr.getExpiredLeases4(NOW + 7200, 0);
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            reader.start();
            try {
                for (int round = 0; round < 40 && failure.get() == null; round++) {
                    for (int i = 0; i < leases; i++) {
                        assertTrue(mgr.addLease(lease4(address(i), "08:00:27:01:00:" + (i % 99), null, 1)));
                    }
                    for (int i = 0; i < leases; i++) {
                        assertTrue(mgr.deleteLease4(a4(address(i))));
                    }
                }
                for (int i = 0; i < leases; i += 2) {
                    assertTrue(mgr.addLease(lease4(address(i), "08:00:27:01:00:" + (i % 99), null, 1)));
                }
            } finally {
                writing.set(false);
                reader.join(10_000);
            }
            assertFalse(reader.isAlive(), "the reader finished");
            assertNull(failure.get(), () -> "the reader met a torn store: " + failure.get());
            assertTrue(reads.get() > 0);
            assertEquals(leases / 2, mgr.getLeases4().size());
            assertEquals(leases / 2, mgr.countLeases().stream().mapToLong(LeaseCount::count).sum());
        }
    }

    private static String address(int i) {
        return "10.1." + (i / 250) + "." + (i % 250);
    }
}
