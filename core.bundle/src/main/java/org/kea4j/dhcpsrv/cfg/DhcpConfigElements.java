package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.HostIdentifier;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;

/**
 * Elements the {@code Dhcp4} and {@code Dhcp6} sections share: lifetimes and timers, reservation flags,
 * {@code expired-leases-processing}, {@code relay}, the Kea 2.x keys accepted for compatibility, and the
 * keys kea4j refuses by name.
 */
public final class DhcpConfigElements {

    private static final Set<String> EXPIRATION_KEYS = Set.of("reclaim-timer-wait-time",
            "flush-reclaimed-timer-wait-time", "hold-reclaimed-time", "max-reclaim-leases", "max-reclaim-time",
            "unwarned-reclaim-cycles");

    private DhcpConfigElements() {
    }

    /**
     * {@code expired-leases-processing}, with Kea's defaults.
     *
     * @param reclaimTimerWaitTime        seconds between reclamation runs (0 = never)
     * @param flushReclaimedTimerWaitTime seconds between removals of reclaimed leases (0 = remove at once)
     * @param holdReclaimedTime           seconds a reclaimed lease is kept
     * @param maxReclaimLeases            leases per run (0 = all)
     */
    public record Expiration(long reclaimTimerWaitTime, long flushReclaimedTimerWaitTime, long holdReclaimedTime,
            long maxReclaimLeases) {
        public static final Expiration DEFAULT = new Expiration(10, 25, 3600, 100);
    }

    /** Parses {@code expired-leases-processing} of a server element (defaults when absent). */
    public static Expiration expiration(ConfigNode server) throws ConfigException {
        Optional<ConfigNode> node = server.get("expired-leases-processing");
        if (node.isEmpty()) {
            return Expiration.DEFAULT;
        }
        ConfigNode e = node.get().expectMap().checkKeys(EXPIRATION_KEYS);
        e.getLong("max-reclaim-time", 0, 0xFFFF_FFFFL, 250);
        e.getLong("unwarned-reclaim-cycles", 0, 0xFFFF_FFFFL, 5);
        return new Expiration(e.getLong("reclaim-timer-wait-time", 0, 0xFFFF_FFFFL, 10),
                e.getLong("flush-reclaimed-timer-wait-time", 0, 0xFFFF_FFFFL, 25),
                e.getLong("hold-reclaimed-time", 0, 0xFFFF_FFFFL, 3600),
                e.getLong("max-reclaim-leases", 0, 0xFFFF_FFFFL, 100));
    }

    /**
     * {@code multi-threading}: the packet workers. kea4j always handles packets on several threads (the packets of
     * one client one at a time); {@code enable-multi-threading} (default true, as from Kea 2.4) decides whether
     * {@code thread-pool-size} and {@code packet-queue-size} apply, as in Kea, where they are ignored when it is false.
     *
     * @param threads       worker threads (thread-pool-size; 0 when not set: one per core, at least two)
     * @param queueCapacity packets that may wait for a worker before the oldest is dropped (packet-queue-size, Kea's
     *                      default 64; 0 no limit; -1 when not set: kea4j's default, see PacketWorkers)
     */
    public record MultiThreading(int threads, int queueCapacity) {
        /** No {@code multi-threading} element, or one that is disabled. */
        public static final MultiThreading DEFAULT = new MultiThreading(0, -1);

        /** Most worker threads a configuration may ask for. */
        public static final int MAX_THREADS = 1024;

        /** The worker threads to run. */
        public int workerThreads() {
            return threads == 0 ? org.kea4j.dhcp.transport.PacketWorkers.defaultCount() : threads;
        }

        /** The packets that may wait (0: no limit but the wait). */
        public int queueLimit() {
            return queueCapacity < 0 ? org.kea4j.dhcp.transport.PacketWorkers.DEFAULT_QUEUE_CAPACITY : queueCapacity;
        }
    }

    /**
     * Whether a server's configuration lets its receiving thread handle packets itself once warm
     * ({@link org.kea4j.dhcp.transport.PacketWorkers#handleDirectlyWhen}): the workers are kea4j's own choice (no
     * {@code multi-threading} sizing them), the leases are in memory (memfile) and no host database is configured,
     * so that nothing a packet calls waits for a server elsewhere. Hook libraries are the server's to check.
     */
    public static boolean packetsWaitForNothing(MultiThreading multiThreading, org.kea4j.dhcpsrv.leasemgr.DbAccess leases,
            List<org.kea4j.dhcpsrv.leasemgr.DbAccess> hostDatabases) {
        return multiThreading.equals(MultiThreading.DEFAULT) && "memfile".equals(leases.type())
                && hostDatabases.isEmpty();
    }

    private static final Set<String> MULTI_THREADING_KEYS = Set.of("enable-multi-threading", "thread-pool-size",
            "packet-queue-size");

    /** Parses {@code multi-threading} of a server element ({@link MultiThreading#DEFAULT} when absent). */
    public static MultiThreading multiThreading(ConfigNode server) throws ConfigException {
        Optional<ConfigNode> node = server.get("multi-threading");
        if (node.isEmpty()) {
            return MultiThreading.DEFAULT;
        }
        ConfigNode mt = node.get().expectMap().checkKeys(MULTI_THREADING_KEYS);
        boolean enabled = mt.getBoolean("enable-multi-threading", true);
        long threads = mt.getLong("thread-pool-size", 0, MultiThreading.MAX_THREADS, 0);
        long queue = mt.getLong("packet-queue-size", 0, 0xFFFF_FFFFL, 64);
        return enabled ? new MultiThreading((int) threads, (int) Math.min(queue, Integer.MAX_VALUE))
                : MultiThreading.DEFAULT;
    }

    /**
     * One element of {@code shared-networks}.
     *
     * @param name    its name (present, not empty, unique among the networks)
     * @param node    the element
     * @param subnets its subnet elements ({@code subnet4} / {@code subnet6})
     */
    public record NetworkElement(String name, ConfigNode node, List<ConfigNode> subnets) {
    }

    /**
     * The {@code shared-networks} of a server element, checked as Kea checks them: known keys, a unique
     * non-empty name, and subnets whose {@code interface} (if they name one) is the network's.
     */
    public static List<NetworkElement> sharedNetworks(ConfigNode server, String subnetKey, Set<String> keys,
            Set<String> unsupported) throws ConfigException {
        Optional<ConfigNode> list = server.get("shared-networks");
        if (list.isEmpty()) {
            return List.of();
        }
        List<NetworkElement> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (ConfigNode network : list.get().elements()) {
            network.expectMap().checkKeys(keys);
            rejectUnsupported(network, unsupported);
            ConfigNode nameNode = network.require("name");
            String name = nameNode.asString();
            if (name.isBlank()) {
                throw nameNode.error("shared network name must not be empty");
            }
            if (!names.add(name)) {
                throw nameNode.error("shared network '" + name + "' is defined twice");
            }
            ddnsBehaviour(network);
            String iface = network.getString("interface", null);
            List<ConfigNode> subnets = network.get(subnetKey).isPresent() ? network.require(subnetKey).elements()
                    : List.of();
            for (ConfigNode subnet : subnets) {
                String own = subnet.expectMap().getString("interface", null);
                if (own != null && iface != null && !own.equals(iface)) {
                    throw subnet.require("interface").error("subnet interface " + own + " differs from the interface "
                            + iface + " of its shared network '" + name + "'");
                }
            }
            out.add(new NetworkElement(name, network, subnets));
        }
        return out;
    }

    /**
     * The ids of subnet elements, in order: an explicit {@code id} is kept (and must be unique), the others get
     * the lowest ids not taken, counting up, as Kea numbers them.
     */
    public static List<Long> subnetIds(List<ConfigNode> subnets, long maxId) throws ConfigException {
        Set<Long> explicit = new java.util.HashSet<>();
        for (ConfigNode entry : subnets) {
            Optional<ConfigNode> id = entry.expectMap().get("id");
            if (id.isPresent()) {
                long value = id.get().asLong(1, maxId);
                if (!explicit.add(value)) {
                    throw id.get().error("subnet id " + value + " is already in use by another subnet");
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        long next = 1;
        for (ConfigNode entry : subnets) {
            if (entry.has("id")) {
                ids.add(entry.require("id").asLong(1, maxId));
            } else {
                while (explicit.contains(next)) {
                    next++;
                }
                ids.add(next++);
            }
        }
        return ids;
    }

    /** Refuses a subnet whose prefix another subnet has already ({@code seen}: prefix to id, updated). */
    public static void uniquePrefix(ConfigNode subnet, org.kea4j.dhcpsrv.Prefix prefix, long id,
            java.util.Map<org.kea4j.dhcpsrv.Prefix, Long> seen) throws ConfigException {
        Long clash = seen.putIfAbsent(prefix, id);
        if (clash != null) {
            throw subnet.require("subnet").error("subnet " + prefix + " is configured twice (ids " + clash + " and " + id
                    + ")");
        }
    }

    /** Refuses, naming it, any of {@code keys} present in {@code map}. */
    public static void rejectUnsupported(ConfigNode map, Set<String> keys) throws ConfigException {
        for (String key : keys) {
            if (map.has(key) && !unset(map.require(key).json())) {
                throw map.require(key).error("'" + key + "' is not supported by kea4j");
            }
        }
    }

    /**
     * Whether an element holds its "not configured" value, as Kea's {@code config-get} / {@code config-write}
     * print every element ({@code "dhcp4o6-port": 0}, {@code "4o6-interface": ""}, {@code "hosts-databases": [ ]}):
     * such an element asks for nothing kea4j lacks. (An empty map is no such value: a database without a type.)
     */
    private static boolean unset(com.fasterxml.jackson.databind.JsonNode value) {
        return value.isNull() || (value.isNumber() && value.asLong() == 0) || (value.isTextual() && value.asText().isEmpty())
                || (value.isArray() && value.isEmpty());
    }

    /** A number in (0, 1) such as {@code t1-percent}, or the default. */
    public static double percent(ConfigNode node, String key, double defaultValue) throws ConfigException {
        Optional<ConfigNode> value = node.get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (!value.get().json().isNumber() || value.get().json().asDouble() <= 0 || value.get().json().asDouble() >= 1) {
            throw value.get().error(key + " must be a number between 0 and 1");
        }
        return value.get().json().asDouble();
    }

    /** Checks {@code min-<name>} ≤ value ≤ {@code max-<name>} ({@code name} is {@code valid-lifetime} ...). */
    public static void lifetimeBounds(ConfigNode node, String name, long value) throws ConfigException {
        long min = node.getLong("min-" + name, 0, 0xFFFF_FFFFL, value);
        long max = node.getLong("max-" + name, 0, 0xFFFF_FFFFL, value);
        if (min > value || value > max) {
            throw node.error(name + " " + value + " is not within [min-" + name + " " + min + ", max-" + name + " "
                    + max + "]");
        }
    }

    /** An optional unsigned 32-bit value. */
    public static OptionalLong optionalUint32(ConfigNode node, String key) throws ConfigException {
        Optional<ConfigNode> value = node.get(key);
        return value.isPresent() ? OptionalLong.of(value.get().asUint32()) : OptionalLong.empty();
    }

    /** Checks that T1 is not above T2. */
    public static void timers(ConfigNode node, OptionalLong renew, OptionalLong rebind) throws ConfigException {
        if (renew.isPresent() && rebind.isPresent() && renew.getAsLong() > rebind.getAsLong()) {
            throw node.require("renew-timer").error("the value of renew-timer (" + renew.getAsLong()
                    + ") is greater than the value of rebind-timer (" + rebind.getAsLong() + ")");
        }
    }

    /** {@code reservation-mode} (Kea 0.9 to 1.x) and the Kea 2.x flags, over the inherited ones. */
    public static ReservationFlags reservationFlags(ConfigNode node, ReservationFlags inherited) throws ConfigException {
        ReservationFlags flags = inherited;
        Optional<ConfigNode> mode = node.get("reservation-mode");
        if (mode.isPresent()) {
            try {
                flags = ReservationFlags.ofMode(mode.get().asString());
            } catch (IllegalArgumentException e) {
                throw mode.get().error(e.getMessage());
            }
        }
        return new ReservationFlags(node.getBoolean("reservations-global", flags.global()),
                node.getBoolean("reservations-in-subnet", flags.inSubnet()),
                node.getBoolean("reservations-out-of-pool", flags.outOfPool()));
    }

    /** {@code relay}: {@code ip-address} (Kea 0.9) or {@code ip-addresses} (Kea 1.4+). */
    public static List<InetAddress> relays(ConfigNode subnet, boolean v6) throws ConfigException {
        Optional<ConfigNode> relay = subnet.get("relay");
        if (relay.isEmpty()) {
            return List.of();
        }
        ConfigNode map = relay.get().expectMap().checkKeys(Set.of("ip-address", "ip-addresses"));
        if (map.has("ip-address") && map.has("ip-addresses")) {
            throw map.error("'ip-address' and 'ip-addresses' are mutually exclusive");
        }
        List<ConfigNode> nodes = new ArrayList<>();
        if (map.has("ip-address")) {
            nodes.add(map.require("ip-address"));
        } else if (map.has("ip-addresses")) {
            nodes.addAll(map.require("ip-addresses").elements());
        }
        List<InetAddress> out = new ArrayList<>();
        for (ConfigNode node : nodes) {
            try {
                out.add(v6 ? Addresses.parseV6(node.asString()) : Addresses.parseV4(node.asString()));
            } catch (IllegalArgumentException e) {
                throw node.error("invalid relay address: " + e.getMessage());
            }
        }
        return out;
    }

    /** The keys of {@code dhcp-ddns} that are Kea 2.x's connectivity settings, read by the DDNS hooks library. */
    public static final List<String> DHCP_DDNS_KEYS = List.of("enable-updates", "server-ip", "server-port",
            "sender-ip", "sender-port", "max-queue-size", "ncr-protocol", "ncr-format");
    /** Kea 0.9's behaviour keys inside {@code dhcp-ddns}, still read by Kea 2.x as deprecated aliases. */
    public static final List<String> DHCP_DDNS_09_KEYS = List.of("qualifying-suffix", "override-no-update",
            "override-client-update", "replace-client-name", "generated-prefix", "always-include-fqdn",
            "hostname-char-set", "hostname-char-replacement");
    /** The bundle that carries out DDNS for the DHCP servers, as a hooks library. */
    public static final String DDNS_LIBRARY = "org.kea4j.ddns";

    /**
     * The DDNS behaviour of a server element, shared network or subnet: its {@code ddns-*} keys over what it
     * inherits.
     */
    public static DdnsParameters ddnsParameters(ConfigNode node, DdnsParameters inherited) throws ConfigException {
        DdnsParameters.ReplaceClientName replace = inherited.replaceClientName();
        Optional<ConfigNode> replaceNode = node.get("ddns-replace-client-name");
        if (replaceNode.isPresent()) {
            try {
                replace = DdnsParameters.ReplaceClientName.of(replaceNode.get().asString());
            } catch (IllegalArgumentException e) {
                throw replaceNode.get().error(e.getMessage());
            }
        }
        String charSet = node.getString("hostname-char-set", inherited.hostnameCharSet());
        if (!charSet.isEmpty()) {
            try {
                java.util.regex.Pattern.compile(charSet);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw node.require("hostname-char-set").error("invalid regular expression: " + e.getDescription());
            }
        }
        return new DdnsParameters(node.getBoolean("ddns-send-updates", inherited.sendUpdates()),
                node.getBoolean("ddns-override-no-update", inherited.overrideNoUpdate()),
                node.getBoolean("ddns-override-client-update", inherited.overrideClientUpdate()), replace,
                node.getString("ddns-generated-prefix", inherited.generatedPrefix()),
                node.getString("ddns-qualifying-suffix", inherited.qualifyingSuffix()),
                node.getBoolean("ddns-update-on-renew", inherited.updateOnRenew()),
                node.getBoolean("ddns-use-conflict-resolution", inherited.useConflictResolution()), charSet,
                node.getString("hostname-char-replacement", inherited.hostnameCharReplacement()));
    }

    /**
     * The global DDNS behaviour of a server element: Kea's defaults, then Kea 0.9's names inside {@code dhcp-ddns}
     * ({@code replace-client-name} true meaning when-present), then the global {@code ddns-*} keys.
     */
    public static DdnsParameters globalDdnsParameters(ConfigNode server) throws ConfigException {
        DdnsParameters base = DdnsParameters.DEFAULTS;
        Optional<ConfigNode> ddns = server.get("dhcp-ddns");
        if (ddns.isPresent()) {
            ConfigNode d = ddns.get();
            List<String> allowed = new ArrayList<>(DHCP_DDNS_KEYS);
            allowed.addAll(DHCP_DDNS_09_KEYS);
            d.expectMap().checkKeys(allowed);
            DdnsParameters.ReplaceClientName replace = base.replaceClientName();
            Optional<ConfigNode> r = d.get("replace-client-name");
            if (r.isPresent()) {
                if (r.get().json().isBoolean()) {
                    replace = r.get().asBoolean() ? DdnsParameters.ReplaceClientName.WHEN_PRESENT
                            : DdnsParameters.ReplaceClientName.NEVER;
                } else {
                    try {
                        replace = DdnsParameters.ReplaceClientName.of(r.get().asString());
                    } catch (IllegalArgumentException e) {
                        throw r.get().error(e.getMessage());
                    }
                }
            }
            d.getBoolean("always-include-fqdn", false);
            base = new DdnsParameters(base.sendUpdates(), d.getBoolean("override-no-update", false),
                    d.getBoolean("override-client-update", false), replace,
                    d.getString("generated-prefix", base.generatedPrefix()),
                    d.getString("qualifying-suffix", base.qualifyingSuffix()), base.updateOnRenew(),
                    base.useConflictResolution(), d.getString("hostname-char-set", base.hostnameCharSet()),
                    d.getString("hostname-char-replacement", base.hostnameCharReplacement()));
        }
        return ddnsParameters(server, base);
    }

    /**
     * The host reservation databases of a server: {@code hosts-database} (one) and {@code hosts-databases} (a list),
     * in that order, as Kea 2.2 reads them. Only the SQL types hold reservations.
     */
    public static List<org.kea4j.dhcpsrv.leasemgr.DbAccess> hostDatabases(ConfigNode server) throws ConfigException {
        List<ConfigNode> nodes = new ArrayList<>();
        server.get("hosts-database").ifPresent(nodes::add);
        Optional<ConfigNode> list = server.get("hosts-databases");
        if (list.isPresent()) {
            nodes.addAll(list.get().elements());
        }
        List<org.kea4j.dhcpsrv.leasemgr.DbAccess> out = new ArrayList<>();
        for (ConfigNode node : nodes) {
            org.kea4j.dhcpsrv.leasemgr.DbAccess access = org.kea4j.dhcpsrv.leasemgr.DbAccess.parse(node);
            if (access.type().equals("memfile")) {
                throw node.error("a hosts database must be of type mysql or postgresql, not memfile");
            }
            if (access.get("name").isEmpty()) {
                throw node.error("must specify a name for the hosts database");
            }
            out.add(access);
        }
        return List.copyOf(out);
    }

    /** The Kea 2.x DDNS behaviour keys, checked (their effect belongs to the DDNS hooks library). */
    public static void ddnsBehaviour(ConfigNode node) throws ConfigException {
        ddnsParameters(node, DdnsParameters.DEFAULTS);
        if (node.has("cache-threshold")) {
            double v = node.require("cache-threshold").json().asDouble(-1);
            if (!node.require("cache-threshold").json().isNumber() || v < 0 || v >= 1) {
                throw node.require("cache-threshold").error("cache-threshold must be a number in [0, 1)");
            }
        }
        node.getLong("cache-max-age", 0, 0xFFFF_FFFFL, 0);
    }

    /** Keys of a server element accepted for compatibility whose values still must have the right type. */
    public static void compatibilityKeys(ConfigNode server) throws ConfigException {
        server.getString("server-tag", "");
        server.getBoolean("store-extended-info", false);
        server.getBoolean("ip-reservations-unique", true);
        server.getBoolean("early-global-reservations-lookup", false);
        server.getBoolean("reservations-lookup-first", false);
        server.getLong("statistic-default-sample-count", 0, 0xFFFF_FFFFL, 20);
        server.getLong("statistic-default-sample-age", 0, 0xFFFF_FFFFL, 0);
        server.getLong("parked-packet-limit", 0, 0xFFFF_FFFFL, 256);
        for (String map : List.of("sanity-checks", "dhcp-queue-control")) {
            if (server.get(map).isPresent()) {
                server.require(map).expectMap();
            }
        }
        ddnsBehaviour(server);
    }

    /**
     * The identifier of a host reservation: exactly one of the keys of {@code types} ({@code hw-address},
     * {@code duid} ...), parsed. A {@code flex-id} host is accepted as Kea 2.2 accepts it without its flex_id hook
     * library, and likewise never matches.
     */
    public static HostIdentifier hostIdentifier(ConfigNode reservation, List<HostIdentifier.Type> types)
            throws ConfigException {
        HostIdentifier identifier = null;
        for (HostIdentifier.Type type : types) {
            Optional<ConfigNode> idNode = reservation.get(type.key());
            if (idNode.isPresent()) {
                if (identifier != null) {
                    throw idNode.get().error("a reservation has exactly one identifier; found "
                            + identifier.type().key() + " and " + type.key());
                }
                try {
                    identifier = HostIdentifier.parse(type, idNode.get().asString());
                } catch (IllegalArgumentException e) {
                    throw idNode.get().error("invalid " + type.key() + ": " + e.getMessage());
                }
            }
        }
        if (identifier == null) {
            List<String> keys = new ArrayList<>();
            types.forEach(t -> keys.add(t.key()));
            throw reservation.error("a reservation needs one of " + String.join(", ", keys));
        }
        return identifier;
    }

    /** A JSON resource of a server bundle, such as its Kea defaults; fails when the bundle lacks it. */
    public static com.fasterxml.jackson.databind.JsonNode jsonResource(Class<?> owner, String name) {
        try (java.io.InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + owner.getName());
            }
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(name + " beside " + owner.getName() + " does not read: " + e.getMessage(), e);
        }
    }

    /** A subnet's required classes: its shared network's, then its own {@code require-client-classes}. */
    public static List<String> requiredClasses(List<String> network, ConfigNode subnet) throws ConfigException {
        List<String> out = new ArrayList<>(network);
        for (String c : strings(subnet, "require-client-classes")) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A list of strings such as {@code client-classes}; empty when absent. */
    public static List<String> strings(ConfigNode node, String key) throws ConfigException {
        List<String> out = new ArrayList<>();
        Optional<ConfigNode> list = node.get(key);
        if (list.isPresent()) {
            for (ConfigNode c : list.get().elements()) {
                out.add(c.asString());
            }
        }
        return out;
    }

    /**
     * The {@code test} of a client class, or null when it has none.
     *
     * @param standard the server's standard option definitions
     * @param defs     the configuration's {@code option-def} entries (their names may be used too)
     * @param space    the server's option space ({@code dhcp4} or {@code dhcp6})
     */
    public static ClassExpression classTest(ConfigNode clientClass, org.kea4j.dhcp.OptionDefinitions standard,
            List<OptionDefConfig> defs, String space) throws ConfigException {
        Optional<ConfigNode> test = clientClass.get("test");
        if (test.isEmpty()) {
            return null;
        }
        java.util.function.ToIntFunction<String> optionCode = name -> {
            for (OptionDefConfig d : defs) {
                if (d.space().equals(space) && d.name().equals(name)) {
                    return d.code();
                }
            }
            org.kea4j.dhcp.OptionDefinition d = standard.find(space, name);
            return d == null ? -1 : d.code();
        };
        try {
            return ClassExpression.parse(test.get().asString(), optionCode);
        } catch (IllegalArgumentException e) {
            throw test.get().error(e.getMessage());
        }
    }
}
