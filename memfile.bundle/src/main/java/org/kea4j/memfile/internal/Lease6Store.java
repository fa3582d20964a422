package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.List;
import org.kea4j.dhcpsrv.Lease6;

/** IPv6 leases, indexed by address (or prefix) and DUID, and by the second they end. */
final class Lease6Store extends SlottedStore<Lease6> {

    /** Leases by address (or prefix), ascending as unsigned 128-bit values. */
    static final Comparator<Lease6> ADDRESS_ORDER = Comparator.comparingLong(Lease6::addressHigh)
            .thenComparing(Lease6::addressLow, Long::compareUnsigned);

    private final SlotIndex byDuid = new SlotIndex();

    Lease6Store() {
        super(ADDRESS_ORDER, Lease6::expire, Lease6::state);
    }

    /** The lease of an address (or prefix), given as its two halves, or null. */
    Lease6 get(long high, long low) {
        return slots.at(slotOf(high, low));
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
    int slotOf(Lease6 sameAddress) {
        return slotOf(sameAddress.addressHigh(), sameAddress.addressLow());
    }

    @Override
    int addressHash(Lease6 lease) {
        return hash(lease.addressHigh(), lease.addressLow());
    }

    @Override
    void indexKeys(int slot, Lease6 lease) {
        byDuid.add(slot, lease.duidBytes());
    }

    @Override
    void unindexKeys(int slot, Lease6 lease) {
        byDuid.remove(slot, lease.duidBytes());
    }

    List<Lease6> byDuid(byte[] duid) {
        return slots.withKey(byDuid, duid, Lease6::duidBytes);
    }

    @Override
    public void ensureCapacity(int leases) {
        super.ensureCapacity(leases);
        byDuid.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        super.clear();
        byDuid.clear();
    }
}
