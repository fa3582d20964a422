package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;

/** Lease File Cleanup compacts a long history into the latest state, while the server keeps answering. */
class LeaseFileCleanupTest {

    @TempDir
    Path dir;

    private static Lease4 lease(long address, long cltt) {
        return Lease4.builder(address).hwaddr(HWAddr.ethernet(new byte[] {2, 0, 0, 0, (byte) (address >> 8), (byte) address}))
                .validLifetime(3600).cltt(cltt).subnetId(1).build();
    }

    @Test
    void aHundredThousandUpdatesOfAThousandLeasesCompactToAThousandRows() throws Exception {
        Path file = dir.resolve("kea-leases4.csv");
        Map<Long, Lease4> expected = new HashMap<>();
        MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 0));
        long base = 0xC0A80000L;
        for (long a = base; a < base + 1000; a++) {
            mgr.addLease(lease(a, 1));
            expected.put(a, lease(a, 1));
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long a = base + random.nextInt(1000);
            Lease4 updated = lease(a, 2 + i);
            mgr.updateLease4(updated);
            expected.put(a, updated);
        }
        assertEquals(101_001, Files.readAllLines(file).size(), "every change is a row, plus the header");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        Thread queries = new Thread(() -> {
            Random r = new Random(1);
            while (!stop.get()) {
                long a = base + r.nextInt(1000);
                if (mgr.getLease4(Addresses.fromLong(a)).isPresent()) {
                    answered.incrementAndGet();
                } else {
                    wrong.incrementAndGet();
                }
            }
        });
        queries.start();
        long before = answered.get();
        assertEquals(LeaseFileCleanup.Result.DONE, mgr.cleanup());
        stop.set(true);
        queries.join();
        assertTrue(answered.get() > before, "queries were answered during the cleanup");
        assertEquals(0, wrong.get());

        List<String> compacted = Files.readAllLines(Path.of(file + ".2"));
        assertEquals(1001, compacted.size(), "exactly one row per lease, plus the header");
        assertFalse(Files.exists(Path.of(file + ".1")));
        assertFalse(Files.exists(Path.of(file + ".completed")));
        assertFalse(Files.exists(Path.of(file + ".pid")));
        assertEquals(1, Files.readAllLines(file).size(), "the new current file holds only its header");
        mgr.close();

        MemfileLeaseMgr reloaded = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 0));
        Map<Long, Lease4> actual = new HashMap<>();
        reloaded.getLeases4().forEach(l -> actual.put(l.addressValue(), l));
        assertEquals(expected, actual);
        reloaded.close();
    }

    @Test
    void aLiveCleanupIsNotRunTwice() throws Exception {
        Path file = dir.resolve("kea-leases4.csv");
        LfcFiles files = LfcFiles.of(file);
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(files.pid(), sleeper.pid() + "\n");
            assertEquals(LeaseFileCleanup.Result.ALREADY_RUNNING, LeaseFileCleanup.run(4, files));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theServerCleansUpOnItsInterval() throws Exception {
        Path file = dir.resolve("kea-leases4.csv");
        try (MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 1, 0))) {
            mgr.addLease(lease(0x0A000001L, 1));
            mgr.updateLease4(lease(0x0A000001L, 2));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(Path.of(file + ".2")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(Path.of(file + ".2")), "lfc-interval 1 runs a cleanup");
        }
    }
}
