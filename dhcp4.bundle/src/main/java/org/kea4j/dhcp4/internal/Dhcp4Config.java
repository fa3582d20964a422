package org.kea4j.dhcp4.internal;

import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kea4j.config.ServerControlSockets;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.cfg.OptionDataConfig;
import org.kea4j.dhcpsrv.cfg.OptionDefConfig;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.SharedNetworkConfig;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;

/**
 * The parsed {@code Dhcp4} element. Immutable; a reconfiguration builds a new one.
 *
 * @param interfaces             where to listen
 * @param leaseDatabase          lease storage
 * @param subnets                subnets, the global ones and those of shared networks, with what they inherit
 * @param sharedNetworks         shared networks (their names and options)
 * @param options                global options
 * @param optionDefs             user option definitions
 * @param classes                client class definitions (name to options)
 * @param echoClientId           echo option 61 (RFC 6842)
 * @param declineProbationPeriod seconds a declined address stays out of use
 * @param expiration             expired lease reclamation
 * @param globalReservations     global host reservations
 * @param nextServer             global siaddr, or null
 * @param hostReservationIds     identifier types used to find reservations, in order
 * @param dhcpDdns               the {@code dhcp-ddns} map as given (empty = DDNS off)
 * @param hooksLibraries         hooks libraries
 * @param controlSockets         control sockets (Unix and HTTP)
 * @param loggers                Kea 2.x {@code loggers}
 * @param port                   the server port
 * @param hostDatabases          {@code hosts-database} / {@code hosts-databases}, in order
 */
record Dhcp4Config(InterfacesConfig interfaces, DbAccess leaseDatabase, List<Subnet4Config> subnets,
        List<SharedNetworkConfig> sharedNetworks, List<OptionDataConfig> options, List<OptionDefConfig> optionDefs, Map<String, ClientClassConfig> classes,
        boolean echoClientId, long declineProbationPeriod, org.kea4j.dhcpsrv.cfg.DhcpConfigElements.Expiration expiration,
        List<Reservation4Config> globalReservations, Inet4Address nextServer,
        List<String> hostReservationIds, Map<String, Object> dhcpDdns, List<HooksLibraryConfig> hooksLibraries,
        ServerControlSockets controlSockets, List<LoggerConfig> loggers, int port, List<DbAccess> hostDatabases,
        org.kea4j.dhcpsrv.cfg.DhcpConfigElements.MultiThreading multiThreading)
        implements org.kea4j.dhcpsrv.cfg.ServerSection.Config {

    /** The standard DHCPv4 server port. */
    static final int DEFAULT_PORT = 67;

    /**
     * A client class definition: clients join it when its test matches, through a reservation, or by the
     * built-in vendor class {@code VENDOR_CLASS_<option 60>}.
     *
     * @param name           class name
     * @param test           the classification expression, or null
     * @param options        options for its members
     * @param nextServer     siaddr for its members, or null
     * @param serverHostname sname, or null
     * @param bootFileName   file, or null
     * @param onlyIfRequired evaluated only where required
     * @param optionDefs     the class's own option definitions
     */
    record ClientClassConfig(String name, org.kea4j.dhcpsrv.cfg.ClassExpression test, List<OptionDataConfig> options,
            Inet4Address nextServer, String serverHostname, String bootFileName, boolean onlyIfRequired,
            List<org.kea4j.dhcpsrv.cfg.OptionDefConfig> optionDefs) implements org.kea4j.dhcpsrv.cfg.ClientClassDefinition {
    }
}
