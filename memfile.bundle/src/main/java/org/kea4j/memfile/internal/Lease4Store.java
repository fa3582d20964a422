package org.kea4j.memfile.internal;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.cursors.ObjectCursor;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.kea4j.dhcpsrv.Lease4;

/**
 * IPv4 leases: by address in an int-keyed open-addressing map, and by hardware address and client
 * identifier in multimaps keyed by the leases' own byte arrays, and by the second they end.
 */
final class Lease4Store implements LeaseStore<Lease4> {

    /** Leases by address, ascending (addresses as unsigned 32-bit values). */
    static final Comparator<Lease4> ADDRESS_ORDER = Comparator.comparingLong(Lease4::addressValue);

    private final IntObjectHashMap<Lease4> byAddress = new IntObjectHashMap<>();
    private final BytesIndex<Lease4> byHwaddr = new BytesIndex<>();
    private final BytesIndex<Lease4> byClientId = new BytesIndex<>();
    private final ExpirationIndex<Lease4> byExpiration = new ExpirationIndex<>(Lease4::expire, Lease4::state,
            ADDRESS_ORDER);

    @Override
    public Comparator<Lease4> addressOrder() {
        return ADDRESS_ORDER;
    }

    Lease4 get(long address) {
        return byAddress.get((int) address);
    }

    @Override
    public Lease4 find(Lease4 sameAddress) {
        return get(sameAddress.addressValue());
    }

    @Override
    public Lease4 put(Lease4 lease) {
        Lease4 previous = byAddress.put((int) lease.addressValue(), lease);
        if (previous != null) {
            unindex(previous);
        }
        byHwaddr.add(lease.hwaddrBytes(), lease);
        byClientId.add(lease.clientIdBytes(), lease);
        byExpiration.add(lease);
        return previous;
    }

    @Override
    public Lease4 remove(Lease4 sameAddress) {
        return remove(sameAddress.addressValue());
    }

    Lease4 remove(long address) {
        Lease4 previous = byAddress.remove((int) address);
        if (previous != null) {
            unindex(previous);
        }
        return previous;
    }

    private void unindex(Lease4 lease) {
        byHwaddr.remove(lease.hwaddrBytes(), lease);
        byClientId.remove(lease.clientIdBytes(), lease);
        byExpiration.remove(lease);
    }

    List<Lease4> byHwaddr(byte[] hwaddr) {
        return byHwaddr.get(hwaddr);
    }

    List<Lease4> byClientId(byte[] clientId) {
        return byClientId.get(clientId);
    }

    @Override
    public ExpirationIndex<Lease4> byExpiration() {
        return byExpiration;
    }

    @Override
    public int size() {
        return byAddress.size();
    }

    @Override
    public void forEach(Consumer<Lease4> action) {
        for (ObjectCursor<Lease4> c : byAddress.values()) {
            action.accept(c.value);
        }
    }

    @Override
    public void ensureCapacity(int leases) {
        byAddress.ensureCapacity(leases);
        byHwaddr.ensureCapacity(leases);
    }

    @Override
    public void clear() {
        byAddress.clear();
        byHwaddr.clear();
        byClientId.clear();
        byExpiration.clear();
    }
}
