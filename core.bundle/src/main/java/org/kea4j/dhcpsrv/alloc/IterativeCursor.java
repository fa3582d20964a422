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
     * Goes on after the highest of these addresses that lies in the pools (the leases a restarted server finds),
     * rather than from the first address of the first pool.
     */
    void resumeAfter(Iterable<Long> leased) {
        long highest = -1;
        for (long a : leased) {
            if (a > highest && poolOf(a) >= 0) {
                highest = a;
            }
        }
        if (highest >= 0) {
            position = highest;
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
