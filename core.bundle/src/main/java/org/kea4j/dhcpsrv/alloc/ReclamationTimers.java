package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.cfg.DhcpConfigElements;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The timers of {@code expired-leases-processing} (Kea's lease database timers): a reclamation run every
 * {@code reclaim-timer-wait-time} seconds and, when reclaimed leases are kept, a removal of old ones every
 * {@code flush-reclaimed-timer-wait-time} seconds, on a thread of their own (never on the packet path).
 */
public final class ReclamationTimers implements AutoCloseable {

    /** What the timers run: a {@link LeaseReclamation4} or {@link LeaseReclamation6}. */
    public interface Reclaimer {
        /** Reclaims up to {@code max} (0 = all) expired leases; returns how many. */
        int reclaim(LeaseMgr leases, long now, int max, boolean remove);

        /** Removes reclaimed leases older than {@code holdSeconds}; returns how many. */
        int flush(LeaseMgr leases, long now, long holdSeconds);
    }

    private final ScheduledExecutorService timers;
    private final Supplier<Optional<LeaseMgr>> leases;
    private final Reclaimer reclaimer;
    private final Consumer<String> onFailure;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private DhcpConfigElements.Expiration scheduled;

    /**
     * @param threadName the timer thread's name
     * @param leases     the current lease database
     * @param reclaimer  the reclamation to run
     * @param onFailure  told why a run failed (the server logs it with its own message ID)
     */
    public ReclamationTimers(String threadName, Supplier<Optional<LeaseMgr>> leases, Reclaimer reclaimer,
            Consumer<String> onFailure) {
        this.leases = leases;
        this.reclaimer = reclaimer;
        this.onFailure = onFailure;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** (Re)schedules the timers when the settings changed. */
    public synchronized void schedule(DhcpConfigElements.Expiration expiration) {
        if (expiration.equals(scheduled)) {
            return;
        }
        scheduled = expiration;
        tasks.forEach(f -> f.cancel(false));
        tasks.clear();
        long reclaimWait = expiration.reclaimTimerWaitTime();
        long flushWait = expiration.flushReclaimedTimerWaitTime();
        int max = (int) Math.min(Integer.MAX_VALUE, expiration.maxReclaimLeases());
        if (reclaimWait > 0) {
            tasks.add(timers.scheduleWithFixedDelay(() -> run(lm -> reclaimer.reclaim(lm, now(), max, flushWait == 0)),
                    reclaimWait, reclaimWait, TimeUnit.SECONDS));
        }
        if (flushWait > 0) {
            tasks.add(timers.scheduleWithFixedDelay(() -> run(lm -> reclaimer.flush(lm, now(),
                    expiration.holdReclaimedTime())), flushWait, flushWait, TimeUnit.SECONDS));
        }
    }

    /**
     * Reclaims every expired lease now, on the timers' thread (never beside a scheduled run), as Kea's
     * {@code leases-reclaim} does; returns how many.
     *
     * @param remove delete reclaimed leases rather than keep them as expired-reclaimed
     */
    public int reclaimNow(boolean remove) throws InterruptedException, java.util.concurrent.ExecutionException {
        return timers.submit(() -> leases.get().map(lm -> reclaimer.reclaim(lm, now(), 0, remove)).orElse(0)).get();
    }

    private void run(Consumer<LeaseMgr> task) {
        try {
            leases.get().ifPresent(task);
        } catch (RuntimeException e) {
            onFailure.accept(String.valueOf(e.getMessage()));
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
