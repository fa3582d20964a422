package org.kea4j.dhcp.transport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The worker threads of a DHCP server: a queue the I/O thread hands packets to without ever waiting, and
 * striped locks so that the packets of one client are handled one at a time.
 *
 * <p>When the workers cannot keep up (a slow lease database, a burst beyond what the core can do) the packets that
 * waited longest go: a packet that finds the queue full pushes out the oldest one (Kea's multi-threading packet
 * queue), and a packet that waited longer than {@link #DEFAULT_MAX_WAIT_MILLIS} is dropped unanswered. Either way the
 * workers answer clients that are still waiting rather than ones that have retransmitted or given up, so an
 * overloaded server goes on serving at the rate it can, with bounded delays, instead of spending itself on stale
 * packets. Every such packet is counted and reported through the drop callback.
 *
 * <p>With no workers (0 threads, {@code -Dkea4j.workers=0}) a packet is handled on the thread that received it, one
 * at a time, as Kea does without multi-threading: no hand-over, no queue (what the handling thread cannot take waits
 * in the socket's buffer). Warm, on one core, that cost less CPU per exchange with shorter delays (DHCPv6 at
 * 9,000/s: 49-58 against 64-68 us, largest delays 20-35 against 31-83 ms); but just after a start the one thread
 * shares its core with the JIT's compiler threads where two workers and the I/O thread outnumber them (DHCPv6 at
 * 1,000/s from the start: largest delays 23-186 against 13-29 ms), and a callout or a database that blocks holds
 * every packet instead of one worker. So it is not the default.
 *
 * <p>What a server may do instead ({@link #handleDirectlyWhen}) is go over to handling packets on the receiving
 * thread once its packet path is warm, where nothing it calls can block and where the process has one CPU: there a
 * hand-over buys no parallelism, only a wake-up of a worker per packet.
 */
public final class PacketWorkers implements AutoCloseable {

    /** Packets that may wait for a worker when the configuration sets no {@code packet-queue-size}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;

    /**
     * Longest wait of a packet for a worker before it is dropped, in milliseconds (system property
     * {@code kea4j.packet-max-wait-ms}; 0 keeps every packet however long it waited).
     */
    public static final long DEFAULT_MAX_WAIT_MILLIS = Long.getLong("kea4j.packet-max-wait-ms", 500);

    /**
     * Packets handed to the workers before the receiving thread may handle packets itself
     * ({@link #handleDirectlyWhen}; {@code -Dkea4j.direct-after=N}): by then the JIT's optimising compiler has
     * compiled the packet path, whose first, interpreted runs are what the workers share out.
     */
    public static final long DIRECT_AFTER_PACKETS = Long.getLong("kea4j.direct-after", 100_000);
    private static final long DIRECT_RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Processors this process may run on (a test's own count in tests). */
    private static final IntSupplier PROCESSORS = () -> Runtime.getRuntime().availableProcessors();

    /** The workers of the process's servers, for {@code status-get}. */
    private static final Set<PacketWorkers> LIVE = ConcurrentHashMap.newKeySet();

    private final ThreadPoolExecutor pool;
    private final DropOldestQueue queue;
    private final long maxWaitNanos;
    private volatile int threads;
    private final ReentrantLock[] clientLocks = new ReentrantLock[1024];
    private final AtomicLong dropped = new AtomicLong();
    private final Runnable onDrop;
    /**
     * The queue's depth averaged over about the last 10, 100 and 1000 packets (Kea's packet-queue-statistics), as
     * exponential averages; written by the one thread that submits, read by anyone.
     */
    private volatile double depth10;
    private volatile double depth100;
    private volatile double depth1000;
    private volatile BooleanSupplier directAllowed = () -> false;
    private final long directAfter;
    private final long directRecheckNanos;
    private final IntSupplier processors;
    /** Whether the receiving thread handles packets itself now: written by it, read by it and by status-get. */
    private volatile boolean direct;
    /** Packets handed to the workers, and when the receiving thread next asks about direct handling: its own. */
    private long handedOver;
    private long nextDirectCheck;

    /**
     * @param name    thread name prefix ({@code kea-dhcp4-worker})
     * @param threads number of workers
     */
    public PacketWorkers(String name, int threads) {
        this(name, threads, () -> { });
    }

    /**
     * @param name    thread name prefix ({@code kea-dhcp4-worker})
     * @param threads number of workers
     * @param onDrop  called for each packet dropped because the workers could not keep up
     */
    public PacketWorkers(String name, int threads, Runnable onDrop) {
        this(name, threads, onDrop, DEFAULT_MAX_WAIT_MILLIS);
    }

    /**
     * @param name          thread name prefix ({@code kea-dhcp4-worker})
     * @param threads       number of workers (0: none, packets handled on the thread that received them)
     * @param onDrop        called for each packet dropped because the workers could not keep up
     * @param maxWaitMillis longest wait for a worker before a packet is dropped (0: no limit)
     */
    public PacketWorkers(String name, int threads, Runnable onDrop, long maxWaitMillis) {
        this(name, threads, onDrop, maxWaitMillis, DIRECT_AFTER_PACKETS, DIRECT_RECHECK_NANOS, PROCESSORS);
    }

    /** As the public constructor, with the conditions of {@link #handleDirectlyWhen} given (tests). */
    PacketWorkers(String name, int threads, Runnable onDrop, long maxWaitMillis, long directAfter,
            long directRecheckNanos, IntSupplier processors) {
        this.directAfter = directAfter;
        this.directRecheckNanos = directRecheckNanos;
        this.processors = processors;
        this.nextDirectCheck = System.nanoTime();
        this.onDrop = onDrop;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        AtomicInteger n = new AtomicInteger();
        queue = new DropOldestQueue(DEFAULT_QUEUE_CAPACITY, this::drop);
        // sized by resize; without workers the pool keeps one thread, which ends after a second without work
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, queue,
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (r, executor) -> drop());
        resize(threads, DEFAULT_QUEUE_CAPACITY);
        LIVE.add(this);
        for (int i = 0; i < clientLocks.length; i++) {
            clientLocks[i] = new ReentrantLock();
        }
    }

    /**
     * Workers by default: the system property {@code kea4j.workers} where it is set (0: none, packets handled on
     * the receiving thread), else one per core, at least two.
     */
    public static int defaultCount() {
        return defaultCount(Runtime.getRuntime().availableProcessors(), Integer.getInteger("kea4j.workers"));
    }

    static int defaultCount(int cores, Integer property) {
        return property != null ? Math.max(0, property) : Math.max(2, cores);
    }

    /**
     * Sizes the workers and their queue (Kea's {@code thread-pool-size} and {@code packet-queue-size}); packets
     * already waiting stay.
     *
     * @param threads  worker threads (0: none, each packet handled on the thread that received it)
     * @param capacity packets that may wait (0: no limit but the wait)
     */
    public void resize(int threads, int capacity) {
        if (threads < 0 || capacity < 0) {
            throw new IllegalArgumentException("threads " + threads + ", queue capacity " + capacity);
        }
        synchronized (pool) {
            int size = Math.max(1, threads); // packets queued before a change to none still run
            if (size > pool.getMaximumPoolSize()) {
                pool.setMaximumPoolSize(size);
                pool.setCorePoolSize(size);
            } else {
                pool.setCorePoolSize(size);
                pool.setMaximumPoolSize(size);
            }
            pool.allowCoreThreadTimeOut(threads == 0);
            if (threads > 0) {
                pool.prestartAllCoreThreads();
            }
            this.threads = threads;
        }
        queue.capacity = capacity;
    }

    /** Packets that may wait for a worker (0: no limit but the wait). */
    public int queueCapacity() {
        return queue.capacity;
    }

    /**
     * Queues a packet's work; never blocks (pushes out the oldest waiting packet when the queue is full). Without
     * workers, runs it now on the calling thread.
     */
    public void submit(Runnable work) {
        if (threads == 0) {
            work.run();
            return;
        }
        long now = System.nanoTime();
        if (handedOver >= directAfter && now - nextDirectCheck >= 0) {
            direct = mayHandleDirectly();
            nextDirectCheck = now + directRecheckNanos;
        }
        if (direct) {
            work.run();
            return;
        }
        handedOver++;
        int depth = queue.size();
        depth10 += (depth - depth10) / 10;
        depth100 += (depth - depth100) / 100;
        depth1000 += (depth - depth1000) / 1000;
        pool.execute(maxWaitNanos == 0 ? work : new Waiting(work, now));
    }

    /**
     * Lets the receiving thread handle packets itself, as with no workers, while {@code allowed} says nothing the
     * packets call can block (no hook library, leases in memory): only with the workers kea4j sizes itself (no
     * {@code -Dkea4j.workers}, no {@code thread-pool-size}), where the process may run on one CPU, and once
     * {@link #DIRECT_AFTER_PACKETS} packets went through the workers. Asked on the receiving thread, at most once a
     * second: a hook library loaded meanwhile sends the packets back to the workers within that second.
     */
    public void handleDirectlyWhen(BooleanSupplier allowed) {
        this.directAllowed = allowed;
    }

    /** Whether the receiving thread handles packets itself now ({@link #handleDirectlyWhen}). */
    public boolean handlesDirectly() {
        return direct;
    }

    /** Whether packets go to the workers now: there are some, and the receiving thread does not handle them itself. */
    public boolean handsOver() {
        return threads > 0 && !direct;
    }

    private boolean mayHandleDirectly() {
        return Integer.getInteger("kea4j.workers") == null && processors.getAsInt() == 1
                && directAllowed.getAsBoolean();
    }

    /** The number of worker threads (0: packets are handled on the thread that received them). */
    public int threads() {
        return threads;
    }

    /** The queue's average depth over about the last 10, 100 and 1000 packets. */
    public double[] queueStatistics() {
        return new double[] {depth10, depth100, depth1000};
    }

    /** The workers of every server of the process now. */
    public static List<PacketWorkers> live() {
        return List.copyOf(LIVE);
    }

    /** Runs {@code work} holding the lock of the client whose identity hashes to {@code clientHash}. */
    public void asClient(int clientHash, Runnable work) {
        int h = clientHash ^ (clientHash >>> 16);
        ReentrantLock lock = clientLocks[h & (clientLocks.length - 1)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Packets dropped because the workers could not keep up (pushed out of a full queue, or waited too long). */
    public long dropped() {
        return dropped.get();
    }

    private void drop() {
        dropped.incrementAndGet();
        onDrop.run();
    }

    @Override
    public void close() {
        LIVE.remove(this);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A packet's work and when it was queued: a worker drops it unrun once it waited too long. */
    private final class Waiting implements Runnable {
        private final Runnable work;
        private final long queuedAt;

        Waiting(Runnable work, long queuedAt) {
            this.work = work;
            this.queuedAt = queuedAt;
        }

        @Override
        public void run() {
            if (System.nanoTime() - queuedAt > maxWaitNanos) {
                drop();
            } else {
                work.run();
            }
        }
    }

    /** A queue that takes every packet, pushing out the oldest ones beyond its capacity. */
    private static final class DropOldestQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private final transient Runnable onDrop;
        volatile int capacity;

        DropOldestQueue(int capacity, Runnable onDrop) {
            this.capacity = capacity;
            this.onDrop = onDrop;
        }

        @Override
        public boolean offer(Runnable work) {
            int limit = capacity;
            while (limit > 0 && size() >= limit && poll() != null) {
                onDrop.run();
            }
            return super.offer(work);
        }
    }
}
