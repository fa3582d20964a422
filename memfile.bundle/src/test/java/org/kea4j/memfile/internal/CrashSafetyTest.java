package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;

/**
 * An acknowledged lease survives {@code kill -9}; a Lease File Cleanup that dies at any of its steps loses
 * no lease. The process that dies is a child JVM.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    /** Starts CrashTarget in a JVM of its own, halting at a fault point when one is named. */
    private static Process child(String haltAt, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (haltAt != null) {
            command.add("-D" + FaultPoints.PROPERTY + "=" + haltAt);
        }
        command.add(CrashTarget.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private MemfileLeaseMgr open(Path file) throws IOException {
        return MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 0));
    }

    @Test
    void everyAcknowledgedAddSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("kea-leases4.csv");
        Random random = new Random(42);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 5; round++) {
            Process process = child(null, "add", file.toString(), "4", Long.toString(0x0A000000L + round * 100_000L));
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("ACK ")) {
                            acknowledged.add(Long.parseLong(line.substring(4)));
                        }
                    }
                } catch (IOException e) {
                    // the child died: what was read is what was acknowledged
                }
            });
            reader.start();
            assertTrue(ready.await(30, TimeUnit.SECONDS), "the child started");
            Thread.sleep(150 + random.nextInt(600));
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, process.exitValue(), "killed by SIGKILL");
            reader.join(10_000);
            try (MemfileLeaseMgr mgr = open(file)) {
                List<Long> missing = new ArrayList<>();
                for (long address : acknowledged) {
                    if (mgr.getLease4(org.kea4j.dhcpsrv.Addresses.fromLong(address)).isEmpty()) {
                        missing.add(address);
                    }
                }
                assertEquals(List.of(), missing, "round " + round + ": acknowledged leases lost");
            }
        }
        assertTrue(acknowledged.size() > 1000, "the child added leases: " + acknowledged.size());
    }

    private static Lease4 lease(long address, String hostname) {
        return Lease4.builder(address).hwaddr(HWAddr.ethernet(new byte[] {2, 0, 0, 0, (byte) (address >> 8), (byte) address}))
                .validLifetime(3600).cltt(1_700_000_000L).subnetId(1).hostname(hostname).build();
    }

    /** Builds a lease file history (adds, updates, deletes, an earlier cleanup) and returns the resulting state. */
    private Map<Long, Lease4> history(Path file) throws IOException {
        Map<Long, Lease4> expected = new HashMap<>();
        try (MemfileLeaseMgr mgr = open(file)) {
            for (long a = 0x0A000001L; a < 0x0A000001L + 300; a++) {
                mgr.addLease(lease(a, "first"));
                expected.put(a, lease(a, "first"));
            }
            assertEquals(LeaseFileCleanup.Result.DONE, mgr.cleanup(), "an earlier cleanup leaves an F.2");
            for (long a = 0x0A000001L; a < 0x0A000001L + 300; a += 3) {
                mgr.updateLease4(lease(a, "updated"));
                expected.put(a, lease(a, "updated"));
            }
            for (long a = 0x0A000002L; a < 0x0A000001L + 300; a += 7) {
                mgr.deleteLease4(org.kea4j.dhcpsrv.Addresses.fromLong(a));
                expected.remove(a);
            }
            for (long a = 0x0A000001L + 300; a < 0x0A000001L + 400; a++) {
                mgr.addLease(lease(a, "late"));
                expected.put(a, lease(a, "late"));
            }
        }
        return expected;
    }

    private void assertState(Path file, Map<Long, Lease4> expected, String when) throws IOException {
        try (MemfileLeaseMgr mgr = open(file)) {
            Map<Long, Lease4> actual = new HashMap<>();
            mgr.getLeases4().forEach(l -> actual.put(l.addressValue(), l));
            assertEquals(expected, actual, when);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memfile.rotated", "lfc.pid-written", "lfc.inputs-read", "lfc.output-half-written",
        "lfc.output-written", "lfc.completed", "lfc.previous-deleted", "lfc.copy-deleted", "lfc.rotated",
        "lfc.before-pid-removal"})
    void aCleanupThatDiesAtAnyStepLosesNoLease(String step) throws Exception {
        Path file = dir.resolve("kea-leases4.csv");
        Map<Long, Lease4> expected = history(file);
        Process process = child(step, "cleanup", file.toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(FaultPoints.STATUS, process.exitValue(), "the cleanup halted at " + step);
        assertState(file, expected, "after a crash at " + step);
        try (MemfileLeaseMgr mgr = open(file)) {
            mgr.addLease(lease(0x0B000001L, "after"));
            expected.put(0x0B000001L, lease(0x0B000001L, "after"));
            assertEquals(LeaseFileCleanup.Result.DONE, mgr.cleanup(), "the next cleanup finishes the work");
        }
        assertState(file, expected, "after the next cleanup");
    }
}
