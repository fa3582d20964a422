package org.kea4j.dhcp6.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.OptionDefinitions;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcpsrv.cfg.ConfiguredOptions;
import org.kea4j.dhcpsrv.alloc.HostReservations6;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.cfg.OptionDefConfig;
import org.kea4j.dhcpsrv.cfg.PdPoolConfig;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.Subnet6;
import org.kea4j.dhcpsrv.cfg.SharedNetworkCandidates;
import org.kea4j.dhcpsrv.cfg.SharedNetworkConfig;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import org.kea4j.dhcpsrv.cfg.SubnetCollection;

/**
 * What the DHCPv6 packet path needs from one configuration, resolved when it is prepared. Immutable; the
 * server DUID is added when the configuration is committed.
 *
 * @param config       the parsed configuration
 * @param globalOptions global options
 * @param subnets      subnets with their options
 * @param classes      client class options by name
 * @param hosts        reservation index
 * @param hostOptions  options of each reservation (by identity)
 * @param listens      interfaces to listen on (with their link-local address)
 * @param unicast      unicast addresses to listen on, by interface ({@code eth0/2001:db8::1})
 * @param serverId     the server DUID, or null before commit
 * @param collection   the subnets as callouts see them
 * @param definitions  the option definitions, for the options of reservations read from a hosts database
 */
record Dhcp6Runtime(Dhcp6Config config, ConfiguredOptions globalOptions, List<SubnetScope> subnets,
        Map<String, ConfiguredOptions> classes, HostReservations6 hosts, Map<Reservation6Config, ConfiguredOptions> hostOptions,
        List<InterfacesConfig.Listen> listens, Map<String, List<Inet6Address>> unicast, Duid serverId,
        SubnetCollection<Subnet6, Subnet6Config> collection, OptionDefinitions definitions)
        implements org.kea4j.dhcpsrv.cfg.RunningServer.Runtime {

    private static final org.kea4j.log.KeaLogger LOG = org.kea4j.log.KeaLogger.forSubsystem("hosts");

    /**
     * The options of a reservation: resolved with the configuration for configured ones, at each look-up for one
     * read from a hosts database (an option that does not resolve is left out, and said so).
     */
    ConfiguredOptions optionsOf(Reservation6Config host) {
        return ConfiguredOptions.ofReservation(hostOptions.get(host), host.options(), definitions, true,
                why -> LOG.log(Dhcp6Messages.DHCP6_PACKET_PROCESS_FAIL, "a", "hosts-database",
                        "options of the reservation of " + host.identifier() + " left out: " + why));
    }

    /** A subnet with the options of its scopes: its own, its pools', and its shared network's (or none). */
    record SubnetScope(Subnet6Config subnet, ConfiguredOptions options, Map<PoolConfig, ConfiguredOptions> poolOptions,
            Map<PdPoolConfig, ConfiguredOptions> pdPoolOptions, ConfiguredOptions networkOptions) {
    }

    /** The subnets a client selected into {@code selected} may be served from (its shared network). */
    List<Subnet6Config> candidates(Subnet6Config selected, java.util.function.Predicate<Subnet6Config> allowed) {
        return SharedNetworkCandidates.of(selected, collection.configured(), allowed);
    }

    Dhcp6Runtime withServerId(Duid duid) {
        return new Dhcp6Runtime(config, globalOptions, subnets, classes, hosts, hostOptions, listens, unicast, duid,
                collection, definitions);
    }

    List<Subnet6Config> subnetList() {
        List<Subnet6Config> out = new ArrayList<>(subnets.size());
        for (SubnetScope s : subnets) {
            out.add(s.subnet());
        }
        return List.copyOf(out);
    }

    SubnetScope scope(Subnet6Config subnet) {
        for (SubnetScope s : subnets) {
            if (s.subnet() == subnet || s.subnet().equals(subnet)) {
                return s;
            }
        }
        return null;
    }

    /** Whether unicast traffic is accepted on this address of this interface. */
    boolean unicastAllowed(String iface, InetAddress address) {
        List<Inet6Address> list = unicast.get(iface);
        return list != null && list.contains(address);
    }

    static Dhcp6Runtime build(Dhcp6Config config, List<Iface> detected) throws ConfigException {
        OptionDefinitions definitions = OptionDefConfig.extend(OptionDefinitions.standard6(), config.optionDefs(),
                "option-def");
        ConfiguredOptions global = ConfiguredOptions.resolve6(config.options(), definitions);
        Map<String, ConfiguredOptions> networks = new HashMap<>();
        for (SharedNetworkConfig n : config.sharedNetworks()) {
            networks.put(n.name(), ConfiguredOptions.resolve6(n.options(), definitions));
        }
        List<SubnetScope> subnets = new ArrayList<>();
        Map<Reservation6Config, ConfiguredOptions> hostOptions = new IdentityHashMap<>();
        for (Subnet6Config s : config.subnets()) {
            Map<PoolConfig, ConfiguredOptions> pools = new HashMap<>();
            for (PoolConfig p : s.pools()) {
                pools.put(p, ConfiguredOptions.resolve6(p.options(), definitions));
            }
            Map<PdPoolConfig, ConfiguredOptions> pdPools = new HashMap<>();
            for (PdPoolConfig p : s.pdPools()) {
                pdPools.put(p, ConfiguredOptions.resolve6(p.options(), definitions));
            }
            subnets.add(new SubnetScope(s, ConfiguredOptions.resolve6(s.options(), definitions), Map.copyOf(pools),
                    Map.copyOf(pdPools), s.sharedNetworkName() == null ? ConfiguredOptions.EMPTY
                            : networks.get(s.sharedNetworkName())));
            for (Reservation6Config r : s.reservations()) {
                hostOptions.put(r, ConfiguredOptions.resolve6(r.options(), definitions));
            }
        }
        for (Reservation6Config r : config.globalReservations()) {
            hostOptions.put(r, ConfiguredOptions.resolve6(r.options(), definitions));
        }
        Map<String, ConfiguredOptions> classes = new LinkedHashMap<>();
        for (Dhcp6Config.ClientClassConfig c : config.classes().values()) {
            OptionDefinitions own = c.optionDefs().isEmpty() ? definitions : OptionDefConfig.extendForClass(
                    OptionDefinitions.standard6(), config.optionDefs(), c.optionDefs(),
                    "client-classes/" + c.name() + "/option-def");
            classes.put(c.name(), ConfiguredOptions.resolve6(c.options(), own));
        }
        List<InterfacesConfig.Listen> listens;
        try {
            listens = config.interfaces().resolve(detected, false);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("interfaces-config", e.getMessage(), null);
        }
        Map<String, List<Inet6Address>> unicast = new HashMap<>();
        for (InterfacesConfig.Entry e : config.interfaces().interfaces()) {
            if (e.address() instanceof Inet6Address a) {
                unicast.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(a);
            }
        }
        return new Dhcp6Runtime(config, global, List.copyOf(subnets), Map.copyOf(classes),
                new HostReservations6(config.subnets(), config.globalReservations()), hostOptions, listens,
                Map.copyOf(unicast), null, new SubnetCollection<>(subnets.stream().map(SubnetScope::subnet).toList()),
                definitions);
    }
}
