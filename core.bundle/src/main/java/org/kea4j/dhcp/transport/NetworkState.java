package org.kea4j.dhcp.transport;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Whether the process's DHCP servers answer clients ({@code dhcp-disable} / {@code dhcp-enable}, as Kea's
 * network state): the service is off while any origin ({@code user}, {@code ha-partner}) has it disabled; a
 * disable with a maximum period ends by itself when the period is over. The servers drop what they receive
 * while it is off.
 */
@Component(service = NetworkState.class)
public final class NetworkState {

    private final Map<String, ScheduledFuture<?>> disabledBy = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kea-network-state");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean enabled = true;

    /** Whether the servers answer: read for every packet, without a lock. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Disables the service for an origin.
     *
     * @param maxPeriodSeconds when positive, the service comes back by itself after so many seconds
     */
    public synchronized void disable(String origin, long maxPeriodSeconds) {
        ScheduledFuture<?> previous = disabledBy.put(origin, maxPeriodSeconds <= 0 ? null
                : timer.schedule(() -> enable(origin), maxPeriodSeconds, TimeUnit.SECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
        enabled = false;
    }

    /** Enables the service for an origin: it runs again when no other origin keeps it disabled. */
    public synchronized void enable(String origin) {
        ScheduledFuture<?> pending = disabledBy.remove(origin);
        if (pending != null) {
            pending.cancel(false);
        }
        enabled = disabledBy.isEmpty();
    }

    /** The origins that keep the service disabled. */
    public synchronized Set<String> disabledBy() {
        return new TreeSet<>(disabledBy.keySet());
    }

    @Deactivate
    void close() {
        timer.shutdownNow();
    }
}
