package org.kea4j.dhcp.transport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker threads of a DHCP server: a bounded queue the I/O thread hands packets to without ever
 * waiting (a packet that finds the queue full is dropped and counted), and striped locks so that the
 * packets of one client are handled one at a time.
 */
public final class PacketWorkers implements AutoCloseable {

    /** Packets waiting for a worker before new ones are dropped. */
    public static final int QUEUE_CAPACITY = 8192;

    /** The workers of the process's servers, for {@code status-get}. */
    private static final Set<PacketWorkers> LIVE = ConcurrentHashMap.newKeySet();

    private final ThreadPoolExecutor pool;
    private final int threads;
    private final ReentrantLock[] clientLocks = new ReentrantLock[1024];
    private final AtomicLong dropped = new AtomicLong();
    /**
     * The queue's depth averaged over about the last 10, 100 and 1000 packets (Kea's packet-queue-statistics), as
     * exponential averages; written by the one thread that submits, read by anyone.
     */
    private volatile double depth10;
    private volatile double depth100;
    private volatile double depth1000;

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
     * @param onDrop  called for each packet dropped because the queue was full
     */
    public PacketWorkers(String name, int threads, Runnable onDrop) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (r, executor) -> {
                    dropped.incrementAndGet();
                    onDrop.run();
                });
        pool.prestartAllCoreThreads();
        this.threads = threads;
        LIVE.add(this);
        for (int i = 0; i < clientLocks.length; i++) {
            clientLocks[i] = new ReentrantLock();
        }
    }

    /** Workers by default: the cores, at least two (system property {@code kea4j.workers} overrides). */
    public static int defaultCount() {
        return Integer.getInteger("kea4j.workers", Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Queues a packet's work; never blocks (drops when the queue is full). */
    public void submit(Runnable work) {
        int depth = pool.getQueue().size();
        depth10 += (depth - depth10) / 10;
        depth100 += (depth - depth100) / 100;
        depth1000 += (depth - depth1000) / 1000;
        pool.execute(work);
    }

    /** The number of worker threads. */
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

    /** Packets dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
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
}
