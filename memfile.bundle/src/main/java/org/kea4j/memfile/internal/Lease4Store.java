package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.kea4j.dhcpsrv.Lease4;

/**
 * IPv4 leases in {@link LeaseSlots}, indexed by address, hardware address and client identifier in
 * {@link SlotIndex}es, and by the second they end.
 */
final class Lease4Store implements LeaseStore<Lease4> {

    /** Leases by address, ascending (addresses as unsigned 32-bit values). */
    static final Comparator<Lease4> ADDRESS_ORDER = Comparator.comparingLong(Lease4::addressValue);

    private final LeaseSlots<Lease4> slots = new LeaseSlots<>();
    private final SlotIndex byAddress = new SlotIndex();
    private final SlotIndex byHwaddr = new SlotIndex();
    private final SlotIndex byClientId = new SlotIndex();
    private final ExpirationIndex<Lease4> byExpiration = new ExpirationIndex<>(Lease4::expire, Lease4::state,
            ADDRESS_ORDER);

    @Override
    public Comparator<Lease4> addressOrder() {
        return ADDRESS_ORDER;
    }

    Lease4 get(long address) {
        int slot = slotOf(address);
        return slot < 0 ? null : slots.get(slot);
    }

    /** The slot of the lease of an address (its 32 bits are its hash: one lease per hash), or -1. */
    private int slotOf(long address) {
        int slot = byAddress.first((int) address);
        return slot >= 0 && slots.get(slot).addressValue() == address ? slot : -1;
    }

    @Override
    public Lease4 find(Lease4 sameAddress) {
        return get(sameAddress.addressValue());
    }

    @Override
    public Lease4 put(Lease4 lease) {
        int slot = slotOf(lease.addressValue());
        if (slot < 0) {
            slot = slots.add(lease);
            byAddress.add(slot, (int) lease.addressValue());
            index(slot, lease);
            return null;
        }
        Lease4 previous = slots.get(slot);
        unindex(slot, previous);
        slots.set(slot, lease);
        index(slot, lease);
        return previous;
    }

    @Override
    public Lease4 remove(Lease4 sameAddress) {
        return remove(sameAddress.addressValue());
    }

    Lease4 remove(long address) {
        int slot = slotOf(address);
        if (slot < 0) {
            return null;
        }
        Lease4 previous = slots.get(slot);
        unindex(slot, previous);
        byAddress.remove(slot, (int) address);
        slots.remove(slot);
        return previous;
    }

    private void index(int slot, Lease4 lease) {
        byHwaddr.add(slot, lease.hwaddrBytes());
        byClientId.add(slot, lease.clientIdBytes());
        byExpiration.add(lease);
    }

    private void unindex(int slot, Lease4 lease) {
        byHwaddr.remove(slot, lease.hwaddrBytes());
        byClientId.remove(slot, lease.clientIdBytes());
        byExpiration.remove(lease);
    }

    List<Lease4> byHwaddr(byte[] hwaddr) {
        return slots.withKey(byHwaddr, hwaddr, Lease4::hwaddrBytes);
    }

    List<Lease4> byClientId(byte[] clientId) {
        return slots.withKey(byClientId, clientId, Lease4::clientIdBytes);
    }

    @Override
    public ExpirationIndex<Lease4> byExpiration() {
        return byExpiration;
    }

    @Override
    public int size() {
        return slots.size();
    }

    @Override
    public void forEach(Consumer<Lease4> action) {
        slots.forEach(action);
    }

    @Override
    public void ensureCapacity(int leases) {
        slots.ensureCapacity(leases);
        byAddress.ensureCapacity(leases);
        byHwaddr.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        slots.clear();
        byAddress.clear();
        byHwaddr.clear();
        byClientId.clear();
        byExpiration.clear();
    }
}
