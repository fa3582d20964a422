package org.kea4j.dhcp6.internal;

import org.kea4j.dhcpsrv.DdnsParameters;
import java.net.Inet6Address;
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
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcpsrv.AddressRange;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.cfg.DhcpConfigElements;
import org.kea4j.dhcpsrv.cfg.SectionElements;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.cfg.OptionDataConfig;
import org.kea4j.dhcpsrv.cfg.OptionDefConfig;
import org.kea4j.dhcpsrv.cfg.PdPoolConfig;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.ReservationFlags;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;

/**
 * Parses the {@code Dhcp6} element: Kea 0.9's keys and the Kea 2.x keys users of today write; anything else
 * is an error naming the element and its line, and 2.x features kea4j does not implement are named.
 */
final class Dhcp6ConfigParser {

    static final Set<String> GLOBAL_KEYS = Set.of("interfaces-config", "interfaces", "lease-database",
            "preferred-lifetime", "min-preferred-lifetime", "max-preferred-lifetime", "valid-lifetime",
            "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer", "subnet6", "option-data",
            "option-def", "hooks-libraries", "dhcp-ddns", "mac-sources", "relay-supplied-options", "control-socket", "control-sockets",
            "version", "loggers", "server-id", "decline-probation-period", "expired-leases-processing",
            "client-classes", "host-reservation-identifiers", "reservation-mode", "reservations-global",
            "reservations-in-subnet", "reservations-out-of-pool", "reservations", "sanity-checks", "multi-threading",
            "server-tag", "dhcp-queue-control", "statistic-default-sample-count", "statistic-default-sample-age",
            "calculate-tee-times", "t1-percent", "t2-percent", "hostname-char-set", "hostname-char-replacement",
            "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
            "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
            "store-extended-info", "cache-threshold", "cache-max-age", "parked-packet-limit", "ip-reservations-unique",
            "early-global-reservations-lookup", "reservations-lookup-first", "data-directory",
            "shared-networks", "hosts-database", "hosts-databases", "config-control", "dhcp4o6-port");

    static final Set<String> UNSUPPORTED = Set.of("config-control", "dhcp4o6-port");

    private static final Set<String> SUBNET_KEYS = Set.of("id", "subnet", "pools", "pd-pools", "option-data",
            "preferred-lifetime", "min-preferred-lifetime", "max-preferred-lifetime", "valid-lifetime",
            "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer", "interface", "interface-id",
            "client-class", "require-client-classes", "relay", "rapid-commit", "reservations", "reservation-mode",
            "reservations-global", "reservations-in-subnet", "reservations-out-of-pool", "calculate-tee-times",
            "t1-percent", "t2-percent", "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update",
            "ddns-replace-client-name", "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew",
            "ddns-use-conflict-resolution", "hostname-char-set", "hostname-char-replacement", "store-extended-info",
            "cache-threshold", "cache-max-age");
    /** A shared network: its name, its subnets, and the parameters they inherit (Kea 2.2's list). */
    private static final Set<String> SHARED_NETWORK_KEYS = Set.of("name", "subnet6", "interface", "interface-id",
            "relay", "option-data", "preferred-lifetime", "min-preferred-lifetime", "max-preferred-lifetime",
            "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer", "rapid-commit",
            "client-class", "require-client-classes", "reservation-mode", "reservations-global",
            "reservations-in-subnet", "reservations-out-of-pool", "calculate-tee-times", "t1-percent", "t2-percent",
            "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
            "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
            "hostname-char-set", "hostname-char-replacement", "store-extended-info", "cache-threshold",
            "cache-max-age");
    private static final Set<String> POOL_KEYS = Set.of("pool", "option-data", "client-class", "require-client-classes");
    private static final Set<String> PD_POOL_KEYS = Set.of("prefix", "prefix-len", "delegated-len", "option-data",
            "client-class", "require-client-classes", "excluded-prefix", "excluded-prefix-len");
    private static final Set<String> RESERVATION_KEYS = Set.of("duid", "hw-address", "flex-id", "ip-addresses",
            "prefixes", "hostname", "option-data", "client-classes");
    private static final Set<String> CLASS_KEYS = Set.of("name", "test", "option-data", "option-def",
            "only-if-required", "preferred-lifetime", "min-preferred-lifetime", "max-preferred-lifetime",
            "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime");
    private static final Set<String> SERVER_ID_KEYS = Set.of("type", "identifier", "time", "htype", "enterprise-id",
            "persist");
    private static final Set<String> MAC_SOURCES = Set.of("any", "raw", "duid", "ipv6-link-local",
            "client-link-addr-option", "rfc6939", "remote-id", "rfc4649", "subscriber-id", "rfc4580", "docsis-cmts",
            "docsis-modem");
    private static final long MAX_SUBNET_ID = 0xFFFF_FFFEL;

    /**
     * Settings a subnet inherits unless it overrides them: the global ones, or those of its shared network
     * (which inherits the global ones in turn).
     */
    private record Globals(long preferred, long valid, OptionalLong renew, OptionalLong rebind, boolean rapidCommit,
            ReservationFlags reservations, boolean calculateTeeTimes, double t1Percent, double t2Percent,
            String iface, String interfaceId, List<InetAddress> relays, String clientClass, String sharedNetwork,
            List<String> requiredClasses, DdnsParameters ddns) {
    }

    /** How DHCPv6 subnets and what they inherit are parsed, for the parts both sections share. */
    private static final SectionElements.Family<Globals, Subnet6Config> FAMILY = new SectionElements.Family<>(
            Dhcp6ConfigParser::inherit, Dhcp6ConfigParser::subnet, Dhcp6ConfigParser::optionData);

    private Dhcp6ConfigParser() {
    }

    static Dhcp6Config parse(ConfigNode dhcp6, ConfigContext context) throws ConfigException {
        dhcp6.expectMap().checkKeys(GLOBAL_KEYS);
        DhcpConfigElements.rejectUnsupported(dhcp6, UNSUPPORTED);
        InterfacesConfig interfaces = SectionElements.interfaces(dhcp6, false);
        DbAccess leaseDatabase = SectionElements.leaseDatabase(dhcp6);
        Globals globals = globals(dhcp6);
        List<OptionDefConfig> defs = dhcp6.get("option-def").isPresent()
                ? OptionDefConfig.parseList(dhcp6.require("option-def"), "dhcp6", 65535) : List.of();
        List<OptionDataConfig> options = optionData(dhcp6);
        Map<String, Dhcp6Config.ClientClassConfig> classes = clientClasses(dhcp6, defs);
        SectionElements.Subnets<Subnet6Config> subnets = SectionElements.subnets(dhcp6, "subnet6",
                SHARED_NETWORK_KEYS, UNSUPPORTED, MAX_SUBNET_ID, globals, FAMILY);
        List<Reservation6Config> globalReservations = dhcp6.get("reservations").isPresent()
                ? reservations(dhcp6.require("reservations"), null) : List.of();
        long declineProbation = dhcp6.getLong("decline-probation-period", 0, 0xFFFF_FFFFL, 86400);
        DhcpConfigElements.Expiration expiration = DhcpConfigElements.expiration(dhcp6);
        Optional<ConfigNode> ids = dhcp6.get("host-reservation-identifiers");
        if (ids.isPresent()) {
            for (ConfigNode id : ids.get().elements()) {
                String type = id.asString();
                if (!Set.of("duid", "hw-address", "flex-id").contains(type)) {
                    throw id.error("unsupported host reservation identifier '" + type + "'");
                }
            }
        }
        Optional<ConfigNode> macSources = dhcp6.get("mac-sources");
        if (macSources.isPresent()) {
            for (ConfigNode m : macSources.get().elements()) {
                if (!MAC_SOURCES.contains(m.asString())) {
                    throw m.error("unknown mac-source '" + m.asString() + "'");
                }
            }
        }
        List<Integer> rsoo = new ArrayList<>();
        Optional<ConfigNode> rsooNode = dhcp6.get("relay-supplied-options");
        if (rsooNode.isPresent()) {
            for (ConfigNode c : rsooNode.get().elements()) {
                rsoo.add(c.json().isNumber() ? c.asInt(1, 65535) : parseCode(c));
            }
        }
        Map<String, Object> ddns = SectionElements.dhcpDdns(dhcp6);
        DhcpConfigElements.compatibilityKeys(dhcp6);
        List<HooksLibraryConfig> hooks = SectionElements.hooksLibraries(dhcp6);
        ServerControlSockets socket = ServerControlSockets.of(dhcp6);
        List<LoggerConfig> loggers = SectionElements.loggers(dhcp6);
        return new Dhcp6Config(interfaces, leaseDatabase, subnets.subnets(), subnets.networks(), options, defs, classes,
                serverId(dhcp6), declineProbation, expiration, globalReservations, List.copyOf(rsoo),
                dhcp6.getString("data-directory", null), ddns, hooks, socket, loggers,
                context.serverPort().orElse(Dhcp6Config.DEFAULT_PORT), DhcpConfigElements.hostDatabases(dhcp6),
                DhcpConfigElements.multiThreading(dhcp6));
    }

    private static int parseCode(ConfigNode c) throws ConfigException {
        try {
            int code = Integer.parseInt(c.asString().trim());
            if (code < 1 || code > 65535) {
                throw c.error("option code " + code + " out of range");
            }
            return code;
        } catch (NumberFormatException e) {
            throw c.error("'" + c.asString() + "' is not an option code");
        }
    }

    private static Globals globals(ConfigNode dhcp6) throws ConfigException {
        return inherit(dhcp6, new Globals(3600, 7200, OptionalLong.empty(), OptionalLong.empty(), false,
                ReservationFlags.DEFAULT, true, 0.5, 0.8, null, null, List.of(), null, null, List.of(),
                DhcpConfigElements.globalDdnsParameters(dhcp6)), null);
    }

    /** Refuses a shared network or subnet that names both an {@code interface} and an {@code interface-id}. */
    private static void oneInterfaceKey(ConfigNode node) throws ConfigException {
        if (node.has("interface") && node.has("interface-id")) {
            throw node.error("'interface' and 'interface-id' are mutually exclusive");
        }
    }

    /** The settings of a server element or a shared network ({@code network} its name), over its parent's. */
    private static Globals inherit(ConfigNode node, Globals parent, String network) throws ConfigException {
        if (network != null) {
            oneInterfaceKey(node);
        }
        long valid = node.getLong("valid-lifetime", 0, 0xFFFF_FFFFL, parent.valid());
        DhcpConfigElements.lifetimeBounds(node, "valid-lifetime", valid);
        long preferred = node.getLong("preferred-lifetime", 0, 0xFFFF_FFFFL, Math.min(parent.preferred(), valid));
        DhcpConfigElements.lifetimeBounds(node, "preferred-lifetime", preferred);
        OptionalLong renew = node.has("renew-timer") ? DhcpConfigElements.optionalUint32(node, "renew-timer")
                : parent.renew();
        OptionalLong rebind = node.has("rebind-timer") ? DhcpConfigElements.optionalUint32(node, "rebind-timer")
                : parent.rebind();
        DhcpConfigElements.timers(node, renew, rebind);
        List<InetAddress> relays = node.has("relay") ? DhcpConfigElements.relays(node, true) : parent.relays();
        return new Globals(preferred, valid, renew, rebind, node.getBoolean("rapid-commit", parent.rapidCommit()),
                DhcpConfigElements.reservationFlags(node, parent.reservations()),
                node.getBoolean("calculate-tee-times", parent.calculateTeeTimes()),
                DhcpConfigElements.percent(node, "t1-percent", parent.t1Percent()),
                DhcpConfigElements.percent(node, "t2-percent", parent.t2Percent()),
                network == null ? null : node.getString("interface", parent.iface()),
                network == null ? null : node.getString("interface-id", parent.interfaceId()), relays,
                network == null ? null : node.getString("client-class", parent.clientClass()), network,
                network == null ? List.of() : DhcpConfigElements.strings(node, "require-client-classes"),
                network == null ? parent.ddns() : DhcpConfigElements.ddnsParameters(node, parent.ddns()));
    }

    private static Dhcp6Config.ServerIdConfig serverId(ConfigNode dhcp6) throws ConfigException {
        Optional<ConfigNode> node = dhcp6.get("server-id");
        if (node.isEmpty()) {
            return Dhcp6Config.ServerIdConfig.DEFAULT;
        }
        ConfigNode m = node.get().expectMap().checkKeys(SERVER_ID_KEYS);
        String type = m.getString("type", "LLT");
        if (!Set.of("LLT", "EN", "LL").contains(type)) {
            throw m.require("type").error("server-id type must be LLT, EN or LL, not '" + type + "'");
        }
        byte[] identifier = null;
        String id = m.getString("identifier", "");
        if (!id.isEmpty()) {
            try {
                identifier = Hex.parse(id);
            } catch (IllegalArgumentException e) {
                throw m.require("identifier").error("invalid identifier: " + e.getMessage());
            }
        }
        return new Dhcp6Config.ServerIdConfig(type, identifier, m.getLong("time", 0, 0xFFFF_FFFFL, -1),
                (int) m.getLong("htype", 0, 0xFFFF, -1), m.getLong("enterprise-id", 0, 0xFFFF_FFFFL, -1),
                m.getBoolean("persist", true));
    }

    private static List<OptionDataConfig> optionData(ConfigNode node) throws ConfigException {
        Optional<ConfigNode> list = node.get("option-data");
        return list.isPresent() ? OptionDataConfig.parseList(list.get(), "dhcp6", 65535) : List.of();
    }

    private static Map<String, Dhcp6Config.ClientClassConfig> clientClasses(ConfigNode dhcp6, List<OptionDefConfig> defs)
            throws ConfigException {
        Map<String, Dhcp6Config.ClientClassConfig> classes = new LinkedHashMap<>();
        Optional<ConfigNode> list = dhcp6.get("client-classes");
        if (list.isEmpty()) {
            return classes;
        }
        for (ConfigNode entry : list.get().elements()) {
            entry.expectMap().checkKeys(CLASS_KEYS);
            String name = entry.require("name").asString();
            List<OptionDefConfig> classDefs = entry.get("option-def").isPresent()
                    ? OptionDefConfig.parseList(entry.require("option-def"), "dhcp6", 65535) : List.of();
            org.kea4j.dhcpsrv.cfg.ClassExpression test = DhcpConfigElements.classTest(entry,
                    org.kea4j.dhcp.OptionDefinitions.standard6(), defs, "dhcp6");
            if (classes.put(name, new Dhcp6Config.ClientClassConfig(name, test, optionData(entry),
                    entry.getBoolean("only-if-required", false), classDefs)) != null) {
                throw entry.error("client class '" + name + "' is defined twice");
            }
        }
        return classes;
    }

    private static Subnet6Config subnet(ConfigNode entry, long id, Globals globals) throws ConfigException {
        entry.checkKeys(SUBNET_KEYS);
        DhcpConfigElements.rejectUnsupported(entry, UNSUPPORTED);
        ConfigNode subnetNode = entry.require("subnet");
        Prefix prefix;
        try {
            prefix = Prefix.parse(subnetNode.asString());
        } catch (IllegalArgumentException e) {
            throw subnetNode.error("invalid subnet: " + e.getMessage());
        }
        if (prefix.isV4()) {
            throw subnetNode.error("'" + prefix + "' is not an IPv6 subnet");
        }
        List<PoolConfig> pools = new ArrayList<>();
        if (entry.get("pools").isPresent()) {
            for (ConfigNode p : entry.require("pools").elements()) {
                p.expectMap().checkKeys(POOL_KEYS);
                DhcpConfigElements.rejectUnsupported(p, UNSUPPORTED);
                AddressRange range;
                try {
                    range = AddressRange.parse(p.require("pool").asString());
                } catch (IllegalArgumentException e) {
                    throw p.require("pool").error("invalid pool: " + e.getMessage());
                }
                if (!(range.first() instanceof Inet6Address) || !range.within(prefix)) {
                    throw p.require("pool").error("pool " + range + " is not inside the subnet " + prefix);
                }
                for (PoolConfig other : pools) {
                    if (other.range().overlaps(range)) {
                        throw p.error("pool " + range + " overlaps pool " + other.range());
                    }
                }
                pools.add(new PoolConfig(range, optionData(p), p.getString("client-class", null),
                        DhcpConfigElements.strings(p, "require-client-classes")));
            }
        }
        List<PdPoolConfig> pdPools = new ArrayList<>();
        if (entry.get("pd-pools").isPresent()) {
            for (ConfigNode p : entry.require("pd-pools").elements()) {
                p.expectMap().checkKeys(PD_POOL_KEYS);
                DhcpConfigElements.rejectUnsupported(p, UNSUPPORTED);
                int length = p.require("prefix-len").asInt(1, 128);
                int delegated = p.require("delegated-len").asInt(1, 128);
                Prefix pool;
                try {
                    pool = new Prefix(Addresses.parseV6(p.require("prefix").asString()), length);
                } catch (IllegalArgumentException e) {
                    throw p.require("prefix").error("invalid prefix: " + e.getMessage());
                }
                if (delegated < length) {
                    throw p.require("delegated-len").error("delegated-len " + delegated
                            + " is shorter than prefix-len " + length);
                }
                for (PdPoolConfig other : pdPools) {
                    if (other.prefix().overlaps(pool)) {
                        throw p.error("pd-pool " + pool + " overlaps pd-pool " + other.prefix());
                    }
                }
                pdPools.add(pdPool(p, pool, delegated));
            }
        }
        long valid = entry.getLong("valid-lifetime", 0, 0xFFFF_FFFFL, globals.valid());
        DhcpConfigElements.lifetimeBounds(entry, "valid-lifetime", valid);
        long preferred = entry.getLong("preferred-lifetime", 0, 0xFFFF_FFFFL, Math.min(globals.preferred(), valid));
        DhcpConfigElements.lifetimeBounds(entry, "preferred-lifetime", preferred);
        OptionalLong renew = entry.has("renew-timer") ? OptionalLong.of(entry.require("renew-timer").asUint32())
                : globals.renew();
        OptionalLong rebind = entry.has("rebind-timer") ? OptionalLong.of(entry.require("rebind-timer").asUint32())
                : globals.rebind();
        DhcpConfigElements.timers(entry, renew, rebind);
        boolean calculate = entry.getBoolean("calculate-tee-times", globals.calculateTeeTimes());
        long t1 = renew.orElse(calculate ? (long) (preferred * DhcpConfigElements.percent(entry, "t1-percent",
                globals.t1Percent())) : 0);
        long t2 = rebind.orElse(calculate ? (long) (preferred * DhcpConfigElements.percent(entry, "t2-percent",
                globals.t2Percent())) : 0);
        oneInterfaceKey(entry);
        String interfaceIdText = entry.getString("interface-id", globals.interfaceId());
        byte[] interfaceId = interfaceIdText == null ? null
                : interfaceIdText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DhcpConfigElements.ddnsBehaviour(entry);
        List<Reservation6Config> reservations = entry.get("reservations").isPresent()
                ? reservations(entry.require("reservations"), prefix) : List.of();
        return new Subnet6Config(id, prefix, pools, pdPools, preferred, valid, t1, t2, optionData(entry),
                entry.getString("interface", globals.iface()), interfaceId,
                entry.getString("client-class", globals.clientClass()),
                entry.has("relay") ? DhcpConfigElements.relays(entry, true) : globals.relays(),
                entry.getBoolean("rapid-commit", globals.rapidCommit()), reservations,
                DhcpConfigElements.reservationFlags(entry, globals.reservations()), globals.sharedNetwork(),
                DhcpConfigElements.requiredClasses(globals.requiredClasses(), entry),
                DhcpConfigElements.ddnsParameters(entry, globals.ddns()));
    }

    /** A pd-pool's classes and RFC 6603 excluded prefix ({@code excluded-prefix} with {@code excluded-prefix-len}). */
    private static PdPoolConfig pdPool(ConfigNode p, Prefix pool, int delegated) throws ConfigException {
        Prefix excluded = null;
        if (p.has("excluded-prefix") || p.has("excluded-prefix-len")) {
            ConfigNode lengthNode = p.require("excluded-prefix-len");
            InetAddress address;
            try {
                address = Addresses.parseV6(p.require("excluded-prefix").asString());
            } catch (IllegalArgumentException e) {
                throw p.require("excluded-prefix").error("invalid excluded-prefix: " + e.getMessage());
            }
            int length = lengthNode.asInt(1, 128);
            if (length <= delegated) {
                throw lengthNode.error("excluded-prefix-len " + length + " must be greater than delegated-len "
                        + delegated);
            }
            // the bits past the length are ignored, as Kea does (its example writes 2001:db8:1:8000:cafe:80::/72)
            java.math.BigInteger hostBits = java.math.BigInteger.ONE.shiftLeft(128 - length).subtract(java.math.BigInteger.ONE);
            excluded = new Prefix(Addresses.fromBigInteger(Addresses.toBigInteger(address).andNot(hostBits), false),
                    length);
        }
        try {
            return new PdPoolConfig(pool, delegated, optionData(p), p.getString("client-class", null),
                    DhcpConfigElements.strings(p, "require-client-classes"), excluded);
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    private static List<Reservation6Config> reservations(ConfigNode list, Prefix subnet) throws ConfigException {
        List<Reservation6Config> out = new ArrayList<>();
        Set<HostIdentifier> seen = new HashSet<>();
        for (ConfigNode entry : list.elements()) {
            entry.expectMap().checkKeys(RESERVATION_KEYS);
            HostIdentifier identifier = DhcpConfigElements.hostIdentifier(entry, List.of(HostIdentifier.Type.DUID,
                    HostIdentifier.Type.HW_ADDRESS, HostIdentifier.Type.FLEX_ID));
            if (!seen.add(identifier)) {
                throw entry.error("more than one reservation for " + identifier);
            }
            List<Inet6Address> addresses = new ArrayList<>();
            if (entry.get("ip-addresses").isPresent()) {
                for (ConfigNode a : entry.require("ip-addresses").elements()) {
                    try {
                        Inet6Address address = Addresses.parseV6(a.asString());
                        if (subnet != null && !subnet.contains(address)) {
                            throw a.error("reserved address " + a.asString() + " is outside the subnet " + subnet);
                        }
                        addresses.add(address);
                    } catch (IllegalArgumentException e) {
                        throw a.error("invalid address: " + e.getMessage());
                    }
                }
            }
            List<Prefix> prefixes = new ArrayList<>();
            if (entry.get("prefixes").isPresent()) {
                for (ConfigNode p : entry.require("prefixes").elements()) {
                    try {
                        Prefix prefix = Prefix.parse(p.asString());
                        if (prefix.isV4()) {
                            throw p.error("'" + p.asString() + "' is not an IPv6 prefix");
                        }
                        prefixes.add(prefix);
                    } catch (IllegalArgumentException e) {
                        throw p.error("invalid prefix: " + e.getMessage());
                    }
                }
            }
            List<String> classes = DhcpConfigElements.strings(entry, "client-classes");
            String hostname = entry.getString("hostname", null);
            out.add(new Reservation6Config(identifier, addresses, prefixes, hostname == null || hostname.isEmpty() ? null
                    : hostname, optionData(entry), classes));
        }
        return out;
    }
}
