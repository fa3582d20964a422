package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/**
 * The lease stores against a plain model (a map by address and the leases in the order they were stored), over
 * random puts, replacements and removals with few distinct keys: many leases share a hardware address or DUID,
 * some have none, and IPv6 addresses are picked so that their hashes collide.
 */
class LeaseStoresTest {

    @Test
    void slotIndexKeepsEachHashsSlotsInTheOrderAdded() {
        SlotIndex index = new SlotIndex();
        for (int slot : new int[] {4, 1, 7, 2}) {
            index.add(slot, 42);
        }
        index.add(3, 43);
        assertEquals(List.of(4, 1, 7, 2), slots(index, 42));
        index.remove(4, 42); // the first
        assertEquals(List.of(1, 7, 2), slots(index, 42));
        index.remove(7, 42); // one between
        index.remove(9, 42); // one never added
        assertEquals(List.of(1, 2), slots(index, 42));
        index.remove(2, 42); // the last
        index.add(5, 42);
        assertEquals(List.of(1, 5), slots(index, 42));
        index.remove(1, 42);
        index.remove(5, 42);
        assertEquals(List.of(), slots(index, 42));
        assertEquals(List.of(3), slots(index, 43));
    }

    @Test
    void slotsAndTheirIndexSpanPagesAndSegments() {
        LeaseSlots<Integer> slots = new LeaseSlots<>();
        SlotIndex index = new SlotIndex();
        index.ensureCapacity(LeaseSlots.PAGE); // a first page made ahead, the rest grown one by one
        int count = LeaseSlots.PAGE * 3 + 17;
        int hashes = 1000;
        for (int i = 0; i < count; i++) {
            assertEquals(i, slots.add(i));
            index.add(i, (i % hashes) * 0x10001); // spread over the segments, each hash on every page
        }
        assertEquals(count, slots.size());
        for (int i = 0; i < count; i += 997) {
            assertEquals(i, slots.get(i));
        }
        for (int hash = 0; hash < hashes; hash++) {
            List<Integer> expected = new ArrayList<>();
            for (int slot = hash; slot < count; slot += hashes) {
                expected.add(slot);
            }
            assertEquals(expected, slots(index, hash * 0x10001), "hash " + hash);
        }
        int removed = count - 1 - hashes; // on the last page; its hash has count - 1 after it
        int hash = (removed % hashes) * 0x10001;
        List<Integer> left = slots(index, hash);
        left.remove(Integer.valueOf(removed));
        index.remove(removed, hash);
        slots.remove(removed);
        assertEquals(left, slots(index, hash));
        assertEquals(removed, slots.add(-1), "the freed slot is taken again");
        index.clear();
        slots.clear();
        assertEquals(List.of(), slots(index, 0));
        assertEquals(0, slots.size());
        List<Integer> all = new ArrayList<>();
        slots.forEach(all::add);
        assertEquals(List.of(), all);
    }

    @Test
    void leaseSlotsTakeFreedSlotsAgain() {
        LeaseSlots<String> slots = new LeaseSlots<>();
        int a = slots.add("a");
        int b = slots.add("b");
        slots.remove(a);
        assertEquals(a, slots.add("c"));
        assertEquals(2, slots.size());
        assertEquals("b", slots.get(b));
        List<String> all = new ArrayList<>();
        slots.forEach(all::add);
        assertEquals(List.of("c", "b"), all);
    }

    @Test
    void lease4StoreAnswersAsTheModel() {
        Random random = new Random(4);
        Lease4Store store = new Lease4Store();
        Model<Lease4, Long> model = new Model<>();
        for (int step = 0; step < 20_000; step++) {
            long address = 0xC000_0200L + random.nextInt(3000);
            if (random.nextInt(4) == 0) {
                assertSame(model.remove(address), store.remove(address));
            } else {
                byte[] hwaddr = random.nextInt(10) == 0 ? new byte[0] : new byte[] {8, 0, 0, 0, 0,
                    (byte) random.nextInt(200)};
                byte[] clientId = random.nextInt(3) == 0 ? null : new byte[] {1, (byte) random.nextInt(50)};
                Lease4 lease = Lease4.builder(address).hwaddrBytes(hwaddr, 1, 0).clientIdBytes(clientId)
                        .validLifetime(3600).cltt(1_700_000_000L + random.nextInt(100)).subnetId(1).build();
                assertSame(model.put(address, lease), store.put(lease));
            }
            if (step % 1000 == 0 || step == 19_999) {
                assertEquals(model.byAddress.size(), store.size());
                for (int i = 0; i < 3000; i++) {
                    assertSame(model.byAddress.get(0xC000_0200L + i), store.get(0xC000_0200L + i));
                }
                for (int i = 0; i < 200; i++) {
                    byte[] hwaddr = {8, 0, 0, 0, 0, (byte) i};
                    assertEquals(model.with(l -> Arrays.equals(l.hwaddrBytes(), hwaddr)), store.byHwaddr(hwaddr));
                }
                for (int i = 0; i < 50; i++) {
                    byte[] clientId = {1, (byte) i};
                    assertEquals(model.with(l -> Arrays.equals(l.clientIdBytes(), clientId)),
                            store.byClientId(clientId));
                }
                assertEquals(List.of(), store.byHwaddr(new byte[0]));
                assertEquals(List.of(), store.byClientId(null));
                Set<Lease4> all = new HashSet<>();
                store.forEach(all::add);
                assertEquals(new HashSet<>(model.byAddress.values()), all);
            }
        }
        store.clear();
        assertEquals(0, store.size());
        assertNull(store.get(0xC000_0200L));
    }

    @Test
    void lease6StoreAnswersAsTheModelWhenHashesCollide() throws UnknownHostException {
        Random random = new Random(6);
        Lease6Store store = new Lease6Store();
        Model<Lease6, List<Long>> model = new Model<>();
        for (int step = 0; step < 20_000; step++) {
            // (high + 31, low - 1) has the hash of (high, low): three highs make many chains of several
            long high = 0x2001_0db8_0000_0000L + 31 * random.nextInt(3);
            long low = random.nextInt(1000);
            List<Long> key = List.of(high, low);
            Lease6 sameAddress = Lease6.builder(LeaseType.NA, address(high, low)).build();
            if (random.nextInt(4) == 0) {
                assertSame(model.remove(key), store.remove(sameAddress));
            } else {
                Duid duid = new Duid(new byte[] {0, 1, (byte) random.nextInt(100)});
                Lease6 lease = Lease6.builder(LeaseType.NA, address(high, low)).duid(duid).iaid(1)
                        .validLifetime(3600).preferredLifetime(1800).cltt(1_700_000_000L + random.nextInt(100))
                        .subnetId(1).build();
                assertSame(model.put(key, lease), store.put(lease));
            }
            if (step % 1000 == 0 || step == 19_999) {
                assertEquals(model.byAddress.size(), store.size());
                for (Map.Entry<List<Long>, Lease6> e : model.byAddress.entrySet()) {
                    assertSame(e.getValue(), store.get(e.getKey().get(0), e.getKey().get(1)));
                }
                assertNull(store.get(0x2001_0db8_0000_0000L + 1, 5));
                for (int i = 0; i < 100; i++) {
                    byte[] duid = {0, 1, (byte) i};
                    assertEquals(model.with(l -> Arrays.equals(l.duidBytes(), duid)), store.byDuid(duid));
                }
            }
        }
    }

    private static Inet6Address address(long high, long low) throws UnknownHostException {
        return (Inet6Address) InetAddress.getByAddress(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
    }

    private static List<Integer> slots(SlotIndex index, int hash) {
        List<Integer> out = new ArrayList<>();
        for (int slot = index.first(hash); slot >= 0; slot = index.next(slot)) {
            out.add(slot);
        }
        return out;
    }

    /** What a store should answer: leases by address, and all of them in the order they were stored. */
    private static final class Model<L, K> {
        final Map<K, L> byAddress = new HashMap<>();
        final List<L> inOrder = new ArrayList<>();

        L put(K key, L lease) {
            L previous = remove(key);
            byAddress.put(key, lease);
            inOrder.add(lease);
            return previous;
        }

        L remove(K key) {
            L previous = byAddress.remove(key);
            if (previous != null) {
                inOrder.remove(previous);
            }
            return previous;
        }

        List<L> with(Predicate<L> filter) {
            return inOrder.stream().filter(filter).toList();
        }
    }
}
