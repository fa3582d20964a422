package org.kea4j.memfile.internal;

import com.carrotsearch.hppc.BitMixer;
import com.carrotsearch.hppc.ObjectObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multimap from byte strings (hardware addresses, client identifiers, DUIDs) to leases, without key
 * objects: the key is the lease's own array, and one value is held without a list. Not thread-safe.
 *
 * @param <L> the lease type
 */
final class BytesIndex<L> {

    /** Hashes and compares byte arrays by content. */
    private static final class Map extends ObjectObjectHashMap<byte[], Object> {
        @Override
        protected int hashKey(byte[] key) {
            // linear probing needs well-spread hashes: hardware addresses differ in their last bytes
            return BitMixer.mixPhi(Arrays.hashCode(key));
        }

        @Override
        protected boolean equals(Object a, Object b) {
            return a == b || (a instanceof byte[] x && b instanceof byte[] y && Arrays.equals(x, y));
        }
    }

    private final Map map = new Map();

    /** Adds a lease under a key (null and empty keys are not indexed). */
    void add(byte[] key, L lease) {
        if (key == null || key.length == 0) {
            return;
        }
        int slot = map.indexOf(key);
        if (!map.indexExists(slot)) {
            map.indexInsert(slot, key, lease);
            return;
        }
        Object current = map.indexGet(slot);
        if (current instanceof Object[] many) {
            Object[] more = Arrays.copyOf(many, many.length + 1);
            more[many.length] = lease;
            map.indexReplace(slot, more);
        } else {
            map.indexReplace(slot, new Object[] {current, lease});
        }
    }

    /** Removes this lease (by identity) from a key. */
    void remove(byte[] key, L lease) {
        if (key == null || key.length == 0) {
            return;
        }
        int slot = map.indexOf(key);
        if (!map.indexExists(slot)) {
            return;
        }
        Object current = map.indexGet(slot);
        if (current == lease) {
            map.indexRemove(slot);
        } else if (current instanceof Object[] many) {
            int n = 0;
            Object[] rest = new Object[many.length];
            for (Object o : many) {
                if (o != lease) {
                    rest[n++] = o;
                }
            }
            map.indexReplace(slot, n == 1 ? rest[0] : Arrays.copyOf(rest, n));
        }
    }

    /** The leases of a key. */
    @SuppressWarnings("unchecked")
    List<L> get(byte[] key) {
        Object current = key == null ? null : map.get(key);
        if (current == null) {
            return List.of();
        }
        if (current instanceof Object[] many) {
            List<L> out = new ArrayList<>(many.length);
            for (Object o : many) {
                out.add((L) o);
            }
            return out;
        }
        return List.of((L) current);
    }

    void ensureCapacity(int keys) {
        map.ensureCapacity(keys);
    }

    void clear() {
        map.clear();
    }
}
