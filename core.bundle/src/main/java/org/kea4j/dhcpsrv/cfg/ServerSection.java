package org.kea4j.dhcpsrv.cfg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.config.ControlSocketConfig;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.HttpListenerConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.PreparedSection;
import org.kea4j.config.Secrets;
import org.kea4j.config.ServerControlSockets;
import org.kea4j.dhcp.transport.NetworkState;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcp.transport.StartupHeap;
import org.kea4j.dhcpsrv.Subnet;
import org.kea4j.dhcpsrv.alloc.ExpiredLeaseReclaimer;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseStatistics;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.MessageId;
import org.kea4j.stats.PacketStatistics;
import org.kea4j.stats.Statistics;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The life of a DHCP server's configuration section ({@code Dhcp4}, {@code Dhcp6}), the same for both families:
 * a configuration is parsed and checked, then committed — the server made and rehearsed the first time, its
 * sockets opened, the lease and host databases opened (the sockets put back when they fail), the new subnets
 * logged — and the server stopped at the end. A family says how it parses, what it builds and runs, and its
 * message IDs.
 *
 * @param <C> the parsed configuration
 * @param <R> what the server runs on: the configuration made ready for the packet path
 * @param <S> the running server
 */
public abstract class ServerSection<C extends ServerSection.Config, R, S extends ServerSection.Server<R>>
        implements ConfigSection, ExpiredLeaseReclaimer {

    /** What the section reads of a family's parsed configuration. */
    public interface Config {
        DbAccess leaseDatabase();

        List<DbAccess> hostDatabases();

        List<? extends Subnet> subnets();

        List<OptionDefConfig> optionDefs();

        DhcpConfigElements.Expiration expiration();

        DhcpConfigElements.MultiThreading multiThreading();

        /** The {@code dhcp-ddns} map as given (empty: DDNS off). */
        Map<String, Object> dhcpDdns();

        List<HooksLibraryConfig> hooksLibraries();

        ServerControlSockets controlSockets();

        List<LoggerConfig> loggers();
    }

    /** A family's running server, as its section drives it. */
    public interface Server<R> extends AutoCloseable {
        /** What the server runs on now; null before the first {@link #apply}. */
        R runtime();

        /**
         * Listens on the sockets {@code next} asks for (reopened only when they changed).
         *
         * @throws ConfigException when another process holds the port: the sockets before stay
         */
        void listen(R next) throws ConfigException;

        /** Puts back the sockets of the configuration before (a configuration failed after its sockets opened). */
        void revertSockets();

        /** Swaps in a configuration whose sockets are open. */
        void apply(R next);

        /** Reclaims every expired lease now; returns how many. */
        int reclaimNow(boolean remove) throws Exception;

        @Override
        void close();
    }

    /**
     * A family's messages about its configuration and its server, each with the family's own ID.
     *
     * @param configStart parsing a configuration ({@code DHCP4_CONFIG_START})
     * @param parserFail  the configuration is wrong ({@code DHCP4_PARSER_FAIL})
     * @param newSubnet   a subnet the configuration adds ({@code DHCP4_CONFIG_NEW_SUBNET})
     * @param complete    the configuration is applied ({@code DHCP4_CONFIG_COMPLETE})
     * @param started     the server runs, after its first configuration ({@code DHCP4_STARTED})
     * @param shutdown    the server stopped ({@code DHCP4_SHUTDOWN})
     */
    public record Messages(MessageId configStart, MessageId parserFail, MessageId newSubnet, MessageId complete,
            MessageId started, MessageId shutdown) {
    }

    /** The services a section's component is given. */
    public record Services(HooksManager hooks, LeaseDatabases leaseDatabases, HostDatabases hostDatabases,
            Statistics statistics, NetworkState networkState) {
    }

    private final int universe;
    private final ServerConfigEvents events;
    private final Messages messages;
    private final JsonNode defaults;
    private final Services services;
    private final OpenHostDatabases hostDatabases;
    private final String version;
    private final AtomicReference<C> current = new AtomicReference<>();
    private S server;

    /**
     * @param universe 4 or 6
     * @param events   the family's logger and messages about the configuration's life
     * @param messages the family's messages about its configuration and server
     * @param defaults Kea 2.2's global defaults of the family (its {@code config-get} of a configuration that sets
     *                 none)
     * @param services what the family's component was given
     * @param context  the family's bundle: the version the server logs is core's {@code Kea4j-Version}, else this
     *                 bundle's
     */
    protected ServerSection(int universe, ServerConfigEvents events, Messages messages, JsonNode defaults,
            Services services, BundleContext context) {
        this.universe = universe;
        this.events = events;
        this.messages = messages;
        this.defaults = defaults;
        this.services = services;
        this.hostDatabases = new OpenHostDatabases(services.hostDatabases(), universe);
        this.version = version(context);
    }

    private static String version(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if ("org.kea4j.core".equals(b.getSymbolicName())) {
                String v = b.getHeaders().get("Kea4j-Version");
                if (v != null) {
                    return v;
                }
            }
        }
        return context.getBundle().getVersion().toString();
    }

    /** Parses the family's section. */
    protected abstract C parse(ConfigNode element, ConfigContext context) throws ConfigException;

    /** Makes a parsed configuration ready for the packet path. */
    protected abstract R build(C config) throws ConfigException;

    /** Gives a runtime the host databases of its configuration. */
    protected abstract void attachHostDatabases(R runtime, List<HostDataSource> databases);

    /** Makes the family's server (once, before its first configuration), counting its packets in {@code packets}. */
    protected abstract S newServer(PacketStatistics packets);

    /** The pipeline a rehearsal runs the family's exchanges on ({@link Rehearsal}). */
    protected abstract Rehearsal.Pipeline rehearsal();

    /** Swaps a configuration in; a family that adds to it first (the server DUID) overrides this. */
    protected void apply(S running, R runtime) {
        running.apply(runtime);
    }

    protected final Services services() {
        return services;
    }

    /** The running server, or null before the first configuration. */
    private synchronized S server() {
        return server;
    }

    @Override
    public final String name() {
        return "Dhcp" + universe;
    }

    @Override
    public final String loggerRoot() {
        return events.loggerRoot();
    }

    @Override
    public final int reclaimExpired(boolean remove) throws Exception {
        S running = server();
        return running == null ? 0 : running.reclaimNow(remove);
    }

    @Override
    public final PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException {
        events.log().log(messages.configStart(), Secrets.hidden(element.json()));
        C config;
        R runtime;
        try {
            config = parse(element, context);
            services.leaseDatabases().validate(config.leaseDatabase(), universe);
            runtime = build(config);
        } catch (ConfigException e) {
            ConfigException named = e.element().startsWith("lease-database")
                    ? new ConfigException(element.path() + "/" + e.element(), e.reason(),
                            element.document().locationOf(element.path() + "/lease-database"))
                    : e;
            events.log().log(messages.parserFail(), named.element(), named.reason()
                    + (named.location() == null ? "" : " (" + named.location() + ")"));
            throw named;
        }
        return new Prepared(config, runtime);
    }

    /** A parsed and checked configuration, waiting to be committed. */
    private final class Prepared implements PreparedSection {
        private final C config;
        private final R runtime;

        Prepared(C config, R runtime) {
            this.config = config;
            this.runtime = runtime;
        }

        @Override
        public void commit() throws ConfigException {
            S before = server();
            boolean starting = before == null || before.runtime() == null;
            S running = listen(runtime);
            try {
                openLeaseDatabase(config);
                hostDatabases.replace(config.hostDatabases(), databases -> attachHostDatabases(runtime, databases));
            } catch (ConfigException e) {
                running.revertSockets();
                throw e;
            }
            C previous = current.getAndSet(config);
            LeaseDatabases leaseDatabases = services.leaseDatabases();
            leaseDatabases.setSubnets(universe, new ConfiguredSubnets(universe, config.subnets()));
            LeaseStatistics.configured(services.statistics(), universe, config.subnets(),
                    leaseDatabases.current(universe).orElse(null));
            apply(running, runtime);
            for (Subnet subnet : config.subnets()) {
                if (previous == null || !previous.subnets().contains(subnet)) {
                    events.log().log(messages.newSubnet(), subnet);
                }
            }
            events.log().log(messages.complete(), summary(universe, config));
            if (starting) {
                events.log().log(messages.started(), version);
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
    }

    /** What {@code DHCP4_CONFIG_COMPLETE} says of a configuration: its subnets, and whether DDNS is on. */
    static String summary(int universe, Config config) {
        return "added IPv" + universe + " subnets: " + config.subnets().size() + "; DDNS: "
                + (config.dhcpDdns().isEmpty() || Boolean.FALSE.equals(config.dhcpDdns().get("enable-updates"))
                        ? "disabled" : "enabled");
    }

    /** Opens the configured lease database, or keeps the open one when its parameters did not change. */
    private void openLeaseDatabase(C config) throws ConfigException {
        LeaseDatabases leaseDatabases = services.leaseDatabases();
        C previous = current.get();
        if (previous != null && previous.leaseDatabase().equals(config.leaseDatabase())
                && leaseDatabases.current(universe).isPresent()) {
            return;
        }
        LeaseMgr opened = leaseDatabases.open(config.leaseDatabase(), universe);
        leaseDatabases.close(leaseDatabases.setCurrent(universe, opened));
    }

    /**
     * The server, made and rehearsed the first time, listening on the sockets of a configuration.
     *
     * @throws ConfigException when another process holds the port: the sockets before stay open
     */
    private synchronized S listen(R runtime) throws ConfigException {
        if (server == null) {
            PacketStatistics packets = new PacketStatistics(services.statistics(), universe);
            packets.init();
            server = newServer(packets);
            Rehearsal.run("DHCPv" + universe, universe, services.hooks(), services.leaseDatabases(), rehearsal());
            StartupHeap.collectOnce();
        }
        server.listen(runtime);
        return server;
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
            events.log().log(messages.shutdown());
        }
    }

    /** Stops the server and closes its host databases (the component's deactivation). */
    protected final void stop() {
        stopServer();
        hostDatabases.close();
    }

    @Override
    public final void shutdown() {
        stop();
        current.set(null);
        LeaseDatabases leaseDatabases = services.leaseDatabases();
        leaseDatabases.setSubnets(universe, null);
        leaseDatabases.close(leaseDatabases.setCurrent(universe, null));
    }

    @Override
    public final JsonNode defaults() {
        return defaults;
    }

    @Override
    public final JsonNode printed(ObjectNode given) {
        C config = current.get();
        return config == null ? ConfigSection.super.printed(given)
                : KeaConfigOutput.print(given, defaults, universe, config.optionDefs(), config.subnets());
    }

    @Override
    public final void configFailed(String origin, String reason, ConfigTrigger trigger) {
        events.configFailed(origin, reason, trigger);
    }

    @Override
    public final void configApplied(String origin, ConfigTrigger trigger) {
        events.configApplied(origin, trigger);
    }

    @Override
    public final void alreadyRunning(String reason) {
        events.alreadyRunning(reason);
    }

    @Override
    public final void reconfigurationStarting(String origin, ConfigTrigger trigger) {
        events.reconfigurationStarting(origin, trigger);
    }
}
