package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.Reservation6;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.Prefix;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * A DHCPv6 host reservation.
 *
 * @param identifier    who the host is (DUID or hardware address)
 * @param addresses     reserved addresses (IA_NA)
 * @param prefixes      reserved prefixes (IA_PD)
 * @param hostname      the reserved hostname, or null
 * @param options       options for this host
 * @param clientClasses classes the host belongs to
 */
public record Reservation6Config(HostIdentifier identifier, List<Inet6Address> addresses, List<Prefix> prefixes,
        String hostname, List<OptionDataConfig> options, List<String> clientClasses) implements Reservation6 {

    public Reservation6Config {
        Objects.requireNonNull(identifier, "identifier");
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        options = List.copyOf(options);
        clientClasses = List.copyOf(clientClasses);
    }
}
