package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.Subnet6;
import org.kea4j.dhcpsrv.Prefix;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A DHCPv6 subnet as configured, with the global defaults already applied. Immutable.
 *
 * @param id                subnet id
 * @param prefix            the subnet
 * @param pools             address pools (IA_NA)
 * @param pdPools           prefix delegation pools (IA_PD)
 * @param preferredLifetime preferred lifetime in seconds
 * @param validLifetime     valid lifetime in seconds
 * @param renewTimer        T1
 * @param rebindTimer       T2
 * @param options           subnet options
 * @param interfaceName     the directly attached interface, or null
 * @param interfaceId       the relay interface-id that selects this subnet, or null
 * @param clientClass       only clients of this class may use the subnet, or null
 * @param relayAddresses    relay link addresses that select this subnet
 * @param rapidCommit       answer a SOLICIT with rapid-commit by a REPLY
 * @param reservations      host reservations
 * @param reservationFlags  where reservations apply
 * @param sharedNetworkName the shared network it belongs to, or null
 * @param requiredClasses   {@code require-client-classes} of its shared network, then its own
 * @param ddns              its DDNS behaviour, with what it inherits
 */
public record Subnet6Config(long id, Prefix prefix, List<PoolConfig> pools, List<PdPoolConfig> pdPools, long preferredLifetime,
        long validLifetime, long renewTimer, long rebindTimer, List<OptionDataConfig> options, String interfaceName,
        byte[] interfaceId, String clientClass, List<InetAddress> relayAddresses, boolean rapidCommit,
        List<Reservation6Config> reservations, ReservationFlags reservationFlags, String sharedNetworkName,
        List<String> requiredClasses, DdnsParameters ddns) implements Subnet6 {

    public Subnet6Config {
        Objects.requireNonNull(prefix, "prefix");
        pools = List.copyOf(pools);
        pdPools = List.copyOf(pdPools);
        options = List.copyOf(options);
        relayAddresses = List.copyOf(relayAddresses);
        reservations = List.copyOf(reservations);
        requiredClasses = List.copyOf(requiredClasses);
        Objects.requireNonNull(ddns, "ddns");
        interfaceId = interfaceId == null ? null : interfaceId.clone();
    }

    @Override
    public byte[] interfaceId() {
        return interfaceId == null ? null : interfaceId.clone();
    }

    /** Whether the interface-id option of a relay selects this subnet. */
    public boolean matchesInterfaceId(byte[] id) {
        return interfaceId != null && java.util.Arrays.equals(interfaceId, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subnet6Config s && s.id == id && s.prefix.equals(prefix) && s.pools.equals(pools)
                && s.pdPools.equals(pdPools) && s.preferredLifetime == preferredLifetime
                && s.validLifetime == validLifetime && s.renewTimer == renewTimer && s.rebindTimer == rebindTimer
                && s.options.equals(options) && Objects.equals(s.interfaceName, interfaceName)
                && java.util.Arrays.equals(s.interfaceId, interfaceId) && Objects.equals(s.clientClass, clientClass)
                && s.relayAddresses.equals(relayAddresses) && s.rapidCommit == rapidCommit
                && s.reservations.equals(reservations) && s.reservationFlags.equals(reservationFlags)
                && Objects.equals(s.sharedNetworkName, sharedNetworkName) && s.requiredClasses.equals(requiredClasses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, prefix, pools, pdPools);
    }

    @Override
    public String toString() {
        return prefix + " with id " + id;
    }
}
