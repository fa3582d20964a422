package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * What the IPv4 and IPv6 stores share: leases in {@link LeaseSlots}, a {@link SlotIndex} by address, and the
 * expiration index; a subclass says how an address is found and hashed, and which other keys it indexes.
 *
 * @param <L> Lease4 or Lease6
 */
abstract class SlottedStore<L> implements LeaseStore<L> {

    final LeaseSlots<L> slots = new LeaseSlots<>();
    final SlotIndex byAddress = new SlotIndex();
    private final Comparator<L> addressOrder;
    private final ExpirationIndex<L> byExpiration;

    SlottedStore(Comparator<L> addressOrder, ToLongFunction<L> expire, ToIntFunction<L> state) {
        this.addressOrder = addressOrder;
        this.byExpiration = new ExpirationIndex<>(slots, expire, state, addressOrder);
    }

    /** The slot of the stored lease with the same address as this one, or -1. */
    abstract int slotOf(L sameAddress);

    /** The hash the lease's address is indexed under. */
    abstract int addressHash(L lease);

    /** Indexes the lease's other keys (hardware address, client identifier, DUID). */
    abstract void indexKeys(int slot, L lease);

    abstract void unindexKeys(int slot, L lease);

    @Override
    public Comparator<L> addressOrder() {
        return addressOrder;
    }

    @Override
    public L find(L sameAddress) {
        return slots.at(slotOf(sameAddress));
    }

    @Override
    public L put(L lease) {
        int slot = slotOf(lease);
        if (slot < 0) {
            slot = slots.add(lease);
            byAddress.add(slot, addressHash(lease));
            index(slot, lease);
            return null;
        }
        L previous = slots.get(slot);
        unindex(slot, previous);
        slots.set(slot, lease);
        index(slot, lease);
        return previous;
    }

    @Override
    public L remove(L sameAddress) {
        return removeAt(slotOf(sameAddress));
    }

    /** Removes the lease in a slot (nothing when the slot is -1); returns it or null. */
    final L removeAt(int slot) {
        if (slot < 0) {
            return null;
        }
        L previous = slots.get(slot);
        unindex(slot, previous);
        byAddress.remove(slot, addressHash(previous));
        slots.remove(slot);
        return previous;
    }

    private void index(int slot, L lease) {
        indexKeys(slot, lease);
        byExpiration.add(slot, lease);
    }

    private void unindex(int slot, L lease) {
        unindexKeys(slot, lease);
        byExpiration.remove(slot, lease);
    }

    @Override
    public ExpirationIndex<L> byExpiration() {
        return byExpiration;
    }

    @Override
    public int size() {
        return slots.size();
    }

    @Override
    public void forEach(Consumer<L> action) {
        slots.forEach(action);
    }

    @Override
    public void ensureCapacity(int leases) {
        slots.ensureCapacity(leases);
        byAddress.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        slots.clear();
        byAddress.clear();
        byExpiration.clear();
    }
}
