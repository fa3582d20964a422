package org.kea4j.memfile.internal;

import com.carrotsearch.hppc.IntIntHashMap;
import java.util.Arrays;

/**
 * An index from key hashes to the slots of {@link LeaseSlots} that hold leases with that hash, in primitive
 * arrays only: a map from each hash to its first slot, and for each slot the next one with the same hash, in the
 * order they were added. Several leases may share a key (a hardware address, a DUID) and different keys may share
 * a hash: a lookup walks the slots of a hash and compares the leases' keys itself.
 *
 * <p>Nothing large is copied as it grows, so that no lease waits for it: the map is split by hash into
 * {@value #SEGMENTS} maps that each grow on their own, and the next slots are kept in pages. One map of all the
 * hashes held up the lease that made it grow for as long as rehashing every entry took (3-12 ms at 400,000 to
 * 800,000 leases on this kind of machine); a segment a {@value #SEGMENTS}th of the size. Not thread-safe.
 */
final class SlotIndex {

    private static final int NONE = -1;

    static final int SEGMENTS = 64;
    private static final int SEGMENT_SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(SEGMENTS);
    private static final int PAGE = LeaseSlots.PAGE;

    private final IntIntHashMap[] firstBySegment = new IntIntHashMap[SEGMENTS];
    private int[][] nextPages = new int[1][];

    /**
     * Each segment fills to a load factor of its own, from 0.5 to 0.9, so that they grow at different numbers of
     * leases: with one load factor, hashes spread evenly made all segments grow within a second of each other,
     * and the young collection that followed copied all their new arrays at once (DHCPv6 at 9,000/s: one pause of
     * 3.6-3.9 ms at 400,000 leases, against a median of 1 ms).
     */
    SlotIndex() {
        for (int i = 0; i < SEGMENTS; i++) {
            firstBySegment[i] = new IntIntHashMap(4, 0.5 + 0.4 * i / (SEGMENTS - 1));
        }
    }

    /** The map that holds this hash: the top bits of the hash mixed otherwise than the map mixes it inside. */
    private IntIntHashMap segment(int hash) {
        return firstBySegment[(hash * 0x85EBCA6B) >>> SEGMENT_SHIFT];
    }

    private void setNext(int slot, int following) {
        nextPages[slot / PAGE][slot % PAGE] = following;
    }

    /** Adds a slot under a hash, after the slots already there. */
    void add(int slot, int hash) {
        ensureNext(slot + 1);
        setNext(slot, NONE);
        IntIntHashMap first = segment(hash);
        int at = first.indexOf(hash);
        if (!first.indexExists(at)) {
            first.indexInsert(at, hash, slot);
            return;
        }
        int last = first.indexGet(at);
        while (next(last) != NONE) {
            last = next(last);
        }
        setNext(last, slot);
    }

    private void ensureNext(int slots) {
        nextPages = LeaseSlots.paged(nextPages, slots, int[]::new);
    }

    /** Removes a slot added under this hash (nothing when it is not there). */
    void remove(int slot, int hash) {
        IntIntHashMap first = segment(hash);
        int at = first.indexOf(hash);
        if (!first.indexExists(at)) {
            return;
        }
        int s = first.indexGet(at);
        if (s == slot) {
            if (next(slot) == NONE) {
                first.indexRemove(at);
            } else {
                first.indexReplace(at, next(slot));
            }
            return;
        }
        while (s != NONE && next(s) != slot) {
            s = next(s);
        }
        if (s != NONE) {
            setNext(s, next(slot));
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
        return segment(hash).getOrDefault(hash, NONE);
    }

    /** The slot added under the same hash after this one, or -1. */
    int next(int slot) {
        return nextPages[slot / PAGE][slot % PAGE];
    }

    /** Makes room for this many hashes and slots (a segment's share, and a tenth more for an uneven spread). */
    void ensureCapacity(int slots) {
        int share = slots / SEGMENTS;
        for (IntIntHashMap first : firstBySegment) {
            first.ensureCapacity(share + share / 10);
        }
        ensureNext(slots);
    }

    void clear() {
        for (IntIntHashMap first : firstBySegment) {
            first.clear();
        }
    }
}
