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
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.NetworkState;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcpsrv.alloc.AllocEngine6;
import org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation6;
import org.kea4j.dhcpsrv.cfg.DhcpConfigElements;
import org.kea4j.dhcpsrv.cfg.HostDataSource;
import org.kea4j.dhcpsrv.cfg.HostDatabases;
import org.kea4j.dhcpsrv.cfg.ServerConfigEvents;
import org.kea4j.dhcpsrv.cfg.ServerSection;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;
import org.kea4j.stats.PacketStatistics;
import org.kea4j.stats.Statistics;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code Dhcp6} section: parses it and runs the DHCPv6 server ({@link ServerSection}), with the server DUID
 * its configuration names.
 */
@Component(service = {ConfigSection.class, ExpiredLeaseReclaimer.class})
public final class Dhcp6Section extends ServerSection<Dhcp6Config, Dhcp6Runtime, Dhcp6Server> {

    static final String LOGGER_ROOT = "kea-dhcp6";
    private static final KeaLogger LOG = KeaLogger.get(LOGGER_ROOT + ".dhcp6");
    private static final ServerConfigEvents EVENTS = new ServerConfigEvents(LOG, LOGGER_ROOT,
            DHCP6_DYNAMIC_RECONFIGURATION, DHCP6_DYNAMIC_RECONFIGURATION_FAIL, DHCP6_DYNAMIC_RECONFIGURATION_SUCCESS,
            DHCP6_CONFIG_LOAD_FAIL, DHCP6_INIT_FAIL, DHCP6_ALREADY_RUNNING);
    private static final Messages MESSAGES = new Messages(DHCP6_CONFIG_START, DHCP6_PARSER_FAIL,
            DHCP6_CONFIG_NEW_SUBNET, DHCP6_CONFIG_COMPLETE, DHCP6_STARTED, DHCP6_SHUTDOWN);

    private Duid serverId;
    private Dhcp6Config.ServerIdConfig serverIdConfig;

    @Activate
    public Dhcp6Section(@Reference HooksManager hooks, @Reference LeaseDatabases leaseDatabases,
            @Reference HostDatabases hostDatabases, @Reference Statistics statistics,
            @Reference NetworkState networkState, BundleContext context) {
        super(6, EVENTS, MESSAGES, DhcpConfigElements.jsonResource(Dhcp6Section.class, "dhcp6-defaults.json"),
                new Services(hooks, leaseDatabases, hostDatabases, statistics, networkState), context);
    }

    @Override
    protected Dhcp6Config parse(ConfigNode element, ConfigContext context) throws ConfigException {
        return Dhcp6ConfigParser.parse(element, context);
    }

    @Override
    protected Dhcp6Runtime build(Dhcp6Config config) throws ConfigException {
        return Dhcp6Runtime.build(config, Iface.detect());
    }

    @Override
    protected void attachHostDatabases(Dhcp6Runtime runtime, List<HostDataSource> databases) {
        runtime.hosts().attach(databases);
    }

    @Override
    protected Dhcp6Server newServer(PacketStatistics packets) {
        Services services = services();
        HooksManager hooks = services.hooks();
        return new Dhcp6Server(new Dhcp6Srv(hooks, new AllocEngine6(hooks, LOGGER_ROOT), packets),
                new LeaseReclamation6(hooks), () -> services.leaseDatabases().current(6), PacketWorkers.defaultCount(),
                services.networkState()::enabled);
    }

    @Override
    protected Rehearsal.Pipeline rehearsal() {
        return Rehearsal6::new;
    }

    /** Swaps the configuration in, with the server DUID it names (obtained once, and again when it changes). */
    @Override
    protected synchronized void apply(Dhcp6Server running, Dhcp6Runtime runtime) {
        Dhcp6Config config = runtime.config();
        if (serverId == null || !config.serverId().equals(serverIdConfig)) {
            serverId = ServerDuid.obtain(config.serverId(), serverIdFile(config), Iface.detect());
            serverIdConfig = config.serverId();
        }
        running.apply(runtime.withServerId(serverId));
    }

    /** The server DUID file: {@code data-directory}, else the data directory of kea4j. */
    static Path serverIdFile(Dhcp6Config config) {
        String dir = config.dataDirectory() != null ? config.dataDirectory()
                : System.getProperty("kea4j.data-dir", "kea4j-data");
        return Path.of(dir, ServerDuid.FILE_NAME);
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
