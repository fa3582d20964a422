package org.kea4j.dhcp4.internal;

import org.kea4j.dhcpsrv.DdnsParameters;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ServerControlSockets;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.dhcpsrv.AddressRange;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.cfg.DhcpConfigElements;
import org.kea4j.dhcpsrv.cfg.SectionElements;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.cfg.OptionDataConfig;
import org.kea4j.dhcpsrv.cfg.OptionDefConfig;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.ReservationFlags;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;

/**
 * Parses the {@code Dhcp4} element: Kea 0.9's keys and the Kea 2.x keys users of today write. Anything
 * else is an error naming the element and its line; a few 2.x features kea4j does not implement are
 * named as unsupported rather than silently ignored.
 */
final class Dhcp4ConfigParser {

    static final Set<String> GLOBAL_KEYS = Set.of("interfaces-config", "interfaces", "lease-database", "valid-lifetime",
            "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer", "subnet4", "option-data",
            "option-def", "hooks-libraries", "dhcp-ddns", "echo-client-id", "match-client-id", "next-server",
            "server-hostname", "boot-file-name", "control-socket", "control-sockets", "version", "loggers", "decline-probation-period",
            "expired-leases-processing", "client-classes", "authoritative", "host-reservation-identifiers",
            "reservation-mode", "reservations-global", "reservations-in-subnet", "reservations-out-of-pool",
            "reservations", "sanity-checks", "multi-threading", "server-tag", "dhcp-queue-control",
            "statistic-default-sample-count", "statistic-default-sample-age", "calculate-tee-times", "t1-percent",
            "t2-percent", "hostname-char-set", "hostname-char-replacement", "ddns-send-updates",
            "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
            "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
            "store-extended-info", "cache-threshold", "cache-max-age", "parked-packet-limit", "ip-reservations-unique",
            "early-global-reservations-lookup", "reservations-lookup-first",
            "shared-networks",
            "hosts-database", "hosts-databases",
            // named below as unsupported
            "config-control", "dhcp4o6-port");

    /** Kea 2.x features kea4j does not implement: an error names them instead of ignoring them. */
    static final Set<String> UNSUPPORTED = Set.of("config-control", "dhcp4o6-port", "4o6-interface",
            "4o6-interface-id", "4o6-subnet");

    private static final Set<String> SUBNET_KEYS = Set.of("id", "subnet", "pools", "option-data", "valid-lifetime",
            "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer", "interface", "client-class",
            "require-client-classes", "relay", "next-server", "server-hostname", "boot-file-name", "match-client-id",
            "authoritative", "reservations", "reservation-mode", "reservations-global", "reservations-in-subnet",
            "reservations-out-of-pool", "4o6-interface", "4o6-interface-id", "4o6-subnet", "calculate-tee-times",
            "t1-percent", "t2-percent", "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update",
            "ddns-replace-client-name", "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew",
            "ddns-use-conflict-resolution", "hostname-char-set", "hostname-char-replacement", "store-extended-info",
            "cache-threshold", "cache-max-age");
    /** A shared network: its name, its subnets, and the parameters they inherit (Kea 2.2's list). */
    private static final Set<String> SHARED_NETWORK_KEYS = Set.of("name", "subnet4", "interface", "relay",
            "option-data", "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer",
            "client-class", "require-client-classes", "match-client-id", "authoritative", "next-server",
            "server-hostname", "boot-file-name", "reservation-mode", "reservations-global", "reservations-in-subnet",
            "reservations-out-of-pool", "calculate-tee-times", "t1-percent", "t2-percent", "ddns-send-updates",
            "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
            "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
            "hostname-char-set", "hostname-char-replacement", "store-extended-info", "cache-threshold",
            "cache-max-age");
    private static final Set<String> POOL_KEYS = Set.of("pool", "option-data", "client-class", "require-client-classes");
    private static final Set<String> RESERVATION_KEYS = Set.of("hw-address", "client-id", "duid", "circuit-id",
            "flex-id", "ip-address", "hostname", "option-data", "next-server", "server-hostname", "boot-file-name",
            "client-classes");
    private static final Set<String> CLASS_KEYS = Set.of("name", "test", "option-data", "option-def", "next-server",
            "server-hostname", "boot-file-name", "only-if-required", "valid-lifetime", "min-valid-lifetime",
            "max-valid-lifetime");
    private static final Set<String> IDENTIFIER_TYPES = Set.of("hw-address", "duid", "circuit-id", "client-id",
            "flex-id");
    private static final long MAX_SUBNET_ID = 0xFFFF_FFFEL;

    /**
     * Settings a subnet inherits unless it overrides them: the global ones, or those of its shared network
     * (which inherits the global ones in turn).
     */
    private record Globals(long validLifetime, OptionalLong renew, OptionalLong rebind, boolean matchClientId,
            boolean authoritative, Inet4Address nextServer, String serverHostname, String bootFileName,
            ReservationFlags reservations, boolean calculateTeeTimes, double t1Percent, double t2Percent,
            String iface, List<InetAddress> relays, String clientClass, String sharedNetwork,
            List<String> requiredClasses, DdnsParameters ddns) {
    }

    /** How DHCPv4 subnets and what they inherit are parsed, for the parts both sections share. */
    private static final SectionElements.Family<Globals, Subnet4Config> FAMILY = new SectionElements.Family<>(
            Dhcp4ConfigParser::inherit, Dhcp4ConfigParser::subnet, Dhcp4ConfigParser::optionData);

    private Dhcp4ConfigParser() {
    }

    static Dhcp4Config parse(ConfigNode dhcp4, ConfigContext context) throws ConfigException {
        dhcp4.expectMap().checkKeys(GLOBAL_KEYS);
        DhcpConfigElements.rejectUnsupported(dhcp4, UNSUPPORTED);

        InterfacesConfig interfaces = SectionElements.interfaces(dhcp4, true);
        DbAccess leaseDatabase = SectionElements.leaseDatabase(dhcp4);

        Globals globals = globals(dhcp4);
        List<OptionDefConfig> defs = dhcp4.get("option-def").isPresent()
                ? OptionDefConfig.parseList(dhcp4.require("option-def"), "dhcp4", 254) : List.of();
        List<OptionDataConfig> options = optionData(dhcp4);
        Map<String, Dhcp4Config.ClientClassConfig> classes = clientClasses(dhcp4, defs);
        SectionElements.Subnets<Subnet4Config> subnets = SectionElements.subnets(dhcp4, "subnet4",
                SHARED_NETWORK_KEYS, UNSUPPORTED, MAX_SUBNET_ID, globals, FAMILY);
        List<Reservation4Config> globalReservations = dhcp4.get("reservations").isPresent()
                ? reservations(dhcp4.require("reservations"), null) : List.of();

        long declineProbation = dhcp4.getLong("decline-probation-period", 0, 0xFFFF_FFFFL, 86400);
        DhcpConfigElements.Expiration expiration = DhcpConfigElements.expiration(dhcp4);
        List<String> identifiers = List.of("hw-address", "duid", "circuit-id", "client-id");
        Optional<ConfigNode> ids = dhcp4.get("host-reservation-identifiers");
        if (ids.isPresent()) {
            List<String> list = new ArrayList<>();
            for (ConfigNode id : ids.get().elements()) {
                String type = id.asString();
                if (!IDENTIFIER_TYPES.contains(type)) {
                    throw id.error("unsupported host reservation identifier '" + type + "'");
                }
                list.add(type);
            }
            identifiers = List.copyOf(list);
        }

        Map<String, Object> ddns = SectionElements.dhcpDdns(dhcp4);
        DhcpConfigElements.compatibilityKeys(dhcp4);
        List<HooksLibraryConfig> hooks = SectionElements.hooksLibraries(dhcp4);
        ServerControlSockets socket = ServerControlSockets.of(dhcp4);
        List<LoggerConfig> loggers = SectionElements.loggers(dhcp4);

        return new Dhcp4Config(interfaces, leaseDatabase, subnets.subnets(), subnets.networks(), options, defs, classes,
                dhcp4.getBoolean("echo-client-id", true), declineProbation, expiration,
                globalReservations, globals.nextServer(), identifiers, ddns, hooks, socket, loggers,
                context.serverPort().orElse(Dhcp4Config.DEFAULT_PORT), DhcpConfigElements.hostDatabases(dhcp4),
                DhcpConfigElements.multiThreading(dhcp4));
    }

    private static Globals globals(ConfigNode dhcp4) throws ConfigException {
        return inherit(dhcp4, new Globals(7200, OptionalLong.empty(), OptionalLong.empty(), true, false, null, null,
                null, ReservationFlags.DEFAULT, false, 0.5, 0.875, null, List.of(), null, null, List.of(),
                DhcpConfigElements.globalDdnsParameters(dhcp4)), null);
    }

    /** The settings of a server element or a shared network ({@code network} its name), over its parent's. */
    private static Globals inherit(ConfigNode node, Globals parent, String network) throws ConfigException {
        long valid = node.getLong("valid-lifetime", 0, 0xFFFF_FFFFL, parent.validLifetime());
        DhcpConfigElements.lifetimeBounds(node, "valid-lifetime", valid);
        OptionalLong renew = node.has("renew-timer") ? DhcpConfigElements.optionalUint32(node, "renew-timer")
                : parent.renew();
        OptionalLong rebind = node.has("rebind-timer") ? DhcpConfigElements.optionalUint32(node, "rebind-timer")
                : parent.rebind();
        DhcpConfigElements.timers(node, renew, rebind);
        Inet4Address nextServer = node.has("next-server") ? optionalV4(node, "next-server") : parent.nextServer();
        List<InetAddress> relays = node.has("relay") ? DhcpConfigElements.relays(node, false)
                : parent.relays();
        return new Globals(valid, renew, rebind, node.getBoolean("match-client-id", parent.matchClientId()),
                node.getBoolean("authoritative", parent.authoritative()), nextServer,
                node.getString("server-hostname", parent.serverHostname()),
                node.getString("boot-file-name", parent.bootFileName()),
                DhcpConfigElements.reservationFlags(node, parent.reservations()),
                node.getBoolean("calculate-tee-times", parent.calculateTeeTimes()),
                DhcpConfigElements.percent(node, "t1-percent", parent.t1Percent()),
                DhcpConfigElements.percent(node, "t2-percent", parent.t2Percent()),
                network == null ? null : node.getString("interface", parent.iface()), relays,
                network == null ? null : node.getString("client-class", parent.clientClass()), network,
                network == null ? List.of() : DhcpConfigElements.strings(node, "require-client-classes"),
                network == null ? parent.ddns() : DhcpConfigElements.ddnsParameters(node, parent.ddns()));
    }

    private static Inet4Address optionalV4(ConfigNode node, String key) throws ConfigException {
        Optional<ConfigNode> value = node.get(key);
        if (value.isEmpty() || value.get().asString().isBlank()) {
            return null;
        }
        try {
            return Addresses.parseV4(value.get().asString());
        } catch (IllegalArgumentException e) {
            throw value.get().error(e.getMessage());
        }
    }

    private static List<OptionDataConfig> optionData(ConfigNode node) throws ConfigException {
        Optional<ConfigNode> list = node.get("option-data");
        return list.isPresent() ? OptionDataConfig.parseList(list.get(), "dhcp4", 255) : List.of();
    }

    private static Map<String, Dhcp4Config.ClientClassConfig> clientClasses(ConfigNode dhcp4, List<OptionDefConfig> defs)
            throws ConfigException {
        Map<String, Dhcp4Config.ClientClassConfig> classes = new LinkedHashMap<>();
        Optional<ConfigNode> list = dhcp4.get("client-classes");
        if (list.isEmpty()) {
            return classes;
        }
        for (ConfigNode entry : list.get().elements()) {
            entry.expectMap().checkKeys(CLASS_KEYS);
            String name = entry.require("name").asString();
            if (name.isBlank()) {
                throw entry.require("name").error("client class name must not be empty");
            }
            List<OptionDefConfig> classDefs = entry.get("option-def").isPresent()
                    ? OptionDefConfig.parseList(entry.require("option-def"), "dhcp4", 254) : List.of();
            org.kea4j.dhcpsrv.cfg.ClassExpression test = DhcpConfigElements.classTest(entry,
                    org.kea4j.dhcp.OptionDefinitions.standard4(), defs, "dhcp4");
            if (classes.containsKey(name)) {
                throw entry.error("client class '" + name + "' is defined twice");
            }
            classes.put(name, new Dhcp4Config.ClientClassConfig(name, test, optionData(entry),
                    optionalV4(entry, "next-server"),
                    entry.getString("server-hostname", null), entry.getString("boot-file-name", null),
                    entry.getBoolean("only-if-required", false), classDefs));
        }
        return classes;
    }

    private static Subnet4Config subnet(ConfigNode entry, long id, Globals globals) throws ConfigException {
        entry.checkKeys(SUBNET_KEYS);
        DhcpConfigElements.rejectUnsupported(entry, UNSUPPORTED);
        ConfigNode subnetNode = entry.require("subnet");
        Prefix prefix;
        try {
            prefix = Prefix.parse(subnetNode.asString());
        } catch (IllegalArgumentException e) {
            throw subnetNode.error("invalid subnet: " + e.getMessage());
        }
        if (!prefix.isV4()) {
            throw subnetNode.error("'" + prefix + "' is not an IPv4 subnet");
        }
        List<PoolConfig> pools = new ArrayList<>();
        Optional<ConfigNode> poolList = entry.get("pools");
        if (poolList.isPresent()) {
            for (ConfigNode poolNode : poolList.get().elements()) {
                PoolConfig pool = pool(poolNode, prefix);
                for (PoolConfig other : pools) {
                    if (other.range().overlaps(pool.range())) {
                        throw poolNode.error("pool " + pool.range() + " overlaps pool " + other.range()
                                + " of the same subnet");
                    }
                }
                pools.add(pool);
            }
        }
        long valid = entry.getLong("valid-lifetime", 0, 0xFFFF_FFFFL, globals.validLifetime());
        DhcpConfigElements.lifetimeBounds(entry, "valid-lifetime", valid);
        OptionalLong renew = entry.has("renew-timer") ? OptionalLong.of(entry.require("renew-timer").asUint32())
                : globals.renew();
        OptionalLong rebind = entry.has("rebind-timer") ? OptionalLong.of(entry.require("rebind-timer").asUint32())
                : globals.rebind();
        DhcpConfigElements.timers(entry, renew, rebind);
        if (renew.isEmpty() && entry.getBoolean("calculate-tee-times", globals.calculateTeeTimes())) {
            renew = OptionalLong.of((long) (valid * DhcpConfigElements.percent(entry, "t1-percent", globals.t1Percent())));
        }
        if (rebind.isEmpty() && entry.getBoolean("calculate-tee-times", globals.calculateTeeTimes())) {
            rebind = OptionalLong.of((long) (valid * DhcpConfigElements.percent(entry, "t2-percent", globals.t2Percent())));
        }
        List<InetAddress> relays = entry.has("relay") ? DhcpConfigElements.relays(entry, false) : globals.relays();
        Inet4Address nextServer = entry.has("next-server") ? optionalV4(entry, "next-server") : globals.nextServer();
        List<Reservation4Config> reservations = entry.get("reservations").isPresent()
                ? reservations(entry.require("reservations"), prefix) : List.of();
        DhcpConfigElements.ddnsBehaviour(entry);
        DdnsParameters ddns = DhcpConfigElements.ddnsParameters(entry, globals.ddns());
        return new Subnet4Config(id, prefix, pools, valid, renew, rebind, optionData(entry),
                entry.getString("interface", globals.iface()), entry.getString("client-class", globals.clientClass()),
                relays, nextServer,
                entry.getString("server-hostname", globals.serverHostname()),
                entry.getString("boot-file-name", globals.bootFileName()),
                entry.getBoolean("match-client-id", globals.matchClientId()),
                entry.getBoolean("authoritative", globals.authoritative()), reservations,
                DhcpConfigElements.reservationFlags(entry, globals.reservations()), globals.sharedNetwork(),
                DhcpConfigElements.requiredClasses(globals.requiredClasses(), entry), ddns);
    }

    private static PoolConfig pool(ConfigNode poolNode, Prefix prefix) throws ConfigException {
        poolNode.expectMap().checkKeys(POOL_KEYS);
        DhcpConfigElements.rejectUnsupported(poolNode, UNSUPPORTED);
        ConfigNode rangeNode = poolNode.require("pool");
        AddressRange range;
        try {
            range = AddressRange.parse(rangeNode.asString());
        } catch (IllegalArgumentException e) {
            throw rangeNode.error("invalid pool: " + e.getMessage());
        }
        if (!(range.first() instanceof Inet4Address)) {
            throw rangeNode.error("pool " + range + " is not IPv4");
        }
        if (!range.within(prefix)) {
            throw rangeNode.error("pool " + range + " is outside the subnet " + prefix);
        }
        return new PoolConfig(range, optionData(poolNode), poolNode.getString("client-class", null),
                DhcpConfigElements.strings(poolNode, "require-client-classes"));
    }

    private static List<Reservation4Config> reservations(ConfigNode list, Prefix prefix) throws ConfigException {
        List<Reservation4Config> out = new ArrayList<>();
        Set<HostIdentifier> seen = new HashSet<>();
        Set<InetAddress> addresses = new HashSet<>();
        for (ConfigNode entry : list.elements()) {
            entry.expectMap().checkKeys(RESERVATION_KEYS);
            HostIdentifier identifier = DhcpConfigElements.hostIdentifier(entry, List.of(
                    HostIdentifier.Type.HW_ADDRESS, HostIdentifier.Type.CLIENT_ID, HostIdentifier.Type.DUID,
                    HostIdentifier.Type.CIRCUIT_ID, HostIdentifier.Type.FLEX_ID));
            if (!seen.add(identifier)) {
                throw entry.error("more than one reservation for " + identifier);
            }
            Inet4Address address = optionalV4(entry, "ip-address");
            if (address != null) {
                if (prefix != null && !prefix.contains(address)) {
                    throw entry.require("ip-address").error("reserved address " + address.getHostAddress()
                            + " is outside the subnet " + prefix);
                }
                if (!addresses.add(address)) {
                    throw entry.require("ip-address").error("address " + address.getHostAddress() + " is reserved twice");
                }
            }
            List<String> classes = DhcpConfigElements.strings(entry, "client-classes");
            String hostname = entry.getString("hostname", null);
            out.add(new Reservation4Config(identifier, address, hostname == null || hostname.isEmpty() ? null : hostname,
                    optionData(entry), optionalV4(entry, "next-server"), entry.getString("server-hostname", null),
                    entry.getString("boot-file-name", null), classes));
        }
        return out;
    }
}
