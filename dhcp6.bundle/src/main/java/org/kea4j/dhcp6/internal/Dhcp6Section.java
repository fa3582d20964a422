package org.kea4j.dhcp6.internal;

import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_ALREADY_RUNNING;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_CONFIG_COMPLETE;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_CONFIG_LOAD_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_CONFIG_NEW_SUBNET;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_CONFIG_START;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_DYNAMIC_RECONFIGURATION;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_DYNAMIC_RECONFIGURATION_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_DYNAMIC_RECONFIGURATION_SUCCESS;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_INIT_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PARSER_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SHUTDOWN;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_STARTED;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.config.ControlSocketConfig;
import org.kea4j.config.HttpListenerConfig;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.PreparedSection;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcpsrv.alloc.AllocEngine6;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation6;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The {@code Dhcp6} section: parses it and runs the DHCPv6 server. */
@Component(service = {ConfigSection.class, Dhcp6Section.class, org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer.class})
public final class Dhcp6Section implements ConfigSection, org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer {

    static final String LOGGER_ROOT = "kea-dhcp6";
    private static final KeaLogger LOG = KeaLogger.get(LOGGER_ROOT + ".dhcp6");
    private static final org.kea4j.dhcpsrv.cfg.ServerConfigEvents EVENTS = new org.kea4j.dhcpsrv.cfg.ServerConfigEvents(
            LOG, LOGGER_ROOT, DHCP6_DYNAMIC_RECONFIGURATION, DHCP6_DYNAMIC_RECONFIGURATION_FAIL,
            DHCP6_DYNAMIC_RECONFIGURATION_SUCCESS, DHCP6_CONFIG_LOAD_FAIL, DHCP6_INIT_FAIL, DHCP6_ALREADY_RUNNING);


    private final AtomicReference<Dhcp6Config> current = new AtomicReference<>();
    private final LeaseDatabases leaseDatabases;
    /** The host databases of the running configuration. */
    private final org.kea4j.dhcpsrv.cfg.OpenHostDatabases hostDatabases;
    private final org.kea4j.stats.Statistics statistics;
    private final org.kea4j.dhcp.transport.NetworkState networkState;
    private final HooksManager hooks;
    private final String version;
    private Dhcp6Server server;
    private Duid serverId;
    private Dhcp6Config.ServerIdConfig serverIdConfig;

    @Activate
    public Dhcp6Section(@Reference HooksManager hooks, @Reference LeaseDatabases leaseDatabases,
            @Reference org.kea4j.dhcpsrv.cfg.HostDatabases hostDatabases,
            @Reference org.kea4j.stats.Statistics statistics,
            @Reference org.kea4j.dhcp.transport.NetworkState networkState, BundleContext context) {
        this.networkState = networkState;
        this.hooks = hooks;
        this.leaseDatabases = leaseDatabases;
        this.hostDatabases = new org.kea4j.dhcpsrv.cfg.OpenHostDatabases(hostDatabases, 6);
        this.statistics = statistics;
        String v = null;
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if ("org.kea4j.core".equals(b.getSymbolicName())) {
                v = b.getHeaders().get("Kea4j-Version");
            }
        }
        this.version = v == null ? context.getBundle().getVersion().toString() : v;
    }

    @Override
    public int reclaimExpired(boolean remove) throws Exception {
        Dhcp6Server running = server();
        return running == null ? 0 : running.reclaimNow(remove);
    }

    @Override
    public String name() {
        return "Dhcp6";
    }

    @Override
    public String loggerRoot() {
        return LOGGER_ROOT;
    }

    synchronized Dhcp6Server server() {
        return server;
    }

    @Override
    public PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException {
        LOG.log(DHCP6_CONFIG_START, org.kea4j.config.Secrets.hidden(element.json()));
        Dhcp6Config config;
        Dhcp6Runtime runtime;
        try {
            config = Dhcp6ConfigParser.parse(element, context);
            leaseDatabases.validate(config.leaseDatabase(), 6);
            runtime = Dhcp6Runtime.build(config, Iface.detect());
        } catch (ConfigException e) {
            ConfigException named = e.element().startsWith("lease-database")
                    ? new ConfigException(element.path() + "/" + e.element(), e.reason(),
                            element.document().locationOf(element.path() + "/lease-database"))
                    : e;
            LOG.log(DHCP6_PARSER_FAIL, named.element(), named.reason()
                    + (named.location() == null ? "" : " (" + named.location() + ")"));
            throw named;
        }
        return new PreparedSection() {
            @Override
            public void commit() throws ConfigException {
                Dhcp6Server before = server();
                boolean starting = before == null || before.runtime() == null;
                Dhcp6Server running = listen(runtime);
                try {
                    openLeaseDatabase(config);
                    hostDatabases.replace(config.hostDatabases(), runtime.hosts()::attach);
                } catch (ConfigException e) {
                    running.revertSockets();
                    throw e;
                }
                Dhcp6Config previous = current.getAndSet(config);
                leaseDatabases.setSubnets(6, new SubnetView6(config.subnets()));
                org.kea4j.dhcpsrv.leasemgr.LeaseStatistics.configured(statistics, 6, config.subnets(),
                        leaseDatabases.current(6).orElse(null));
                apply(running, runtime);
                for (Subnet6Config subnet : config.subnets()) {
                    if (previous == null || !previous.subnets().contains(subnet)) {
                        LOG.log(DHCP6_CONFIG_NEW_SUBNET, subnet);
                    }
                }
                LOG.log(DHCP6_CONFIG_COMPLETE, "added IPv6 subnets: " + config.subnets().size() + "; DDNS: "
                        + (config.dhcpDdns().isEmpty() || Boolean.FALSE.equals(config.dhcpDdns().get("enable-updates"))
                                ? "disabled" : "enabled"));
                if (starting) {
                    LOG.log(DHCP6_STARTED, version);
                }
            }

            @Override
            public List<HooksLibraryConfig> hooksLibraries() {
                return config.hooksLibraries();
            }

            @Override
            public Optional<ControlSocketConfig> controlSocket() {
                return config.controlSockets().unix();
            }

            @Override
            public List<HttpListenerConfig> httpControlSockets() {
                return config.controlSockets().http();
            }

            @Override
            public List<LoggerConfig> loggers() {
                return config.loggers();
            }
        };
    }

    /** The server DUID file: {@code data-directory}, else the data directory of kea4j. */
    static Path serverIdFile(Dhcp6Config config) {
        String dir = config.dataDirectory() != null ? config.dataDirectory()
                : System.getProperty("kea4j.data-dir", "kea4j-data");
        return Path.of(dir, ServerDuid.FILE_NAME);
    }

    /**
     * The server, created the first time, listening on the sockets of a configuration.
     *
     * @throws ConfigException when another process holds the port: the sockets before stay open
     */
    private synchronized Dhcp6Server listen(Dhcp6Runtime runtime) throws ConfigException {
        if (server == null) {
            server = new Dhcp6Server(new Dhcp6Srv(hooks, new AllocEngine6(hooks, LOGGER_ROOT), packetStatistics()),
                    new LeaseReclamation6(hooks), () -> leaseDatabases.current(6), PacketWorkers.defaultCount(),
                    networkState::enabled);
            org.kea4j.dhcp.transport.Rehearsal.run("DHCPv6", 6, hooks, leaseDatabases, Rehearsal6::new);
            org.kea4j.dhcp.transport.StartupHeap.collectOnce();
        }
        server.listen(runtime);
        return server;
    }

    /** Swaps the configuration in, with the server DUID it names (obtained once, and again when it changes). */
    private synchronized void apply(Dhcp6Server running, Dhcp6Runtime runtime) {
        Dhcp6Config config = runtime.config();
        if (serverId == null || !config.serverId().equals(serverIdConfig)) {
            serverId = ServerDuid.obtain(config.serverId(), serverIdFile(config), Iface.detect());
            serverIdConfig = config.serverId();
        }
        running.apply(runtime.withServerId(serverId));
    }

    private void openLeaseDatabase(Dhcp6Config config) throws ConfigException {
        Dhcp6Config previous = current.get();
        if (previous != null && previous.leaseDatabase().equals(config.leaseDatabase())
                && leaseDatabases.current(6).isPresent()) {
            return;
        }
        LeaseMgr opened = leaseDatabases.open(config.leaseDatabase(), 6);
        leaseDatabases.close(leaseDatabases.setCurrent(6, opened));
    }

    private org.kea4j.stats.PacketStatistics packetStatistics() {
        org.kea4j.stats.PacketStatistics packets = new org.kea4j.stats.PacketStatistics(statistics, 6);
        packets.init();
        return packets;
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
            LOG.log(DHCP6_SHUTDOWN);
        }
    }

    @Deactivate
    void deactivate() {
        stopServer();
        hostDatabases.close();
    }

    @Override
    public void shutdown() {
        stopServer();
        hostDatabases.close();
        current.set(null);
        leaseDatabases.setSubnets(6, null);
        leaseDatabases.close(leaseDatabases.setCurrent(6, null));
    }

    @Override
    public void configFailed(String origin, String reason, ConfigTrigger trigger) {
        EVENTS.configFailed(origin, reason, trigger);
    }

    /** Kea 2.2's global defaults (its config-get of a configuration that sets none; kea4j is multi-threaded). */
    private static final com.fasterxml.jackson.databind.JsonNode DEFAULTS =
            org.kea4j.dhcpsrv.cfg.DhcpConfigElements.jsonResource(Dhcp6Section.class, "dhcp6-defaults.json");

    @Override
    public com.fasterxml.jackson.databind.JsonNode defaults() {
        return DEFAULTS;
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode printed(com.fasterxml.jackson.databind.node.ObjectNode given) {
        Dhcp6Config config = current.get();
        return config == null ? ConfigSection.super.printed(given) : org.kea4j.dhcpsrv.cfg.KeaConfigOutput.print(
                given, DEFAULTS, 6, config.optionDefs(), config.subnets());
    }

    @Override
    public void configApplied(String origin, ConfigTrigger trigger) {
        EVENTS.configApplied(origin, trigger);
    }

    @Override
    public void alreadyRunning(String reason) {
        EVENTS.alreadyRunning(reason);
    }

    @Override
    public void reconfigurationStarting(String origin, ConfigTrigger trigger) {
        EVENTS.reconfigurationStarting(origin, trigger);
    }

    /** The configured IPv6 subnets as lease commands see them. */
    private record SubnetView6(List<Subnet6Config> subnets) implements LeaseDatabases.Subnets {
        private Subnet6Config byId(long id) {
            for (Subnet6Config s : subnets) {
                if (s.id() == id) {
                    return s;
                }
            }
            return null;
        }

        @Override
        public OptionalLong subnetFor(java.net.InetAddress address) {
            for (Subnet6Config s : subnets) {
                if (s.prefix().contains(address)) {
                    return OptionalLong.of(s.id());
                }
            }
            return OptionalLong.empty();
        }

        @Override
        public boolean contains(long subnetId, java.net.InetAddress address) {
            Subnet6Config s = byId(subnetId);
            return s != null && s.prefix().contains(address);
        }

        @Override
        public boolean exists(long subnetId) {
            return byId(subnetId) != null;
        }

        @Override
        public long validLifetime(long subnetId) {
            Subnet6Config s = byId(subnetId);
            return s == null ? 7200 : s.validLifetime();
        }

        @Override
        public long preferredLifetime(long subnetId) {
            Subnet6Config s = byId(subnetId);
            return s == null ? 3600 : s.preferredLifetime();
        }
    }
}
