package org.kea4j.memfile.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.kea4j.dhcpsrv.Lease4;

/**
 * Leases by the second their lease ends, the reclaimed ones apart from the others, so that the reclamation
 * timers find what is due without walking every lease under the lock: a tree of seconds (a few thousand at
 * most: the lifetimes in use) holding a set of leases each, read in address order within a second. Not
 * thread-safe: the lease manager guards it.
 *
 * @param <L> Lease4 or Lease6
 */
final class ExpirationIndex<L> {

    private final ToLongFunction<L> expire;
    private final ToIntFunction<L> state;
    private final Comparator<L> order;
    private final TreeMap<Long, Set<L>> toReclaim = new TreeMap<>();
    private final TreeMap<Long, Set<L>> reclaimed = new TreeMap<>();

    /** @param order how leases that end in the same second are listed (by address) */
    ExpirationIndex(ToLongFunction<L> expire, ToIntFunction<L> state, Comparator<L> order) {
        this.expire = expire;
        this.state = state;
        this.order = order;
    }

    void add(L lease) {
        side(lease).computeIfAbsent(expire.applyAsLong(lease),
                second -> Collections.newSetFromMap(new IdentityHashMap<>())).add(lease);
    }

    void remove(L lease) {
        Map<Long, Set<L>> side = side(lease);
        Long second = expire.applyAsLong(lease);
        Set<L> leases = side.get(second);
        if (leases != null && leases.remove(lease) && leases.isEmpty()) {
            side.remove(second);
        }
    }

    /** Up to {@code max} (0: all) leases not yet reclaimed whose lease ended at or before {@code now}, oldest first. */
    List<L> expired(long now, int max) {
        return collect(toReclaim.headMap(now, true), max);
    }

    /** The reclaimed leases whose lease ended before {@code endedBefore}, oldest first. */
    List<L> reclaimedBefore(long endedBefore) {
        return collect(reclaimed.headMap(endedBefore, false), 0);
    }

    void clear() {
        toReclaim.clear();
        reclaimed.clear();
    }

    private List<L> collect(NavigableMap<Long, Set<L>> due, int max) {
        List<L> out = new ArrayList<>();
        for (Set<L> second : due.values()) {
            List<L> leases = new ArrayList<>(second);
            leases.sort(order);
            for (L lease : leases) {
                if (max > 0 && out.size() >= max) {
                    return out;
                }
                out.add(lease);
            }
        }
        return out;
    }

    private TreeMap<Long, Set<L>> side(L lease) {
        return state.applyAsInt(lease) == Lease4.STATE_EXPIRED_RECLAIMED ? reclaimed : toReclaim;
    }
}
