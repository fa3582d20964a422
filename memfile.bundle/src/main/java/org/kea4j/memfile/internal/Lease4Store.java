package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.List;
import org.kea4j.dhcpsrv.Lease4;

/** IPv4 leases, indexed by address, hardware address and client identifier, and by the second they end. */
final class Lease4Store extends SlottedStore<Lease4> {

    /** Leases by address, ascending (addresses as unsigned 32-bit values). */
    static final Comparator<Lease4> ADDRESS_ORDER = Comparator.comparingLong(Lease4::addressValue);

    private final SlotIndex byHwaddr = new SlotIndex();
    private final SlotIndex byClientId = new SlotIndex();

    Lease4Store() {
        super(ADDRESS_ORDER, Lease4::expire, Lease4::state);
    }

    Lease4 get(long address) {
        return slots.at(slotOf(address));
    }

    Lease4 remove(long address) {
        return removeAt(slotOf(address));
    }

    /** The slot of the lease of an address (its 32 bits are its hash: one lease per hash), or -1. */
    private int slotOf(long address) {
        int slot = byAddress.first((int) address);
        return slot >= 0 && slots.get(slot).addressValue() == address ? slot : -1;
    }

    @Override
    int slotOf(Lease4 sameAddress) {
        return slotOf(sameAddress.addressValue());
    }

    @Override
    int addressHash(Lease4 lease) {
        return (int) lease.addressValue();
    }

    @Override
    void indexKeys(int slot, Lease4 lease) {
        byHwaddr.add(slot, lease.hwaddrBytes());
        byClientId.add(slot, lease.clientIdBytes());
    }

    @Override
    void unindexKeys(int slot, Lease4 lease) {
        byHwaddr.remove(slot, lease.hwaddrBytes());
        byClientId.remove(slot, lease.clientIdBytes());
    }

    List<Lease4> byHwaddr(byte[] hwaddr) {
        return slots.withKey(byHwaddr, hwaddr, Lease4::hwaddrBytes);
    }

    List<Lease4> byClientId(byte[] clientId) {
        return slots.withKey(byClientId, clientId, Lease4::clientIdBytes);
    }

    @Override
    public void ensureCapacity(int leases) {
        super.ensureCapacity(leases);
        byHwaddr.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        super.clear();
        byHwaddr.clear();
        byClientId.clear();
    }
}
