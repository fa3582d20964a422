package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import java.util.List;

/**
 * Kea's iterative allocator for one subnet: remembers the last address it gave and proposes the next
 * one, moving to the next pool at the end of a pool and wrapping around after the last.
 */
final class IterativeCursor {

    private final List<PoolConfig> pools;
    private final long[] first;
    private final long[] last;
    private final long capacity;
    private long position;

    /** A cursor over {@code pools}, continuing from {@code previous} when it is given (a reconfiguration). */
    IterativeCursor(List<PoolConfig> pools, IterativeCursor previous) {
        this.pools = pools;
        this.first = new long[pools.size()];
        this.last = new long[pools.size()];
        long total = 0;
        for (int i = 0; i < pools.size(); i++) {
            first[i] = Addresses.toLong((java.net.Inet4Address) pools.get(i).range().first());
            last[i] = Addresses.toLong((java.net.Inet4Address) pools.get(i).range().last());
            total += last[i] - first[i] + 1;
        }
        this.capacity = total;
        this.position = previous == null ? -1 : previous.position;
    }

    boolean servesPools(List<PoolConfig> other) {
        return pools.equals(other);
    }

    /**
     * Goes on after {@code leased} when it lies in the pools beyond the position so far: offered every address a
     * restarted server finds leased, the cursor goes on after the highest, rather than from the first address.
     */
    void resumeAfter(long leased) {
        if (leased > position && poolOf(leased) >= 0) {
            position = leased;
        }
    }

    /** How many addresses the pools hold. */
    long capacity() {
        return capacity;
    }

    /** The next candidate address, as an unsigned 32-bit value. */
    synchronized long next() {
        int pool = poolOf(position);
        if (pool < 0) {
            position = first[0];
        } else if (position < last[pool]) {
            position++;
        } else {
            position = first[(pool + 1) % first.length];
        }
        return position;
    }

    private int poolOf(long address) {
        for (int i = 0; i < first.length; i++) {
            if (address >= first[i] && address <= last[i]) {
                return i;
            }
        }
        return -1;
    }
}
