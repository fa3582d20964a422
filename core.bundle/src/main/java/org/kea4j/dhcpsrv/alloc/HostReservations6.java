package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DHCPv6 host reservations of a configuration, by subnet and identifier and by subnet and reserved
 * address or prefix. Global reservations are kept under subnet id 0. Immutable.
 */
public final class HostReservations6 {

    /** The subnet id under which global reservations are kept. */
    public static final long GLOBAL = 0;

    private record Key(long subnetId, HostIdentifier identifier) {
    }

    private record Resource(long subnetId, BigInteger address, int length) {
    }

    private final Map<Key, Reservation6Config> byIdentifier = new HashMap<>();
    private final Map<Resource, Reservation6Config> byResource = new HashMap<>();

    public HostReservations6(List<Subnet6Config> subnets, List<Reservation6Config> global) {
        for (Reservation6Config r : global) {
            add(GLOBAL, r);
        }
        for (Subnet6Config s : subnets) {
            for (Reservation6Config r : s.reservations()) {
                add(s.id(), r);
            }
        }
    }

    private void add(long subnetId, Reservation6Config r) {
        byIdentifier.put(new Key(subnetId, r.identifier()), r);
        for (var a : r.addresses()) {
            byResource.put(new Resource(subnetId, Addresses.toBigInteger(a), 128), r);
        }
        for (Prefix p : r.prefixes()) {
            byResource.put(new Resource(subnetId, Addresses.toBigInteger(p.network()), p.length()), r);
        }
    }

    public boolean isEmpty() {
        return byIdentifier.isEmpty();
    }

    /** The reservation of a client by DUID, then hardware address; null when none. */
    public Reservation6Config find(long subnetId, byte[] duid, byte[] hwaddr) {
        if (byIdentifier.isEmpty()) {
            return null;
        }
        if (duid != null) {
            Reservation6Config r = byIdentifier.get(new Key(subnetId, new HostIdentifier(HostIdentifier.Type.DUID, duid)));
            if (r != null) {
                return r;
            }
        }
        if (hwaddr != null && hwaddr.length > 0) {
            return byIdentifier.get(new Key(subnetId, new HostIdentifier(HostIdentifier.Type.HW_ADDRESS, hwaddr)));
        }
        return null;
    }

    /** Who has an address (length 128) or a prefix reserved in a subnet, or null. */
    public Reservation6Config byResource(long subnetId, java.net.InetAddress address, int length) {
        if (byResource.isEmpty()) {
            return null;
        }
        return byResource.get(new Resource(subnetId, Addresses.toBigInteger(address), length));
    }
}
