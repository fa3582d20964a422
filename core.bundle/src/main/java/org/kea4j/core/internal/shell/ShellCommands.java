package org.kea4j.core.internal.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigResult;
import org.kea4j.core.internal.config.ConfigManager;
import org.kea4j.core.internal.launcher.ProcessControl;
import org.kea4j.core.internal.log.LoggingManager;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.log.KeaLogger.Threshold;
import org.kea4j.log.Severity;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Shell-only commands of the {@code kea} scope: {@code hooks}, {@code version}, {@code log-level},
 * {@code config-test FILE} and {@code leases}.
 */
@Component
public final class ShellCommands {

    private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();
    private final HooksManager hooks;
    private final ProcessControl process;
    private final ConfigManager config;
    private final LeaseDatabases leases;

    @Activate
    public ShellCommands(BundleContext context, @Reference HooksManager hooks, @Reference ProcessControl process,
            @Reference ConfigManager config, @Reference LeaseDatabases leases) {
        this.hooks = hooks;
        this.process = process;
        this.config = config;
        this.leases = leases;
        register(context, "hooks", (s, a) -> hooks());
        register(context, "version", (s, a) -> process.extendedVersion());
        register(context, "log-level", (s, a) -> logLevel(a));
        register(context, "config-test", (s, a) -> configTest(a));
        register(context, "leases", (s, a) -> leases(a));
    }

    private void register(BundleContext context, String name, Function function) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", "kea");
        props.put("osgi.command.function", name);
        registrations.add(context.registerService(Function.class, function, props));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    /**
     * Libraries in call order (state, bundle and versions, reason, parameters, callouts with statistics since
     * first loaded), then the hook points that have callouts, in call order.
     */
    String hooks() {
        StringBuilder out = new StringBuilder("Libraries (call order):\n");
        List<LibraryInfo> libraries = hooks.libraries();
        if (libraries.isEmpty()) {
            out.append("  (none)\n");
        }
        for (LibraryInfo lib : libraries) {
            out.append(String.format("  %2d  %-8s %s  (%s)%n", lib.index(), lib.state(), lib.name(),
                    lib.origin() == LibraryInfo.Origin.CONFIGURED ? "hooks-libraries" : "hooks folder"));
            if (lib.bundle() != null) {
                out.append(String.format("        bundle %s %s, hooks framework version %s%n", lib.bundle(),
                        lib.bundleVersion(), lib.version() < 0 ? "-" : String.valueOf(lib.version())));
            }
            if (!lib.detail().isEmpty()) {
                out.append("        ").append(lib.detail()).append('\n');
            }
            if (!lib.parameters().isEmpty()) {
                out.append("        parameters ").append(lib.parameters()).append('\n');
            }
            for (LibraryInfo.CalloutInfo c : lib.callouts()) {
                out.append(String.format("        %-18s %s  calls=%d errors=%d mean=%s max=%s%n", c.hook(), c.name(),
                        c.calls(), c.errors(), micros(c.meanNanos()), micros(c.maxNanos())));
            }
        }
        out.append("Hook points with callouts:\n");
        boolean any = false;
        for (HookPointInfo point : hooks.hookPoints()) {
            if (point.callouts().isEmpty()) {
                continue;
            }
            any = true;
            out.append("  ").append(point.name()).append(':');
            for (HookPointInfo.Entry e : point.callouts()) {
                out.append("  ").append(e.library()).append('/').append(e.callout().name());
            }
            out.append('\n');
        }
        if (!any) {
            out.append("  (none)\n");
        }
        return out.toString();
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1fus", nanos / 1000.0);
    }

    /** {@code log-level LOGGER SEVERITY [DEBUGLEVEL]}; SEVERITY {@code default} removes the override. */
    String logLevel(List<Object> args) {
        if (args.size() < 2 || args.size() > 3) {
            return "usage: kea:log-level LOGGER SEVERITY [DEBUGLEVEL]   (SEVERITY: DEBUG INFO WARN ERROR FATAL NONE default)";
        }
        String logger = String.valueOf(args.get(0));
        String severityText = String.valueOf(args.get(1));
        if (severityText.toLowerCase(Locale.ROOT).equals("default")) {
            LoggingManager.instance().override(logger, null);
            return "logger " + logger + " follows the configuration again";
        }
        Severity severity = Severity.parse(severityText).orElse(null);
        if (severity == null) {
            return "unrecognized log severity: " + severityText;
        }
        int debugLevel = 0;
        if (args.size() == 3) {
            try {
                debugLevel = Integer.parseInt(String.valueOf(args.get(2)));
            } catch (NumberFormatException e) {
                return "debug level must be a number 0-" + Severity.MAX_DEBUG_LEVEL;
            }
            if (debugLevel < 0 || debugLevel > Severity.MAX_DEBUG_LEVEL) {
                return "debug level must be a number 0-" + Severity.MAX_DEBUG_LEVEL;
            }
        }
        LoggingManager.instance().override(logger, new Threshold(severity, debugLevel));
        return "logger " + logger + " set to " + severity + (severity == Severity.DEBUG ? "/" + debugLevel : "");
    }

    /** {@code leases [4|6]}: the leases of the running servers as a table. */
    String leases(List<Object> args) {
        StringBuilder out = new StringBuilder();
        long now = System.currentTimeMillis() / 1000;
        boolean any = false;
        for (int universe : List.of(4, 6)) {
            if (!args.isEmpty() && !String.valueOf(args.get(0)).equals(String.valueOf(universe))) {
                continue;
            }
            var mgr = leases.current(universe);
            if (mgr.isEmpty()) {
                continue;
            }
            any = true;
            if (universe == 4) {
                var all = mgr.get().getLeases4();
                out.append(String.format("IPv4 leases (%d) in %s %s%n", all.size(), mgr.get().type(), mgr.get().name()));
                out.append(String.format("  %-15s  %-17s  %-6s  %-8s  %-10s  %-5s  %s%n", "address", "hw-address",
                        "subnet", "valid", "expires-in", "state", "hostname"));
                for (Lease4 l : all) {
                    out.append(String.format("  %-15s  %-17s  %-6d  %-8d  %-10d  %-5d  %s%n", l.address().getHostAddress(),
                            l.hwaddr() == null ? "" : l.hwaddr(), l.subnetId(), l.validLifetime(), l.expire() - now,
                            l.state(), l.hostname()));
                }
            } else {
                var all = mgr.get().getLeases6();
                out.append(String.format("IPv6 leases (%d) in %s %s%n", all.size(), mgr.get().type(), mgr.get().name()));
                out.append(String.format("  %-5s  %-40s  %-10s  %-6s  %-8s  %-10s  %s%n", "type", "address/prefix", "iaid",
                        "subnet", "valid", "expires-in", "duid"));
                for (Lease6 l : all) {
                    out.append(String.format("  %-5s  %-40s  %-10d  %-6d  %-8d  %-10d  %s%n", l.type(),
                            Addresses.format(l.address()) + "/" + l.prefixLength(), l.iaid(), l.subnetId(),
                            l.validLifetime(), l.expire() - now, l.duid()));
                }
            }
        }
        return any ? out.toString() : "no lease database is open\n";
    }

    /** {@code config-test FILE}. */
    String configTest(List<Object> args) {
        if (args.size() != 1) {
            return "usage: kea:config-test FILE";
        }
        try {
            ConfigResult result = config.test(ConfigDocument.read(Path.of(String.valueOf(args.get(0)))));
            return (result.success() ? "OK: " : "FAILED: ") + result.text();
        } catch (ConfigException e) {
            return "FAILED: " + e.getMessage();
        }
    }
}
