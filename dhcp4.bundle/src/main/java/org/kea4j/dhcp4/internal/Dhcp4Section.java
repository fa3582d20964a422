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
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.NetworkState;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcpsrv.alloc.AllocEngine4;
import org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation4;
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

/** The {@code Dhcp4} section: parses it and runs the DHCPv4 server ({@link ServerSection}). */
@Component(service = {ConfigSection.class, ExpiredLeaseReclaimer.class})
public final class Dhcp4Section extends ServerSection<Dhcp4Config, Dhcp4Runtime, Dhcp4Server> {

    static final String LOGGER_ROOT = "kea-dhcp4";
    private static final KeaLogger LOG = KeaLogger.get(LOGGER_ROOT + ".dhcp4");
    private static final ServerConfigEvents EVENTS = new ServerConfigEvents(LOG, LOGGER_ROOT,
            DHCP4_DYNAMIC_RECONFIGURATION, DHCP4_DYNAMIC_RECONFIGURATION_FAIL, DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS,
            DHCP4_CONFIG_LOAD_FAIL, DHCP4_INIT_FAIL, DHCP4_ALREADY_RUNNING);
    private static final Messages MESSAGES = new Messages(DHCP4_CONFIG_START, DHCP4_PARSER_FAIL,
            DHCP4_CONFIG_NEW_SUBNET, DHCP4_CONFIG_COMPLETE, DHCP4_STARTED, DHCP4_SHUTDOWN);

    @Activate
    public Dhcp4Section(@Reference HooksManager hooks, @Reference LeaseDatabases leaseDatabases,
            @Reference HostDatabases hostDatabases, @Reference Statistics statistics,
            @Reference NetworkState networkState, BundleContext context) {
        super(4, EVENTS, MESSAGES, DhcpConfigElements.jsonResource(Dhcp4Section.class, "dhcp4-defaults.json"),
                new Services(hooks, leaseDatabases, hostDatabases, statistics, networkState), context);
    }

    @Override
    protected Dhcp4Config parse(ConfigNode element, ConfigContext context) throws ConfigException {
        return Dhcp4ConfigParser.parse(element, context);
    }

    @Override
    protected Dhcp4Runtime build(Dhcp4Config config) throws ConfigException {
        return Dhcp4Runtime.build(config, Iface.detect());
    }

    @Override
    protected void attachHostDatabases(Dhcp4Runtime runtime, List<HostDataSource> databases) {
        runtime.hosts().attach(databases);
    }

    @Override
    protected Dhcp4Server newServer(PacketStatistics packets) {
        Services services = services();
        HooksManager hooks = services.hooks();
        return new Dhcp4Server(new Dhcp4Srv(hooks, new AllocEngine4(hooks, LOGGER_ROOT), packets),
                new LeaseReclamation4(hooks), () -> services.leaseDatabases().current(4), PacketWorkers.defaultCount(),
                services.networkState()::enabled);
    }

    @Override
    protected Rehearsal.Pipeline rehearsal() {
        return Rehearsal4::new;
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
