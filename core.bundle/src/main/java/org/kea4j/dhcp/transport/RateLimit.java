package org.kea4j.dhcp.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Lets an event through at most once per interval (a log line for a flood of drops, not one per packet). */
public final class RateLimit {

    private final long intervalMillis;
    private final AtomicLong next = new AtomicLong();

    public RateLimit(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Whether this event may pass: the first one of each interval does. */
    public boolean allow() {
        long now = System.currentTimeMillis();
        long due = next.get();
        return now >= due && next.compareAndSet(due, now + intervalMillis);
    }
}
