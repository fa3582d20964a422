package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcpsrv.Lease4;

class ExpirationIndexTest {

    /** A lease as the index sees it: an address, the second it ends, its state. */
    private record Lease(int address, long ends, int state) {
        Lease reclaimed() {
            return new Lease(address, ends, Lease4.STATE_EXPIRED_RECLAIMED);
        }
    }

    private final LeaseSlots<Lease> slots = new LeaseSlots<>();
    private final ExpirationIndex<Lease> index = new ExpirationIndex<>(slots, Lease::ends, Lease::state,
            Comparator.comparingInt(Lease::address));

    private int store(Lease lease) {
        int slot = slots.add(lease);
        index.add(slot, lease);
        return slot;
    }

    private void replace(int slot, Lease lease) {
        index.remove(slot, slots.get(slot));
        slots.set(slot, lease);
        index.add(slot, lease);
    }

    @Test
    void listsTheLeasesDueOldestSecondFirstInAddressOrderWithinASecond() {
        store(new Lease(30, 100, Lease4.STATE_DEFAULT));
        store(new Lease(10, 100, Lease4.STATE_DEFAULT));
        store(new Lease(20, 99, Lease4.STATE_DEFAULT));
        store(new Lease(40, 101, Lease4.STATE_DEFAULT));
        assertEquals(List.of(20, 10, 30), addresses(index.expired(100, 0)));
        assertEquals(List.of(20, 10), addresses(index.expired(100, 2)), "at most max");
        assertEquals(List.of(), index.expired(98, 0));
    }

    @Test
    void aRenewedLeaseMovesToItsNewSecondAndAReclaimedOneToTheOtherSide() {
        int renewed = store(new Lease(1, 100, Lease4.STATE_DEFAULT));
        int reclaimed = store(new Lease(2, 100, Lease4.STATE_DEFAULT));
        replace(renewed, new Lease(1, 200, Lease4.STATE_DEFAULT));
        replace(reclaimed, slots.get(reclaimed).reclaimed());
        assertEquals(List.of(), index.expired(150, 0), "neither is still due at 100");
        assertEquals(List.of(1), addresses(index.expired(200, 0)));
        assertEquals(List.of(2), addresses(index.reclaimedBefore(101)));
        assertEquals(List.of(), index.reclaimedBefore(100), "ended before 100: none");
    }

    @Test
    void aRemovedLeaseIsForgottenAndItsSlotTakenAgainIsIndexedAfresh() {
        int slot = store(new Lease(1, 100, Lease4.STATE_DEFAULT));
        index.remove(slot, slots.get(slot));
        slots.remove(slot);
        assertEquals(List.of(), index.expired(100, 0));
        assertEquals(slot, store(new Lease(2, 50, Lease4.STATE_DEFAULT)), "the freed slot is taken again");
        assertEquals(List.of(2), addresses(index.expired(100, 0)));
        index.remove(slot, new Lease(2, 60, Lease4.STATE_DEFAULT)); // not as indexed: nothing happens
        assertEquals(List.of(2), addresses(index.expired(100, 0)));
        index.clear();
        assertEquals(List.of(), index.expired(100, 0));
    }

    private static List<Integer> addresses(List<Lease> leases) {
        return leases.stream().map(Lease::address).toList();
    }
}
