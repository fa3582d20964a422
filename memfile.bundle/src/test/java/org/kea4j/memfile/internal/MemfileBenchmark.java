package org.kea4j.memfile.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;

/**
 * Memfile figures, printed (not a test): persisted adds per second with 1 and 4 threads, and the load time,
 * heap and RSS per lease of a 1,000,000-lease file. Run with {@code cnf/bench/memfile.sh}.
 */
public final class MemfileBenchmark {

    private MemfileBenchmark() {
    }

    private static Lease4 lease(long address) {
        return Lease4.builder(address).hwaddr(HWAddr.ethernet(new byte[] {0x08, 0, 0x27, (byte) (address >> 16),
            (byte) (address >> 8), (byte) address})).validLifetime(4000).cltt(1_700_000_000L).subnetId(1).build();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kea4j-memfile-bench");
        int leases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int adds = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
        System.out.printf("memfile benchmark: %d cores, java %s, in %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), dir);
        for (int threads : new int[] {1, 4}) {
            adds(dir, threads, adds);
        }
        load(dir, leases);
        System.exit(0);
    }

    private static void adds(Path dir, int threads, int total) throws Exception {
        Path file = dir.resolve("adds-" + threads + ".csv");
        MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 0));
        int warmup = 20_000;
        for (int i = 0; i < warmup; i++) {
            mgr.addLease(lease(0x0B000000L + i));
        }
        AtomicLong next = new AtomicLong(0x0A000000L);
        long end = 0x0A000000L + total;
        List<Thread> list = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long a;
                while ((a = next.getAndIncrement()) < end) {
                    mgr.addLease(lease(a));
                }
            });
            list.add(thread);
            thread.start();
        }
        for (Thread t : list) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        mgr.close();
        System.out.printf("persisted adds, %d thread(s): %,d in %.2f s = %,.0f adds/s (file %,d bytes)%n", threads, total,
                seconds, total / seconds, Files.size(file));
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static void load(Path dir, int count) throws Exception {
        Path file = dir.resolve("million.csv");
        Lease4Codec codec = new Lease4Codec();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(codec.header());
            out.write('\n');
            for (int i = 0; i < count; i++) {
                out.write(codec.format(lease(0x0A000000L + i)));
            }
        }
        System.out.printf("lease file: %,d leases, %,d bytes%n", count, Files.size(file));
        long heapBefore = usedHeap();
        long rssBefore = rssKiB();
        long start = System.nanoTime();
        MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 0));
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeap();
        long rssAfter = rssKiB();
        System.out.printf("load: %,d leases in %.2f s%n", mgr.size(), seconds);
        System.out.printf("heap per lease: %.0f bytes (%,d MiB for %,d leases)%n", (heapAfter - heapBefore) / (double) count,
                (heapAfter - heapBefore) >> 20, count);
        System.out.printf("RSS growth per lease: %.0f bytes (RSS %,d MiB)%n", (rssAfter - rssBefore) * 1024.0 / count,
                rssAfter >> 10);
        mgr.close();
    }
}
