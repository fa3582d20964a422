package org.kea4j.dhcp4.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.OptionDefinitions;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcpsrv.cfg.ConfiguredOptions;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.Subnet4;
import org.kea4j.dhcpsrv.alloc.HostReservations4;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.cfg.OptionDefConfig;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.SharedNetworkCandidates;
import org.kea4j.dhcpsrv.cfg.SharedNetworkConfig;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import org.kea4j.dhcpsrv.cfg.SubnetCollection;

/**
 * Everything the packet path needs from one configuration, resolved once when the configuration is
 * prepared: options converted to wire form per scope, the reservation index, the interfaces. Immutable;
 * the workers read the current one through a volatile reference, so a reconfiguration is one swap.
 *
 * @param config       the parsed configuration
 * @param globalOptions global options
 * @param subnets      subnets with their resolved options, in configuration order
 * @param classes      client classes with their resolved options
 * @param hosts        reservation index
 * @param hostOptions  options of each reservation (by identity)
 * @param listens      interfaces to listen on
 * @param ownAddresses the server's IPv4 addresses on those interfaces
 * @param collection   the subnets as callouts see them
 * @param definitions  the option definitions, for the options of reservations read from a hosts database
 */
record Dhcp4Runtime(Dhcp4Config config, ConfiguredOptions globalOptions, List<SubnetScope> subnets,
        Map<String, ClassScope> classes, HostReservations4 hosts, Map<Reservation4Config, ConfiguredOptions> hostOptions,
        List<InterfacesConfig.Listen> listens, Set<Inet4Address> ownAddresses, SubnetCollection<Subnet4, Subnet4Config> collection,
        OptionDefinitions definitions)
        implements org.kea4j.dhcpsrv.cfg.RunningServer.Runtime {

    private static final org.kea4j.log.KeaLogger LOG = org.kea4j.log.KeaLogger.forSubsystem("hosts");

    /**
     * The options of a reservation: resolved with the configuration for configured ones, at each look-up for one
     * read from a hosts database (an option that does not resolve is left out, and said so).
     */
    ConfiguredOptions optionsOf(Reservation4Config host) {
        return ConfiguredOptions.ofReservation(hostOptions.get(host), host.options(), definitions, false,
                why -> LOG.log(Dhcp4Messages.DHCP4_PACKET_PROCESS_FAIL, "hosts-database", "options of the reservation of "
                        + host.identifier() + " left out: " + why));
    }

    /** A subnet with its options, the options of its pools, and those of its shared network (or none). */
    record SubnetScope(Subnet4Config subnet, ConfiguredOptions options, Map<PoolConfig, ConfiguredOptions> poolOptions,
            ConfiguredOptions networkOptions) {
    }

    /** A client class with its options. */
    record ClassScope(Dhcp4Config.ClientClassConfig config, ConfiguredOptions options) {
    }

    /** The subnets as configured, in configuration order. */
    List<Subnet4Config> subnetList() {
        List<Subnet4Config> out = new ArrayList<>(subnets.size());
        for (SubnetScope s : subnets) {
            out.add(s.subnet());
        }
        return List.copyOf(out);
    }

    /** The scope of a subnet, or null. */
    SubnetScope scope(Subnet4Config subnet) {
        for (SubnetScope s : subnets) {
            if (s.subnet() == subnet || s.subnet().equals(subnet)) {
                return s;
            }
        }
        return null;
    }

    /** The subnet of an id, or null. */
    Subnet4Config subnet(long id) {
        for (SubnetScope s : subnets) {
            if (s.subnet().id() == id) {
                return s.subnet();
            }
        }
        return null;
    }

    /** The subnets a client selected into {@code selected} may be served from (its shared network). */
    List<Subnet4Config> candidates(Subnet4Config selected, java.util.function.Predicate<Subnet4Config> allowed) {
        return SharedNetworkCandidates.of(selected, collection.configured(), allowed);
    }

    /** The server's own address on an interface, or null. */
    Inet4Address ownAddress(String iface) {
        for (InterfacesConfig.Listen l : listens) {
            if (l.iface().name().equals(iface) && l.address() instanceof Inet4Address a) {
                return a;
            }
        }
        return null;
    }

    /** The interface as detected, or null. */
    Iface iface(String name) {
        for (InterfacesConfig.Listen l : listens) {
            if (l.iface().name().equals(name)) {
                return l.iface();
            }
        }
        return null;
    }

    /**
     * Resolves a parsed configuration.
     *
     * @param detected the host's interfaces
     * @throws ConfigException naming the element when an option or an interface does not resolve
     */
    static Dhcp4Runtime build(Dhcp4Config config, List<Iface> detected) throws ConfigException {
        OptionDefinitions definitions = OptionDefConfig.extend(OptionDefinitions.standard4(), config.optionDefs(),
                "option-def");
        ConfiguredOptions global = ConfiguredOptions.resolve4(config.options(), definitions);
        Map<String, ConfiguredOptions> networks = new HashMap<>();
        for (SharedNetworkConfig n : config.sharedNetworks()) {
            networks.put(n.name(), ConfiguredOptions.resolve4(n.options(), definitions));
        }
        List<SubnetScope> subnets = new ArrayList<>();
        Map<Reservation4Config, ConfiguredOptions> hostOptions = new IdentityHashMap<>();
        for (Subnet4Config s : config.subnets()) {
            Map<PoolConfig, ConfiguredOptions> pools = new HashMap<>();
            for (PoolConfig p : s.pools()) {
                pools.put(p, ConfiguredOptions.resolve4(p.options(), definitions));
            }
            ConfiguredOptions network = s.sharedNetworkName() == null ? ConfiguredOptions.EMPTY
                    : networks.get(s.sharedNetworkName());
            subnets.add(new SubnetScope(s, ConfiguredOptions.resolve4(s.options(), definitions), Map.copyOf(pools),
                    network));
            for (Reservation4Config r : s.reservations()) {
                hostOptions.put(r, ConfiguredOptions.resolve4(r.options(), definitions));
            }
        }
        for (Reservation4Config r : config.globalReservations()) {
            hostOptions.put(r, ConfiguredOptions.resolve4(r.options(), definitions));
        }
        Map<String, ClassScope> classes = new LinkedHashMap<>();
        for (Dhcp4Config.ClientClassConfig c : config.classes().values()) {
            OptionDefinitions own = c.optionDefs().isEmpty() ? definitions : OptionDefConfig.extendForClass(
                    OptionDefinitions.standard4(), config.optionDefs(), c.optionDefs(),
                    "client-classes/" + c.name() + "/option-def");
            classes.put(c.name(), new ClassScope(c, ConfiguredOptions.resolve4(c.options(), own)));
        }
        List<HostIdentifier.Type> order = new ArrayList<>();
        for (String key : config.hostReservationIds()) {
            order.add(HostIdentifier.Type.ofKey(key));
        }
        HostReservations4 hosts = new HostReservations4(config.subnets(), config.globalReservations(), order);
        List<InterfacesConfig.Listen> listens;
        try {
            listens = config.interfaces().resolve(detected, true);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("interfaces-config", e.getMessage(), null);
        }
        Set<Inet4Address> own = new HashSet<>();
        for (InterfacesConfig.Listen l : listens) {
            for (InetAddress a : l.iface().addresses()) {
                if (a instanceof Inet4Address v4) {
                    own.add(v4);
                }
            }
        }
        return new Dhcp4Runtime(config, global, List.copyOf(subnets), Map.copyOf(classes), hosts, hostOptions,
                listens, Set.copyOf(own), new SubnetCollection<>(subnets.stream().map(SubnetScope::subnet).toList()),
                definitions);
    }
}
