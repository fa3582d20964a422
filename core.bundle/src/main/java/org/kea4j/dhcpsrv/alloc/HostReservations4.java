package org.kea4j.dhcpsrv.alloc;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import java.net.Inet4Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DHCPv4 host reservations of a configuration, indexed by subnet and identifier and by subnet and
 * address, and the host databases ({@code hosts-database}) asked after them, as Kea's host manager does. Global
 * reservations are kept under subnet id 0. The configured ones are immutable; the databases are attached when
 * the configuration commits (they are opened then).
 */
public final class HostReservations4 {

    /** The subnet id under which global reservations are kept. */
    public static final long GLOBAL = 0;

    private final Map<Key, Reservation4Config> byIdentifier = new HashMap<>();
    private final Map<Long, Map<Long, Reservation4Config>> byAddress = new HashMap<>();
    private final List<HostIdentifier.Type> identifierOrder;
    private volatile List<org.kea4j.dhcpsrv.cfg.HostDataSource> databases = List.of();

    private record Key(long subnetId, HostIdentifier identifier) {
    }

    /**
     * Indexes reservations.
     *
     * @param subnets         subnets with their reservations
     * @param global          global reservations
     * @param identifierOrder identifier types to look for, in order ({@code host-reservation-identifiers})
     */
    public HostReservations4(List<Subnet4Config> subnets, List<Reservation4Config> global, List<HostIdentifier.Type> identifierOrder) {
        this.identifierOrder = List.copyOf(identifierOrder);
        for (Reservation4Config r : global) {
            add(GLOBAL, r);
        }
        for (Subnet4Config s : subnets) {
            for (Reservation4Config r : s.reservations()) {
                add(s.id(), r);
            }
        }
    }

    private void add(long subnetId, Reservation4Config r) {
        byIdentifier.put(new Key(subnetId, r.identifier()), r);
        if (r.address() != null) {
            byAddress.computeIfAbsent(subnetId, k -> new HashMap<>()).put(Addresses.toLong(r.address()), r);
        }
    }

    /** The host databases asked after the configured reservations, in order. */
    public void attach(List<org.kea4j.dhcpsrv.cfg.HostDataSource> hostDatabases) {
        this.databases = List.copyOf(hostDatabases);
    }

    /** Whether there is no reservation at all (the packet path then skips every look-up). */
    public boolean isEmpty() {
        return byIdentifier.isEmpty() && databases.isEmpty();
    }

    /**
     * The reservation of a client in a subnet (or {@link #GLOBAL}), trying the identifier types in the
     * configured order.
     *
     * @param identifiers the client's identifiers by type (absent types are skipped)
     */
    public Reservation4Config find(long subnetId, Map<HostIdentifier.Type, byte[]> identifiers) {
        if (isEmpty()) {
            return null;
        }
        List<org.kea4j.dhcpsrv.cfg.HostDataSource> dbs = databases;
        for (HostIdentifier.Type type : identifierOrder) {
            byte[] value = identifiers.get(type);
            if (value != null && value.length > 0) {
                HostIdentifier id = new HostIdentifier(type, value);
                Reservation4Config r = byIdentifier.get(new Key(subnetId, id));
                if (r != null) {
                    return r;
                }
                for (org.kea4j.dhcpsrv.cfg.HostDataSource db : dbs) {
                    java.util.Optional<Reservation4Config> found = db.get4(subnetId, id);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        return null;
    }

    /** The reservation of an address in a subnet, or null. */
    public Reservation4Config byAddress(long subnetId, Inet4Address address) {
        Map<Long, Reservation4Config> m = byAddress.get(subnetId);
        Reservation4Config r = m == null ? null : m.get(Addresses.toLong(address));
        if (r != null) {
            return r;
        }
        for (org.kea4j.dhcpsrv.cfg.HostDataSource db : databases) {
            java.util.Optional<Reservation4Config> found = db.get4(subnetId, address);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }
}
