package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.Reservation4;
import org.kea4j.dhcpsrv.HostIdentifier;
import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;

/**
 * A DHCPv4 host reservation.
 *
 * @param identifier     who the host is
 * @param address        the reserved address, or null (only options or a hostname)
 * @param hostname       the reserved hostname, or null
 * @param options        options for this host
 * @param nextServer     siaddr for this host, or null
 * @param serverHostname sname for this host, or null
 * @param bootFileName   file for this host, or null
 * @param clientClasses  classes the host belongs to
 */
public record Reservation4Config(HostIdentifier identifier, Inet4Address address, String hostname,
        List<OptionDataConfig> options, Inet4Address nextServer, String serverHostname, String bootFileName,
        List<String> clientClasses) implements Reservation4 {

    public Reservation4Config {
        Objects.requireNonNull(identifier, "identifier");
        options = List.copyOf(options);
        clientClasses = List.copyOf(clientClasses);
    }
}
