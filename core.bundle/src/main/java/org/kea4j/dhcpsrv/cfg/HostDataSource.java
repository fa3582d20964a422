package org.kea4j.dhcpsrv.cfg;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Optional;
import org.kea4j.dhcpsrv.HostIdentifier;

/**
 * Host reservations kept outside the configuration file ({@code hosts-database}: Kea's {@code hosts} tables in
 * MySQL or PostgreSQL), read at each look-up so that reservations added to the database apply at once. The
 * servers ask the configuration's reservations first, then each database in order, as Kea's host manager does.
 */
public interface HostDataSource extends AutoCloseable {

    /** A DHCPv4 reservation of an identifier in a subnet ({@code 0}: a global reservation). */
    Optional<Reservation4Config> get4(long subnetId, HostIdentifier identifier);

    /** The DHCPv4 reservation of an address in a subnet. */
    Optional<Reservation4Config> get4(long subnetId, Inet4Address address);

    /** A DHCPv6 reservation of an identifier (DUID or hardware address) in a subnet ({@code 0}: global). */
    Optional<Reservation6Config> get6(long subnetId, HostIdentifier identifier);

    /** The DHCPv6 reservation of an address ({@code length} 128) or a prefix in a subnet. */
    Optional<Reservation6Config> get6(long subnetId, Inet6Address address, int length);

    /** For logs: the type and the database, never the password. */
    String description();

    @Override
    void close();
}
