package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.HostDataSource;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DHCPv6 host reservations of a configuration, by subnet and identifier and by subnet and reserved
 * address or prefix, and the host databases ({@code hosts-database}) asked after them, as Kea's host manager
 * does. Global reservations are kept under subnet id 0. The configured ones are immutable; the databases are
 * attached when the configuration commits.
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
    private volatile List<HostDataSource> databases = List.of();

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

    /** The host databases asked after the configured reservations, in order. */
    public void attach(List<HostDataSource> hostDatabases) {
        this.databases = List.copyOf(hostDatabases);
    }

    /** Whether there is no reservation at all (the packet path then skips every look-up). */
    public boolean isEmpty() {
        return byIdentifier.isEmpty() && databases.isEmpty();
    }

    /** The reservation of a client by DUID, then hardware address; null when none. */
    public Reservation6Config find(long subnetId, byte[] duid, byte[] hwaddr) {
        if (isEmpty()) {
            return null;
        }
        Reservation6Config r = duid == null ? null : find(subnetId, new HostIdentifier(HostIdentifier.Type.DUID, duid));
        if (r == null && hwaddr != null && hwaddr.length > 0) {
            r = find(subnetId, new HostIdentifier(HostIdentifier.Type.HW_ADDRESS, hwaddr));
        }
        return r;
    }

    private Reservation6Config find(long subnetId, HostIdentifier identifier) {
        Reservation6Config r = byIdentifier.get(new Key(subnetId, identifier));
        if (r != null) {
            return r;
        }
        for (HostDataSource db : databases) {
            Optional<Reservation6Config> found = db.get6(subnetId, identifier);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /** Who has an address (length 128) or a prefix reserved in a subnet, or null. */
    public Reservation6Config byResource(long subnetId, InetAddress address, int length) {
        Reservation6Config r = byResource.isEmpty() ? null
                : byResource.get(new Resource(subnetId, Addresses.toBigInteger(address), length));
        if (r != null || !(address instanceof Inet6Address v6)) {
            return r;
        }
        for (HostDataSource db : databases) {
            Optional<Reservation6Config> found = db.get6(subnetId, v6, length);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }
}
