package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.kea4j.dhcpsrv.Lease6;

/** IPv6 leases in {@link LeaseSlots}, indexed by address (or prefix) and DUID, and by the second they end. */
final class Lease6Store implements LeaseStore<Lease6> {

    /** Leases by address (or prefix), ascending as unsigned 128-bit values. */
    static final Comparator<Lease6> ADDRESS_ORDER = Comparator.comparingLong(Lease6::addressHigh)
            .thenComparing(Lease6::addressLow, Long::compareUnsigned);

    private final LeaseSlots<Lease6> slots = new LeaseSlots<>();
    private final SlotIndex byAddress = new SlotIndex();
    private final SlotIndex byDuid = new SlotIndex();
    private final ExpirationIndex<Lease6> byExpiration = new ExpirationIndex<>(Lease6::expire, Lease6::state,
            ADDRESS_ORDER);

    @Override
    public Comparator<Lease6> addressOrder() {
        return ADDRESS_ORDER;
    }

    /** The lease of an address (or prefix), given as its two halves, or null. */
    Lease6 get(long high, long low) {
        int slot = slotOf(high, low);
        return slot < 0 ? null : slots.get(slot);
    }

    private int slotOf(long high, long low) {
        for (int slot = byAddress.first(hash(high, low)); slot >= 0; slot = byAddress.next(slot)) {
            Lease6 lease = slots.get(slot);
            if (lease.addressLow() == low && lease.addressHigh() == high) {
                return slot;
            }
        }
        return -1;
    }

    /** Sequential addresses differ in their low bits: those go first (the index mixes the hash further). */
    private static int hash(long high, long low) {
        return Long.hashCode(low) * 31 + Long.hashCode(high);
    }

    @Override
    public Lease6 find(Lease6 sameAddress) {
        return get(sameAddress.addressHigh(), sameAddress.addressLow());
    }

    @Override
    public Lease6 put(Lease6 lease) {
        int slot = slotOf(lease.addressHigh(), lease.addressLow());
        if (slot < 0) {
            slot = slots.add(lease);
            byAddress.add(slot, hash(lease.addressHigh(), lease.addressLow()));
            index(slot, lease);
            return null;
        }
        Lease6 previous = slots.get(slot);
        unindex(slot, previous);
        slots.set(slot, lease);
        index(slot, lease);
        return previous;
    }

    @Override
    public Lease6 remove(Lease6 sameAddress) {
        long high = sameAddress.addressHigh();
        long low = sameAddress.addressLow();
        int slot = slotOf(high, low);
        if (slot < 0) {
            return null;
        }
        Lease6 previous = slots.get(slot);
        unindex(slot, previous);
        byAddress.remove(slot, hash(high, low));
        slots.remove(slot);
        return previous;
    }

    private void index(int slot, Lease6 lease) {
        byDuid.add(slot, lease.duidBytes());
        byExpiration.add(lease);
    }

    private void unindex(int slot, Lease6 lease) {
        byDuid.remove(slot, lease.duidBytes());
        byExpiration.remove(lease);
    }

    List<Lease6> byDuid(byte[] duid) {
        return slots.withKey(byDuid, duid, Lease6::duidBytes);
    }

    @Override
    public ExpirationIndex<Lease6> byExpiration() {
        return byExpiration;
    }

    @Override
    public int size() {
        return slots.size();
    }

    @Override
    public void forEach(Consumer<Lease6> action) {
        slots.forEach(action);
    }

    @Override
    public void ensureCapacity(int leases) {
        slots.ensureCapacity(leases);
        byAddress.ensureCapacity(leases);
        byDuid.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        slots.clear();
        byAddress.clear();
        byDuid.clear();
        byExpiration.clear();
    }
}
