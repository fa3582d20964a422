package org.kea4j.dhcp6.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kea4j.config.ServerControlSockets;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.cfg.DhcpConfigElements;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.cfg.OptionDataConfig;
import org.kea4j.dhcpsrv.cfg.OptionDefConfig;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.SharedNetworkConfig;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;

/**
 * The parsed {@code Dhcp6} element. Immutable; a reconfiguration builds a new one.
 *
 * @param interfaces             where to listen (with unicast addresses)
 * @param leaseDatabase          lease storage
 * @param subnets                subnets, the global ones and those of shared networks, with what they inherit
 * @param sharedNetworks         shared networks (their names and options)
 * @param options                global options
 * @param optionDefs             user option definitions
 * @param classes                client class definitions (name to options)
 * @param serverId               how the server DUID is made and kept
 * @param declineProbationPeriod seconds a declined address stays out of use
 * @param expiration             expired lease reclamation
 * @param globalReservations     global host reservations
 * @param relaySuppliedOptions   option codes a relay may supply for the client (RFC 6422)
 * @param dataDirectory          where the server DUID file goes
 * @param dhcpDdns               the {@code dhcp-ddns} map as given
 * @param hooksLibraries         hooks libraries
 * @param controlSockets         control sockets (Unix and HTTP)
 * @param loggers                Kea 2.x {@code loggers}
 * @param port                   the server port
 * @param hostDatabases          {@code hosts-database} / {@code hosts-databases}, in order
 */
record Dhcp6Config(InterfacesConfig interfaces, DbAccess leaseDatabase, List<Subnet6Config> subnets,
        List<SharedNetworkConfig> sharedNetworks,
        List<OptionDataConfig> options, List<OptionDefConfig> optionDefs, Map<String, ClientClassConfig> classes,
        ServerIdConfig serverId, long declineProbationPeriod, DhcpConfigElements.Expiration expiration,
        List<Reservation6Config> globalReservations, List<Integer> relaySuppliedOptions, String dataDirectory,
        Map<String, Object> dhcpDdns, List<HooksLibraryConfig> hooksLibraries,
        ServerControlSockets controlSockets, List<LoggerConfig> loggers, int port, List<DbAccess> hostDatabases,
        org.kea4j.dhcpsrv.cfg.DhcpConfigElements.MultiThreading multiThreading)
        implements org.kea4j.dhcpsrv.cfg.ServerSection.Config {

    /** The standard DHCPv6 server port. */
    static final int DEFAULT_PORT = 547;

    /**
     * A client class.
     *
     * @param name    class name
     * @param test    the classification expression, or null
     * @param options options for its members
     * @param onlyIfRequired evaluated only where required
     * @param optionDefs     the class's own option definitions
     */
    record ClientClassConfig(String name, org.kea4j.dhcpsrv.cfg.ClassExpression test, List<OptionDataConfig> options,
            boolean onlyIfRequired, List<org.kea4j.dhcpsrv.cfg.OptionDefConfig> optionDefs)
            implements org.kea4j.dhcpsrv.cfg.ClientClassDefinition {
    }

    /**
     * {@code server-id}: the DUID type and the parts the operator fixed.
     *
     * @param type         LLT, EN or LL
     * @param identifier   the link-layer address or EN identifier, or null (generated)
     * @param time         the LLT time, or -1 (now)
     * @param htype        the hardware type, or -1 (Ethernet)
     * @param enterpriseId the EN enterprise number, or -1 (ISC, 2495)
     * @param persist      keep the DUID in a file and reuse it
     */
    record ServerIdConfig(String type, byte[] identifier, long time, int htype, long enterpriseId, boolean persist) {
        static final ServerIdConfig DEFAULT = new ServerIdConfig("LLT", null, -1, -1, -1, true);
    }
}
