package org.kea4j.dhcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacketWorkersTest {

    /** Occupies the one worker until released. */
    private static CountDownLatch blockWorker(PacketWorkers workers) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        workers.submit(() -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        return release;
    }

    private static void awaitDone(List<Integer> ran, AtomicInteger dropped, int total) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ran.size() + dropped.get() < total && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    @Test
    void aFullQueuePushesOutTheOldestPackets() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        try (PacketWorkers workers = new PacketWorkers("test-worker", 1, dropped::incrementAndGet, 0)) {
            workers.resize(1, 3);
            CountDownLatch release = blockWorker(workers);
            List<Integer> ran = new CopyOnWriteArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int n = i;
                workers.submit(() -> ran.add(n));
            }
            assertEquals(2, dropped.get(), "packets 1 and 2 pushed out at once");
            release.countDown();
            awaitDone(ran, dropped, 5);
            assertEquals(List.of(3, 4, 5), ran, "the newest ones are answered, in order");
            assertEquals(2, workers.dropped());
        }
    }

    @Test
    void packetsThatWaitedTooLongAreDroppedUnrun() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        try (PacketWorkers workers = new PacketWorkers("test-worker", 1, dropped::incrementAndGet, 50)) {
            CountDownLatch release = blockWorker(workers);
            List<Integer> ran = new CopyOnWriteArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                workers.submit(() -> ran.add(n));
            }
            Thread.sleep(200);
            workers.submit(() -> ran.add(4));
            release.countDown();
            awaitDone(ran, dropped, 4);
            assertEquals(List.of(4), ran, "only the packet that had not waited 50 ms yet is answered");
            assertEquals(3, dropped.get());
        }
    }

    @Test
    void resizingChangesHowManyPacketsRunAtOnce() throws Exception {
        try (PacketWorkers workers = new PacketWorkers("test-worker", 1, () -> { }, 0)) {
            workers.resize(3, 0);
            assertEquals(3, workers.threads());
            assertEquals(0, workers.queueCapacity());
            CountDownLatch together = new CountDownLatch(3);
            CountDownLatch done = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                workers.submit(() -> {
                    together.countDown();
                    try {
                        if (together.await(10, TimeUnit.SECONDS)) {
                            done.countDown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(done.await(10, TimeUnit.SECONDS), "three packets ran side by side");
            workers.resize(1, 10);
            assertEquals(1, workers.threads());
            assertEquals(10, workers.queueCapacity());
        }
    }

    /** Without workers a packet runs at once on the thread that submits it; resizing moves between the two. */
    @Test
    void withoutWorkersAPacketRunsOnTheReceivingThread() throws Exception {
        try (PacketWorkers workers = new PacketWorkers("test-worker", 0, () -> { }, 0)) {
            assertEquals(0, workers.threads());
            List<String> ranOn = new CopyOnWriteArrayList<>();
            workers.submit(() -> ranOn.add(Thread.currentThread().getName()));
            assertEquals(List.of(Thread.currentThread().getName()), ranOn, "ran before submit returned, here");
            workers.resize(2, 10);
            CountDownLatch ran = new CountDownLatch(1);
            workers.submit(() -> {
                ranOn.add(Thread.currentThread().getName());
                ran.countDown();
            });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertTrue(ranOn.get(1).startsWith("test-worker-"), ranOn.toString());
            workers.resize(0, 10);
            workers.submit(() -> ranOn.add(Thread.currentThread().getName()));
            assertEquals(Thread.currentThread().getName(), ranOn.get(2), ranOn.toString());
            assertEquals(0, workers.threads());
            assertEquals(0, workers.dropped());
            assertThrows(IllegalArgumentException.class, () -> workers.resize(-1, 10));
        }
        assertThrows(IllegalArgumentException.class, () -> new PacketWorkers("test-worker", -1));
    }

    /** A packet queued for a worker before the change to none still runs. */
    @Test
    void packetsQueuedBeforeAChangeToNoWorkersStillRun() throws Exception {
        try (PacketWorkers workers = new PacketWorkers("test-worker", 1, () -> { }, 0)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch bothRan = new CountDownLatch(2);
            workers.submit(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                bothRan.countDown();
            });
            workers.submit(bothRan::countDown); // waits behind the first
            workers.resize(0, 10);
            release.countDown();
            assertTrue(bothRan.await(10, TimeUnit.SECONDS), "the queued packet ran on the worker");
        }
    }

    /** The default: the system property when set (0 allowed: no workers), else one per core, at least two. */
    @Test
    void theDefaultIsOnePerCoreAtLeastTwoUnlessTheSystemPropertySaysOtherwise() {
        assertEquals(2, PacketWorkers.defaultCount(1, null));
        assertEquals(2, PacketWorkers.defaultCount(2, null));
        assertEquals(8, PacketWorkers.defaultCount(8, null));
        assertEquals(3, PacketWorkers.defaultCount(1, 3));
        assertEquals(0, PacketWorkers.defaultCount(8, 0));
        assertEquals(0, PacketWorkers.defaultCount(8, -4));
    }

    /** Where the packets of {@code workers} run: the name of the thread that ran a packet submitted now. */
    private static String ranOn(PacketWorkers workers) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<String> thread = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        workers.submit(() -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        return thread.get();
    }

    /**
     * Once warm (here: 3 packets through the workers), on one CPU, while the server says nothing blocks, the
     * receiving thread handles packets itself; when the server says otherwise (a hook library loaded) they go back
     * to the workers at the next check; on two CPUs, or where nothing may be assumed, they never leave them.
     */
    @Test
    void theReceivingThreadHandlesPacketsItselfOnlyWarmOnOneCpuAndWhileNothingBlocks() throws Exception {
        String here = Thread.currentThread().getName();
        java.util.concurrent.atomic.AtomicBoolean nothingBlocks = new java.util.concurrent.atomic.AtomicBoolean(true);
        long recheck = TimeUnit.MILLISECONDS.toNanos(20);
        try (PacketWorkers workers = new PacketWorkers("test-worker", 2, () -> { }, 0, 3, recheck, () -> 1)) {
            workers.handleDirectlyWhen(nothingBlocks::get);
            for (int i = 0; i < 3; i++) {
                assertTrue(ranOn(workers).startsWith("test-worker-"), "cold: on a worker");
                assertEquals(false, workers.handlesDirectly());
            }
            assertEquals(here, ranOn(workers), "warm: on the receiving thread");
            assertTrue(workers.handlesDirectly());
            nothingBlocks.set(false);
            Thread.sleep(30);
            assertTrue(ranOn(workers).startsWith("test-worker-"), "something may block: back on a worker");
            assertEquals(false, workers.handlesDirectly());
            nothingBlocks.set(true);
            Thread.sleep(30);
            assertEquals(here, ranOn(workers), "and on the receiving thread again");
        }
        try (PacketWorkers twoCpus = new PacketWorkers("test-worker", 2, () -> { }, 0, 0, recheck, () -> 2)) {
            twoCpus.handleDirectlyWhen(() -> true);
            for (int i = 0; i < 5; i++) {
                assertTrue(ranOn(twoCpus).startsWith("test-worker-"), "two CPUs: workers give parallelism");
            }
        }
        try (PacketWorkers unasked = new PacketWorkers("test-worker", 2, () -> { }, 0, 0, recheck, () -> 1)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(ranOn(unasked).startsWith("test-worker-"), "no condition given: workers");
            }
        }
    }
}
