package org.kea4j.memfile.internal;

import com.carrotsearch.hppc.IntIntHashMap;
import java.util.Arrays;

/**
 * An index from key hashes to the slots of {@link LeaseSlots} that hold leases with that hash, in primitive
 * arrays only: a map from each hash to its first slot, and for each slot the next one with the same hash, in the
 * order they were added. Several leases may share a key (a hardware address, a DUID) and different keys may share
 * a hash: a lookup walks the slots of a hash and compares the leases' keys itself. Not thread-safe.
 */
final class SlotIndex {

    private static final int NONE = -1;

    private final IntIntHashMap first = new IntIntHashMap();
    private int[] next = new int[16];

    /** Adds a slot under a hash, after the slots already there. */
    void add(int slot, int hash) {
        if (slot >= next.length) {
            next = Arrays.copyOf(next, LeaseSlots.grown(next.length, slot + 1));
        }
        next[slot] = NONE;
        int at = first.indexOf(hash);
        if (!first.indexExists(at)) {
            first.indexInsert(at, hash, slot);
            return;
        }
        int last = first.indexGet(at);
        while (next[last] != NONE) {
            last = next[last];
        }
        next[last] = slot;
    }

    /** Removes a slot added under this hash (nothing when it is not there). */
    void remove(int slot, int hash) {
        int at = first.indexOf(hash);
        if (!first.indexExists(at)) {
            return;
        }
        int s = first.indexGet(at);
        if (s == slot) {
            if (next[slot] == NONE) {
                first.indexRemove(at);
            } else {
                first.indexReplace(at, next[slot]);
            }
            return;
        }
        while (s != NONE && next[s] != slot) {
            s = next[s];
        }
        if (s != NONE) {
            next[s] = next[slot];
        }
    }

    /** Adds a slot under a byte-string key; null and empty keys are not indexed. */
    void add(int slot, byte[] key) {
        if (key != null && key.length > 0) {
            add(slot, Arrays.hashCode(key));
        }
    }

    /** Removes a slot added under a byte-string key. */
    void remove(int slot, byte[] key) {
        if (key != null && key.length > 0) {
            remove(slot, Arrays.hashCode(key));
        }
    }

    /** The first slot added under a hash, or -1. */
    int first(int hash) {
        return first.getOrDefault(hash, NONE);
    }

    /** The slot added under the same hash after this one, or -1. */
    int next(int slot) {
        return next[slot];
    }

    /** Makes room for this many hashes and slots. */
    void ensureCapacity(int slots) {
        first.ensureCapacity(slots);
        if (slots > next.length) {
            next = Arrays.copyOf(next, slots);
        }
    }

    void clear() {
        first.clear();
    }
}
