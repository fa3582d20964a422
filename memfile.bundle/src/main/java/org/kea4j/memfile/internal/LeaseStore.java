package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.function.Consumer;

/**
 * The leases of one universe in memory, with the indexes the lease queries need. Not thread-safe: the
 * lease manager guards it.
 *
 * @param <L> Lease4 or Lease6
 */
interface LeaseStore<L> {

    /** Stores a lease, replacing the one with the same address; returns the replaced one or null. */
    L put(L lease);

    /** Removes the lease with the same address as the given one; returns it or null. */
    L remove(L sameAddress);

    /** The stored lease with the same address as the given one, or null. */
    L find(L sameAddress);

    /** The order in which queries list leases: by address (or prefix), ascending. */
    Comparator<L> addressOrder();

    /** The leases by the second they end (for the reclamation timers). */
    ExpirationIndex<L> byExpiration();

    int size();

    void forEach(Consumer<L> action);

    void clear();

    /** Makes room for this many leases at once (loading a large file). */
    void ensureCapacity(int leases);
}
