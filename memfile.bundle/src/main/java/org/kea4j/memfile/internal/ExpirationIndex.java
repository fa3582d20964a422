package org.kea4j.memfile.internal;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.IntCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.kea4j.dhcpsrv.Lease4;

/**
 * Leases by the second their lease ends, the reclaimed ones apart from the others, so that the reclamation
 * timers find what is due without walking every lease under the lock: a tree of seconds (a few thousand at
 * most: the lifetimes in use) holding a set of the leases' {@link LeaseSlots slot numbers} each, read in address
 * order within a second. Not thread-safe: the lease manager guards it.
 *
 * <p>Slot numbers in primitive sets rather than the leases themselves, for the same reason as {@link LeaseSlots}:
 * a set of references that outlived a young collection took each new lease at a random place, so every young
 * collection scanned the whole of the second's set (DHCPv6 at 9,000/s: a table of 32,768 references written
 * all over, each collection).
 *
 * @param <L> Lease4 or Lease6
 */
final class ExpirationIndex<L> {

    private final LeaseSlots<L> slots;
    private final ToLongFunction<L> expire;
    private final ToIntFunction<L> state;
    private final Comparator<L> order;
    private final TreeMap<Long, IntHashSet> toReclaim = new TreeMap<>();
    private final TreeMap<Long, IntHashSet> reclaimed = new TreeMap<>();

    /**
     * @param slots the slots the leases are in
     * @param order how leases that end in the same second are listed (by address)
     */
    ExpirationIndex(LeaseSlots<L> slots, ToLongFunction<L> expire, ToIntFunction<L> state, Comparator<L> order) {
        this.slots = slots;
        this.expire = expire;
        this.state = state;
        this.order = order;
    }

    /** Indexes the lease stored in {@code slot}. */
    void add(int slot, L lease) {
        side(lease).computeIfAbsent(expire.applyAsLong(lease), second -> new IntHashSet()).add(key(slot));
    }

    /** Forgets the lease in {@code slot}, as it was indexed (its end and state then). */
    void remove(int slot, L lease) {
        Map<Long, IntHashSet> side = side(lease);
        Long second = expire.applyAsLong(lease);
        IntHashSet inSecond = side.get(second);
        if (inSecond != null && inSecond.remove(key(slot)) && inSecond.isEmpty()) {
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

    private List<L> collect(NavigableMap<Long, IntHashSet> due, int max) {
        List<L> out = new ArrayList<>();
        for (IntHashSet second : due.values()) {
            List<L> leases = new ArrayList<>(second.size());
            for (IntCursor slot : second) {
                leases.add(slots.get(slot(slot.value)));
            }
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

    /**
     * A slot as the sets hold it: plus one, so that no set holds 0, which hppc keeps apart from the other keys, in
     * branches of their own. Only the lease in slot 0 took them, so the compiled packet path left them out, and that
     * lease's first renewal sent it back to the interpreter and through the compiler again, mid-run (LogCompilation
     * of the benchmark, DHCPv4 at 5,000/s: an {@code unstable_if} trap in {@code IntHashSet.remove}).
     */
    private static int key(int slot) {
        return slot + 1;
    }

    /** The slot a set's key stands for: {@link #key}'s inverse. */
    private static int slot(int key) {
        return key - 1;
    }

    private TreeMap<Long, IntHashSet> side(L lease) {
        return state.applyAsInt(lease) == Lease4.STATE_EXPIRED_RECLAIMED ? reclaimed : toReclaim;
    }
}
