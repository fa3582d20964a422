package org.kea4j.ddns.internal;

import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_CFG_FILE_RELOAD_ERROR;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_CONFIGURE;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_NOT_ON_LOOPBACK;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_RUN_EXIT;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_STARTED;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ConfigSection;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.config.ControlSocketConfig;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.PreparedSection;
import org.kea4j.config.Secrets;
import org.kea4j.ddns.d2.D2Config;
import org.kea4j.ddns.d2.D2ConfigParser;
import org.kea4j.ddns.d2.D2Process;
import org.kea4j.ddns.d2.D2Statistics;
import org.kea4j.ddns.d2.DnsClient;
import org.kea4j.log.KeaLogger;
import org.kea4j.stats.Statistics;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The {@code DhcpDdns} section: parses it and runs D2, in the same process as the DHCP servers or alone. */
@Component(service = ConfigSection.class)
public final class D2Section implements ConfigSection {

    static final String LOGGER_ROOT = "kea-dhcp-ddns";
    private static final KeaLogger LOG = KeaLogger.get(LOGGER_ROOT + ".dhcpddns");

    private final D2Statistics statistics;
    private final String version;
    private D2Process process;

    @Activate
    public D2Section(@Reference Statistics statistics, BundleContext context) {
        this.statistics = new D2Statistics(statistics);
        String v = null;
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if ("org.kea4j.core".equals(b.getSymbolicName())) {
                v = b.getHeaders().get("Kea4j-Version");
            }
        }
        this.version = v == null ? context.getBundle().getVersion().toString() : v;
    }

    @Override
    public String name() {
        return "DhcpDdns";
    }

    @Override
    public String loggerRoot() {
        return LOGGER_ROOT;
    }

    @Override
    public PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException {
        LOG.log(DHCP_DDNS_CONFIGURE, Secrets.hidden(element.json()));
        D2Config config = D2ConfigParser.parse(element);
        return new PreparedSection() {
            @Override
            public void commit() throws ConfigException {
                apply(config, element);
            }

            @Override
            public List<HooksLibraryConfig> hooksLibraries() {
                return config.hooksLibraries();
            }

            @Override
            public Optional<ControlSocketConfig> controlSocket() {
                return config.controlSocket();
            }

            @Override
            public List<LoggerConfig> loggers() {
                return config.loggers();
            }
        };
    }

    private synchronized void apply(D2Config config, ConfigNode element) throws ConfigException {
        boolean starting = process == null;
        D2Process running = starting ? new D2Process(config, DnsClient.UDP, statistics, D2Process.MAX_QUEUE_SIZE,
                D2Process.MAX_TRANSACTIONS) : process;
        try {
            running.configure(config);
        } catch (IOException e) {
            if (starting) {
                running.close();
            }
            throw new ConfigException(element.path() + "/ip-address", "cannot listen for NCRs on "
                    + config.ipAddress().getHostAddress() + " port " + config.port() + ": " + e.getMessage(), null);
        }
        process = running;
        statistics.init(config);
        if (!config.ipAddress().isLoopbackAddress()) {
            LOG.log(DHCP_DDNS_NOT_ON_LOOPBACK, config.ipAddress().getHostAddress());
        }
        if (starting) {
            LOG.log(DHCP_DDNS_STARTED, version);
        }
    }

    /** The running D2, or null. */
    synchronized D2Process process() {
        return process;
    }

    @Override
    public void configFailed(String origin, String reason, ConfigTrigger trigger) {
        if (process() != null) {
            LOG.log(DHCP_DDNS_CFG_FILE_RELOAD_ERROR, reason);
        }
    }

    @Override
    public synchronized void shutdown() {
        if (process != null) {
            process.close();
            process = null;
            LOG.log(DHCP_DDNS_RUN_EXIT);
        }
    }

    @Deactivate
    void deactivate() {
        shutdown();
    }
}
