package org.kea4j.memfile.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kea4j.dhcpsrv.Lease6;

/** IPv6 leases: by address (or prefix), by DUID, and by the second they end. */
final class Lease6Store implements LeaseStore<Lease6> {

    /** A 128-bit address as a map key. */
    record Address(long high, long low) {
        static Address of(Lease6 lease) {
            return new Address(lease.addressHigh(), lease.addressLow());
        }
    }

    /** Leases by address (or prefix), ascending as unsigned 128-bit values. */
    static final Comparator<Lease6> ADDRESS_ORDER = Comparator.comparingLong(Lease6::addressHigh)
            .thenComparing(Lease6::addressLow, Long::compareUnsigned);

    private final Map<Address, Lease6> byAddress = new HashMap<>();
    private final BytesIndex<Lease6> byDuid = new BytesIndex<>();
    private final ExpirationIndex<Lease6> byExpiration = new ExpirationIndex<>(Lease6::expire, Lease6::state,
            ADDRESS_ORDER);

    @Override
    public Comparator<Lease6> addressOrder() {
        return ADDRESS_ORDER;
    }

    Lease6 get(Address address) {
        return byAddress.get(address);
    }

    @Override
    public Lease6 find(Lease6 sameAddress) {
        return byAddress.get(Address.of(sameAddress));
    }

    @Override
    public Lease6 put(Lease6 lease) {
        Lease6 previous = byAddress.put(Address.of(lease), lease);
        if (previous != null) {
            unindex(previous);
        }
        byDuid.add(lease.duidBytes(), lease);
        byExpiration.add(lease);
        return previous;
    }

    @Override
    public Lease6 remove(Lease6 sameAddress) {
        Lease6 previous = byAddress.remove(Address.of(sameAddress));
        if (previous != null) {
            unindex(previous);
        }
        return previous;
    }

    private void unindex(Lease6 lease) {
        byDuid.remove(lease.duidBytes(), lease);
        byExpiration.remove(lease);
    }

    List<Lease6> byDuid(byte[] duid) {
        return byDuid.get(duid);
    }

    @Override
    public ExpirationIndex<Lease6> byExpiration() {
        return byExpiration;
    }

    @Override
    public int size() {
        return byAddress.size();
    }

    @Override
    public void forEach(Consumer<Lease6> action) {
        byAddress.values().forEach(action);
    }

    @Override
    public void ensureCapacity(int leases) {
        byDuid.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        byAddress.clear();
        byDuid.clear();
        byExpiration.clear();
    }
}
