package org.kea4j.dhcp4.internal;

import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_ALREADY_RUNNING;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_CONFIG_COMPLETE;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_CONFIG_LOAD_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_CONFIG_NEW_SUBNET;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_CONFIG_START;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_DYNAMIC_RECONFIGURATION;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_DYNAMIC_RECONFIGURATION_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_INIT_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PARSER_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_SHUTDOWN;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_STARTED;

import java.util.List;
import java.util.Optional;
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
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcpsrv.alloc.AllocEngine4;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code Dhcp4} section: parses it and runs the DHCPv4 server. */
@Component(service = {ConfigSection.class, Dhcp4Section.class, org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer.class})
public final class Dhcp4Section implements ConfigSection, org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer {

    static final String LOGGER_ROOT = "kea-dhcp4";
    private static final KeaLogger LOG = KeaLogger.get(LOGGER_ROOT + ".dhcp4");
    private static final org.kea4j.dhcpsrv.cfg.ServerConfigEvents EVENTS = new org.kea4j.dhcpsrv.cfg.ServerConfigEvents(
            LOG, LOGGER_ROOT, DHCP4_DYNAMIC_RECONFIGURATION, DHCP4_DYNAMIC_RECONFIGURATION_FAIL,
            DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS, DHCP4_CONFIG_LOAD_FAIL, DHCP4_INIT_FAIL, DHCP4_ALREADY_RUNNING);


    private final AtomicReference<Dhcp4Config> current = new AtomicReference<>();
    private final LeaseDatabases leaseDatabases;
    /** The host databases of the running configuration. */
    private final org.kea4j.dhcpsrv.cfg.OpenHostDatabases hostDatabases;
    private final org.kea4j.stats.Statistics statistics;
    private final org.kea4j.dhcp.transport.NetworkState networkState;
    private final HooksManager hooks;
    private final String version;
    private Dhcp4Server server;

    @Activate
    public Dhcp4Section(@Reference HooksManager hooks, @Reference LeaseDatabases leaseDatabases,
            @Reference org.kea4j.dhcpsrv.cfg.HostDatabases hostDatabases,
            @Reference org.kea4j.stats.Statistics statistics,
            @Reference org.kea4j.dhcp.transport.NetworkState networkState, BundleContext context) {
        this.networkState = networkState;
        this.leaseDatabases = leaseDatabases;
        this.hostDatabases = new org.kea4j.dhcpsrv.cfg.OpenHostDatabases(hostDatabases, 4);
        this.statistics = statistics;
        this.hooks = hooks;
        String v = null;
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if ("org.kea4j.core".equals(b.getSymbolicName())) {
                v = b.getHeaders().get("Kea4j-Version");
            }
        }
        this.version = v == null ? context.getBundle().getVersion().toString() : v;
    }

    /** The running server, or null before the first configuration. */
    synchronized Dhcp4Server server() {
        return server;
    }

    @Override
    public int reclaimExpired(boolean remove) throws Exception {
        Dhcp4Server running = server();
        return running == null ? 0 : running.reclaimNow(remove);
    }

    @Override
    public String name() {
        return "Dhcp4";
    }

    @Override
    public String loggerRoot() {
        return LOGGER_ROOT;
    }

    /** The running configuration, or null. */
    Dhcp4Config current() {
        return current.get();
    }

    @Override
    public PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException {
        LOG.log(DHCP4_CONFIG_START, org.kea4j.config.Secrets.hidden(element.json()));
        Dhcp4Config config;
        Dhcp4Runtime runtime;
        try {
            config = Dhcp4ConfigParser.parse(element, context);
            leaseDatabases.validate(config.leaseDatabase(), 4);
            runtime = Dhcp4Runtime.build(config, Iface.detect());
        } catch (ConfigException e) {
            ConfigException named = e.element().startsWith("lease-database")
                    ? new ConfigException(element.path() + "/" + e.element(), e.reason(),
                            element.document().locationOf(element.path() + "/lease-database"))
                    : e;
            LOG.log(DHCP4_PARSER_FAIL, named.element(), named.reason()
                    + (named.location() == null ? "" : " (" + named.location() + ")"));
            throw named;
        }
        return new PreparedSection() {
            @Override
            public void commit() throws ConfigException {
                Dhcp4Server before = server();
                boolean starting = before == null || before.runtime() == null;
                Dhcp4Server running = listen(runtime);
                try {
                    openLeaseDatabase(config);
                    hostDatabases.replace(config.hostDatabases(), runtime.hosts()::attach);
                } catch (ConfigException e) {
                    running.revertSockets();
                    throw e;
                }
                Dhcp4Config previous = current.getAndSet(config);
                leaseDatabases.setSubnets(4, new SubnetView(config));
                org.kea4j.dhcpsrv.leasemgr.LeaseStatistics.configured(statistics, 4, config.subnets(),
                        leaseDatabases.current(4).orElse(null));
                running.apply(runtime);
                for (Subnet4Config subnet : config.subnets()) {
                    if (previous == null || !previous.subnets().contains(subnet)) {
                        LOG.log(DHCP4_CONFIG_NEW_SUBNET, subnet);
                    }
                }
                LOG.log(DHCP4_CONFIG_COMPLETE, summary(config));
                if (starting) {
                    LOG.log(DHCP4_STARTED, version);
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

    static String summary(Dhcp4Config config) {
        int subnets = config.subnets().size();
        return "added IPv4 subnets: " + subnets + "; DDNS: " + (config.dhcpDdns().isEmpty()
                || Boolean.FALSE.equals(config.dhcpDdns().get("enable-updates")) ? "disabled" : "enabled");
    }

    /** Opens the configured lease database, or keeps the open one when its parameters did not change. */
    private void openLeaseDatabase(Dhcp4Config config) throws ConfigException {
        Dhcp4Config previous = current.get();
        if (previous != null && previous.leaseDatabase().equals(config.leaseDatabase())
                && leaseDatabases.current(4).isPresent()) {
            return;
        }
        LeaseMgr opened = leaseDatabases.open(config.leaseDatabase(), 4);
        leaseDatabases.close(leaseDatabases.setCurrent(4, opened));
    }

    /**
     * The server, created the first time, listening on the sockets of a configuration.
     *
     * @throws ConfigException when another process holds the port: the sockets before stay open
     */
    private synchronized Dhcp4Server listen(Dhcp4Runtime runtime) throws ConfigException {
        if (server == null) {
            server = new Dhcp4Server(new Dhcp4Srv(hooks, new AllocEngine4(hooks, LOGGER_ROOT), packetStatistics()),
                    new LeaseReclamation4(hooks), () -> leaseDatabases.current(4), PacketWorkers.defaultCount(),
                    networkState::enabled);
            org.kea4j.dhcp.transport.Rehearsal.run("DHCPv4", 4, hooks, leaseDatabases, Rehearsal4::new);
            org.kea4j.dhcp.transport.StartupHeap.collectOnce();
        }
        server.listen(runtime);
        return server;
    }

    private org.kea4j.stats.PacketStatistics packetStatistics() {
        org.kea4j.stats.PacketStatistics packets = new org.kea4j.stats.PacketStatistics(statistics, 4);
        packets.init();
        return packets;
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
            LOG.log(DHCP4_SHUTDOWN);
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
        leaseDatabases.setSubnets(4, null);
        leaseDatabases.close(leaseDatabases.setCurrent(4, null));
    }

    @Override
    public void configFailed(String origin, String reason, ConfigTrigger trigger) {
        EVENTS.configFailed(origin, reason, trigger);
    }

    /** Kea 2.2's global defaults (its config-get of a configuration that sets none; kea4j is multi-threaded). */
    private static final com.fasterxml.jackson.databind.JsonNode DEFAULTS =
            org.kea4j.dhcpsrv.cfg.DhcpConfigElements.jsonResource(Dhcp4Section.class, "dhcp4-defaults.json");

    @Override
    public com.fasterxml.jackson.databind.JsonNode defaults() {
        return DEFAULTS;
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode printed(com.fasterxml.jackson.databind.node.ObjectNode given) {
        Dhcp4Config config = current.get();
        return config == null ? ConfigSection.super.printed(given) : org.kea4j.dhcpsrv.cfg.KeaConfigOutput.print(
                given, DEFAULTS, 4, config.optionDefs(), config.subnets());
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
}
