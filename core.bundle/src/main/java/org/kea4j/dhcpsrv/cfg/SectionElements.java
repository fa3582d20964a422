package org.kea4j.dhcpsrv.cfg;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kea4j.config.CommonElements;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.Subnet;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * What the {@code Dhcp4} and {@code Dhcp6} sections' parsers read the same way: the interfaces, the lease
 * database, the shared networks with every subnet numbered as Kea numbers them, {@code dhcp-ddns}, the hooks
 * libraries and the loggers. Each family gives its own settings and subnets ({@link Family}).
 */
public final class SectionElements {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SectionElements() {
    }

    /**
     * How a family parses what a subnet inherits and the subnet itself.
     *
     * @param inherit    the settings of a shared network (its element and name) over the server's
     * @param subnet     a subnet element, with its id and the settings it inherits
     * @param optionData the {@code option-data} of an element
     * @param <G>        the settings a subnet inherits unless it overrides them
     * @param <S>        the family's subnet
     */
    public record Family<G, S extends Subnet>(Inherit<G> inherit, SubnetParser<G, S> subnet, OptionData optionData) {
    }

    /** The settings of a shared network over the server's. */
    @FunctionalInterface
    public interface Inherit<G> {
        G apply(ConfigNode network, G server, String name) throws ConfigException;
    }

    /** A subnet element, with its id and the settings it inherits. */
    @FunctionalInterface
    public interface SubnetParser<G, S> {
        S apply(ConfigNode entry, long id, G inherited) throws ConfigException;
    }

    /** The {@code option-data} of an element. */
    @FunctionalInterface
    public interface OptionData {
        List<OptionDataConfig> apply(ConfigNode element) throws ConfigException;
    }

    /** A section's shared networks and all its subnets, those of the networks with them. */
    public record Subnets<S>(List<SharedNetworkConfig> networks, List<S> subnets) {
    }

    /** {@code interfaces-config}, or Kea 0.9's {@code interfaces} list (DHCPv4 with raw sockets then); none. */
    public static InterfacesConfig interfaces(ConfigNode server, boolean v4) throws ConfigException {
        Optional<ConfigNode> config = server.get("interfaces-config");
        if (config.isPresent()) {
            return InterfacesConfig.parse(config.get(), v4);
        }
        if (server.has("interfaces")) {
            return new InterfacesConfig(InterfacesConfig.entries(server.require("interfaces"), v4), v4 ? "raw" : "udp",
                    false);
        }
        return InterfacesConfig.NONE;
    }

    /** {@code lease-database}; memfile with its defaults where absent. */
    public static DbAccess leaseDatabase(ConfigNode server) throws ConfigException {
        Optional<ConfigNode> database = server.get("lease-database");
        return database.isPresent() ? DbAccess.parse(database.get()) : new DbAccess("memfile", Map.of());
    }

    /**
     * The shared networks and every subnet (theirs first, then the section's own, as Kea numbers them): ids unique,
     * assigned where absent; no prefix twice.
     *
     * @param subnetKey    {@code subnet4} / {@code subnet6}
     * @param networkKeys  the keys a shared network may have
     * @param unsupported  the keys kea4j refuses by name
     * @param maxSubnetId  the largest subnet id
     * @param server       the settings the section's own subnets inherit
     */
    public static <G, S extends Subnet> Subnets<S> subnets(ConfigNode section, String subnetKey,
            Set<String> networkKeys, Set<String> unsupported, long maxSubnetId, G server, Family<G, S> family)
            throws ConfigException {
        List<ConfigNode> nodes = new ArrayList<>();
        List<G> inherited = new ArrayList<>();
        List<SharedNetworkConfig> networks = new ArrayList<>();
        for (DhcpConfigElements.NetworkElement network : DhcpConfigElements.sharedNetworks(section, subnetKey,
                networkKeys, unsupported)) {
            G settings = family.inherit().apply(network.node(), server, network.name());
            for (ConfigNode subnet : network.subnets()) {
                nodes.add(subnet);
                inherited.add(settings);
            }
            networks.add(new SharedNetworkConfig(network.name(), family.optionData().apply(network.node())));
        }
        Optional<ConfigNode> own = section.get(subnetKey);
        if (own.isPresent()) {
            for (ConfigNode subnet : own.get().elements()) {
                nodes.add(subnet);
                inherited.add(server);
            }
        }
        List<Long> ids = DhcpConfigElements.subnetIds(nodes, maxSubnetId);
        List<S> subnets = new ArrayList<>();
        Map<Prefix, Long> prefixes = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            S subnet = family.subnet().apply(nodes.get(i), ids.get(i), inherited.get(i));
            DhcpConfigElements.uniquePrefix(nodes.get(i), subnet.prefix(), subnet.id(), prefixes);
            subnets.add(subnet);
        }
        return new Subnets<>(List.copyOf(networks), List.copyOf(subnets));
    }

    /** {@code dhcp-ddns} as plain values (the DDNS library's parameters); empty where absent. */
    public static Map<String, Object> dhcpDdns(ConfigNode server) throws ConfigException {
        Optional<ConfigNode> ddns = server.get("dhcp-ddns");
        if (ddns.isEmpty()) {
            return Map.of();
        }
        ddns.get().expectMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = MAPPER.convertValue(ddns.get().json(), Map.class);
        return values;
    }

    /**
     * The hooks libraries: first, where {@code dhcp-ddns} has {@code enable-updates: true}, the DDNS library
     * {@value DhcpConfigElements#DDNS_LIBRARY} with the {@code dhcp-ddns} element as its parameters (it checks them
     * when it loads); then {@code hooks-libraries}.
     */
    public static List<HooksLibraryConfig> hooksLibraries(ConfigNode server) throws ConfigException {
        List<HooksLibraryConfig> hooks = new ArrayList<>();
        Optional<ConfigNode> ddns = server.get("dhcp-ddns");
        if (ddns.isPresent() && ddns.get().getBoolean("enable-updates", false)) {
            hooks.add(new HooksLibraryConfig(DhcpConfigElements.DDNS_LIBRARY, dhcpDdns(server)));
        }
        Optional<ConfigNode> configured = server.get("hooks-libraries");
        if (configured.isPresent()) {
            hooks.addAll(CommonElements.hooksLibraries(configured.get()));
        }
        return hooks;
    }

    /** {@code loggers}; none where absent. */
    public static List<LoggerConfig> loggers(ConfigNode server) throws ConfigException {
        Optional<ConfigNode> loggers = server.get("loggers");
        return loggers.isPresent() ? CommonElements.loggers(loggers.get()) : List.of();
    }
}
