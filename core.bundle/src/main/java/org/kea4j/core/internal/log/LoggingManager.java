package org.kea4j.core.internal.log;

import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_LOG_EXPLICIT;
import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_LOG_IGNORE_EXPLICIT;
import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_LOG_IGNORE_WILD;
import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_LOG_WILD_MATCH;
import static org.kea4j.log.LogMessages.LOG_BAD_DESTINATION;
import static org.kea4j.log.LogMessages.LOG_OPEN_OUTPUT_FAIL;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.LoggerConfig.LogOutput;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.KeaLogger.Threshold;
import org.kea4j.log.MessageFormatter;
import org.kea4j.log.Severity;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies Kea's logging configuration to logback. Kea loggers do their own filtering (severity and
 * debug level, see {@link KeaLogger}); logback carries the lines to the configured outputs. Libraries
 * that log through SLF4J directly (Netty, JDBC pools) print WARN and above to the default output.
 */
public final class LoggingManager {

    private static final LoggingManager INSTANCE = new LoggingManager();
    private static final KeaLogger LOG = KeaLogger.forSubsystem("config");

    /** Environment variable that picks the default output, as in Kea. */
    public static final String DESTINATION_ENV = "KEA_LOGGER_DESTINATION";

    private final Map<String, Appender<ILoggingEvent>> appenders = new HashMap<>();
    private final Set<String> configuredLoggers = new HashSet<>();
    private final Set<String> keaRoots = ConcurrentHashMap.newKeySet();
    private final Map<String, Threshold> overrides = new ConcurrentHashMap<>();
    private volatile Map<String, Threshold> thresholds = Map.of();
    private volatile Threshold defaultThreshold = Threshold.DEFAULT;
    private volatile boolean debugAll;
    private volatile String defaultDestination;
    private List<LoggerConfig> lastConfig = List.of();
    private List<String> lastRoots = List.of();

    private LoggingManager() {
    }

    public static LoggingManager instance() {
        return INSTANCE;
    }

    /** {@code -d}: every logger at DEBUG/99, whatever the configuration says. */
    public synchronized void setDebugAll(boolean debug) {
        this.debugAll = debug;
        apply(lastConfig, lastRoots);
    }

    /**
     * Checks loggers before a transaction commits: bad outputs, an output configured twice with different
     * options.
     *
     * @return null when fine, otherwise the problem
     */
    public static String validate(List<LoggerConfig> loggers) {
        Map<String, LogOutput> byKey = new HashMap<>();
        for (LoggerConfig logger : loggers) {
            for (LogOutput output : logger.outputs()) {
                String problem = LogOutputs.problem(output);
                if (problem != null) {
                    if (LogOutputs.syslogFacility(output.output()).isPresent()) {
                        return "logger " + logger.name() + ": " + MessageFormatter.line(LOG_BAD_DESTINATION, output.output())
                                + " (" + problem + ")";
                    }
                    return "logger " + logger.name() + ": " + MessageFormatter.line(LOG_OPEN_OUTPUT_FAIL, output.output(), problem);
                }
                LogOutput other = byKey.putIfAbsent(LogOutputs.key(output), output);
                if (other != null && !other.equals(output)) {
                    return "logger " + logger.name() + ": output " + output.output()
                            + " is configured twice with different options";
                }
            }
        }
        return null;
    }

    /** Makes {@code output} the default output (tools print their results on stdout: they log to stderr). */
    public synchronized void setDefaultOutput(String output) {
        this.defaultDestination = output;
        apply(lastConfig, lastRoots);
    }

    /** Logging before any configuration: everything to the default output (stdout), INFO. */
    public synchronized void applyDefaults() {
        apply(List.of(), List.of());
    }

    /**
     * Applies loggers.
     *
     * @param loggers     every {@code loggers} entry of the configuration (wildcards allowed)
     * @param hostedRoots root logger names of the daemons this process hosts, first one first
     */
    public synchronized void apply(List<LoggerConfig> loggers, List<String> hostedRoots) {
        this.lastConfig = List.copyOf(loggers);
        this.lastRoots = List.copyOf(hostedRoots);
        String processRoot = hostedRoots.isEmpty() ? KeaLogger.DEFAULT_PROCESS_ROOT : hostedRoots.get(0);
        Set<String> roots = new HashSet<>(hostedRoots);
        roots.add(processRoot);
        Map<String, LoggerConfig> effective = expand(loggers, roots);

        LoggerContext context = context();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        // the SQL connection pool warns with a stack trace per dead connection; the back end logs the outage
        // once with Kea's messages instead
        context.getLogger("com.zaxxer.hikari").setLevel(Level.ERROR);
        Map<String, Appender<ILoggingEvent>> next = new HashMap<>();
        Appender<ILoggingEvent> defaultOut = appender(context, defaultOutput(defaultDestination), next);
        attachOnly(root, List.of(defaultOut));

        Set<String> nowConfigured = new HashSet<>();
        for (LoggerConfig config : effective.values()) {
            Logger logger = context.getLogger(config.name());
            nowConfigured.add(config.name());
            if (config.outputs().isEmpty()) {
                logger.detachAndStopAllAppenders();
                logger.setAdditive(true);
                continue;
            }
            List<Appender<ILoggingEvent>> outs = new ArrayList<>();
            for (LogOutput output : config.outputs()) {
                outs.add(appender(context, output, next));
            }
            attachOnly(logger, outs);
            logger.setAdditive(false);
        }
        for (String old : configuredLoggers) {
            if (!nowConfigured.contains(old)) {
                Logger logger = context.getLogger(old);
                for (Appender<ILoggingEvent> a : List.copyOf(appendersOf(logger))) {
                    logger.detachAppender(a);
                }
                logger.setAdditive(true);
            }
        }
        for (Map.Entry<String, Appender<ILoggingEvent>> old : appenders.entrySet()) {
            if (next.get(old.getKey()) != old.getValue()) {
                old.getValue().stop();
            }
        }
        appenders.clear();
        appenders.putAll(next);
        configuredLoggers.clear();
        configuredLoggers.addAll(nowConfigured);

        Map<String, Threshold> newThresholds = new HashMap<>();
        for (LoggerConfig config : effective.values()) {
            newThresholds.put(config.name(), debugAll ? new Threshold(Severity.DEBUG, Severity.MAX_DEBUG_LEVEL)
                    : new Threshold(config.severity(), config.debugLevel()));
        }
        this.thresholds = newThresholds;
        this.defaultThreshold = debugAll ? new Threshold(Severity.DEBUG, Severity.MAX_DEBUG_LEVEL) : Threshold.DEFAULT;
        for (String r : roots) {
            ensureKeaRoot(r);
        }
        KeaLogger.configure(processRoot, this::thresholdFor);
    }

    /** Expands wildcard names and keeps the entries of loggers this process hosts, logging each decision. */
    private Map<String, LoggerConfig> expand(List<LoggerConfig> loggers, Set<String> roots) {
        Map<String, LoggerConfig> explicit = new LinkedHashMap<>();
        for (LoggerConfig config : loggers) {
            if (config.name().contains("*")) {
                continue;
            }
            String root = rootOf(config.name());
            if (roots.contains(root) || keaRoots.contains(root)) {
                LOG.log(CONFIG_LOG_EXPLICIT, config.name());
                explicit.put(config.name(), config);
            } else {
                LOG.log(CONFIG_LOG_IGNORE_EXPLICIT, config.name());
            }
        }
        Map<String, LoggerConfig> effective = new LinkedHashMap<>(explicit);
        for (LoggerConfig config : loggers) {
            if (!config.name().contains("*")) {
                continue;
            }
            for (String root : roots) {
                String name = expandWildcard(config.name(), root);
                if (name == null) {
                    continue;
                }
                if (explicit.containsKey(name) || effective.containsKey(name)) {
                    LOG.log(CONFIG_LOG_IGNORE_WILD, config.name());
                } else {
                    LOG.log(CONFIG_LOG_WILD_MATCH, config.name());
                    effective.put(name, new LoggerConfig(name, config.severity(), config.debugLevel(),
                            config.outputs()));
                }
            }
        }
        return effective;
    }

    /** {@code *} names every root; {@code *.x} names {@code root.x}; other patterns are not wildcards. */
    static String expandWildcard(String pattern, String root) {
        if (pattern.equals("*")) {
            return root;
        }
        if (pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0) {
            return root + pattern.substring(1);
        }
        return null;
    }

    private static String rootOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The threshold of a logger: the most specific configured entry, a shell override, or the default. */
    private Threshold thresholdFor(String name) {
        ensureKeaRoot(rootOf(name));
        Map<String, Threshold> configured = thresholds;
        String n = name;
        while (true) {
            Threshold override = overrides.get(n);
            if (override != null) {
                return override;
            }
            Threshold t = configured.get(n);
            if (t != null) {
                return t;
            }
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return defaultThreshold;
            }
            n = n.substring(0, dot);
        }
    }

    /** Kea loggers filter themselves: let logback pass all their events. */
    private void ensureKeaRoot(String root) {
        if (keaRoots.add(root)) {
            context().getLogger(root).setLevel(Level.ALL);
        }
    }

    /** Changes one logger's threshold at run time (the shell's {@code kea:log-level}); null clears it. */
    public synchronized void override(String logger, Threshold threshold) {
        if (threshold == null) {
            overrides.remove(logger);
        } else {
            overrides.put(logger, threshold);
        }
        KeaLogger.configure(KeaLogger.processRoot(), this::thresholdFor);
    }

    private Appender<ILoggingEvent> appender(LoggerContext context, LogOutput output,
            Map<String, Appender<ILoggingEvent>> next) {
        String key = LogOutputs.key(output);
        Appender<ILoggingEvent> appender = next.get(key);
        if (appender == null) {
            appender = appenders.get(key);
            if (appender == null || !appender.isStarted()) {
                appender = LogOutputs.create(context, output);
            }
            next.put(key, appender);
        }
        return appender;
    }

    private static void attachOnly(Logger logger, List<Appender<ILoggingEvent>> wanted) {
        for (Appender<ILoggingEvent> a : List.copyOf(appendersOf(logger))) {
            if (!wanted.contains(a)) {
                logger.detachAppender(a);
            }
        }
        for (Appender<ILoggingEvent> a : wanted) {
            if (!logger.isAttached(a)) {
                logger.addAppender(a);
            }
        }
    }

    private static List<Appender<ILoggingEvent>> appendersOf(Logger logger) {
        List<Appender<ILoggingEvent>> list = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(list::add);
        return list;
    }

    /** The default output: the one set, or what {@value #DESTINATION_ENV} names, or stdout. */
    static LogOutput defaultOutput(String chosen) {
        String destination = chosen != null ? chosen : System.getenv(DESTINATION_ENV);
        if (destination == null || destination.isBlank()) {
            destination = "stdout";
        }
        LogOutput output = new LogOutput(destination.trim(), 0, 1, true);
        if (LogOutputs.problem(output) != null) {
            output = new LogOutput("stdout", 0, 1, true);
        }
        return output;
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("logback is not the SLF4J provider: " + factory.getClass().getName());
        }
        return context;
    }

    /** Whether logback is the SLF4J provider (it is in kea4j.jar; unit tests may run without it). */
    public static boolean available() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    }
}
