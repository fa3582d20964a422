package org.kea4j.memfile.internal;

import com.carrotsearch.hppc.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Leases in numbered slots, so that the indexes over them ({@link SlotIndex}) hold slot numbers in primitive
 * arrays instead of references. All the references are in one array, filled from its start, a freed slot taken
 * again first: storing a lease writes one reference, next to those stored just before it.
 *
 * <p>Why: the collector's young collections scan every part of the old generation written since the last one.
 * When each index was a hash table of references, every new lease wrote a reference at a random place in each
 * table, so at a few thousand leases a second each young collection scanned all of every table (DHCPv4 at
 * 5,000/s: about 60% of pauses of 8-10 ms, growing with the leases).
 *
 * <p>The slots are kept in pages of {@value #PAGE} that are never copied: growing adds a page. One array copied
 * whole to grow half as large again held up the thread storing the lease that did not fit (and the next young
 * collection, which copied the new array) for a few milliseconds each time the leases passed a few hundred
 * thousand. Not thread-safe: the lease manager guards it.
 *
 * @param <L> the lease type
 */
final class LeaseSlots<L> {

    /** Slots per page; {@link SlotIndex} pages its own arrays the same way. */
    static final int PAGE = 1 << 12;

    private Object[][] pages = new Object[1][];
    private final IntArrayList free = new IntArrayList();
    private int top;
    private int size;

    /** Stores a lease in a free slot; returns the slot. */
    int add(L lease) {
        int slot;
        if (free.isEmpty()) {
            slot = top++;
            ensureCapacity(slot + 1);
        } else {
            slot = free.removeAt(free.size() - 1);
        }
        set(slot, lease);
        size++;
        return slot;
    }

    @SuppressWarnings("unchecked")
    L get(int slot) {
        return (L) pages[slot / PAGE][slot % PAGE];
    }

    /** The lease in a slot, or null where {@code slot} is negative (a look-up that found none). */
    L at(int slot) {
        return slot < 0 ? null : get(slot);
    }

    /** Puts a lease in place of the one in an occupied slot. */
    void set(int slot, L lease) {
        pages[slot / PAGE][slot % PAGE] = lease;
    }

    /** Frees an occupied slot. */
    void remove(int slot) {
        set(slot, null);
        free.add(slot);
        size--;
    }

    /** The leases an index holds under a byte-string key, in the order they were indexed. */
    List<L> withKey(SlotIndex index, byte[] key, Function<L, byte[]> keyOf) {
        if (key == null || key.length == 0) {
            return List.of();
        }
        List<L> out = new ArrayList<>(1);
        for (int slot = index.first(Arrays.hashCode(key)); slot >= 0; slot = index.next(slot)) {
            L lease = get(slot);
            if (Arrays.equals(keyOf.apply(lease), key)) {
                out.add(lease);
            }
        }
        return out;
    }

    /** The number of leases stored. */
    int size() {
        return size;
    }

    /** One more than the highest slot number in use so far (slot arrays of the indexes are this long at least). */
    int top() {
        return top;
    }

    void forEach(Consumer<L> action) {
        for (int slot = 0; slot < top; slot++) {
            L lease = get(slot);
            if (lease != null) {
                action.accept(lease);
            }
        }
    }

    /** Makes room for this many leases in all (loading a large file). */
    void ensureCapacity(int capacity) {
        pages = paged(pages, capacity, Object[]::new);
    }

    /**
     * Pages that hold this many slots: the list of pages grown when too short, and the pages missing made, each
     * page never copied.
     */
    static <P> P[] paged(P[] pages, int slots, IntFunction<P> newPage) {
        int needed = (slots + PAGE - 1) / PAGE;
        P[] out = needed > pages.length ? Arrays.copyOf(pages, grown(pages.length, needed)) : pages;
        for (int page = needed - 1; page >= 0 && out[page] == null; page--) {
            out[page] = newPage.apply(PAGE);
        }
        return out;
    }

    void clear() {
        for (Object[] page : pages) {
            if (page != null) {
                Arrays.fill(page, null);
            }
        }
        free.clear();
        top = 0;
        size = 0;
    }

    /** An array length of at least {@code needed}, half as long again as {@code length}. */
    static int grown(int length, int needed) {
        return Math.max(needed, length + (length >> 1));
    }
}
