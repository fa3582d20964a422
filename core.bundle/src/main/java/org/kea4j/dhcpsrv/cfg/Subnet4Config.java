package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.Subnet4;
import org.kea4j.dhcpsrv.Prefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A DHCPv4 subnet as configured, with the global defaults already applied. Immutable.
 *
 * @param id             subnet id
 * @param prefix         the subnet
 * @param pools          dynamic pools
 * @param validLifetime  lease lifetime in seconds
 * @param renewTimer     T1, when configured
 * @param rebindTimer    T2, when configured
 * @param options        subnet options
 * @param interfaceName  the directly attached interface, or null
 * @param clientClass    only clients of this class may use the subnet, or null
 * @param relayAddresses relay agent addresses that select this subnet
 * @param nextServer     siaddr, or null
 * @param serverHostname sname, or null
 * @param bootFileName   file, or null
 * @param matchClientId  use the client identifier to find a client's lease
 * @param authoritative  NAK requests for unknown clients and addresses
 * @param reservations   host reservations
 * @param reservationFlags where reservations apply
 * @param sharedNetworkName the shared network it belongs to, or null
 * @param requiredClasses   {@code require-client-classes} of its shared network, then its own
 * @param ddns              its DDNS behaviour, with what it inherits
 */
public record Subnet4Config(long id, Prefix prefix, List<PoolConfig> pools, long validLifetime, OptionalLong renewTimer,
        OptionalLong rebindTimer, List<OptionDataConfig> options, String interfaceName, String clientClass,
        List<InetAddress> relayAddresses, Inet4Address nextServer, String serverHostname, String bootFileName,
        boolean matchClientId, boolean authoritative, List<Reservation4Config> reservations,
        ReservationFlags reservationFlags, String sharedNetworkName, List<String> requiredClasses, DdnsParameters ddns) implements Subnet4 {

    public Subnet4Config {
        Objects.requireNonNull(prefix, "prefix");
        pools = List.copyOf(pools);
        options = List.copyOf(options);
        relayAddresses = List.copyOf(relayAddresses);
        reservations = List.copyOf(reservations);
        requiredClasses = List.copyOf(requiredClasses);
        Objects.requireNonNull(ddns, "ddns");
    }

    @Override
    public String toString() {
        return prefix + " with id " + id;
    }
}
