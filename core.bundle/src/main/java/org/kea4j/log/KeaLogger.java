package org.kea4j.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A Kea logger: logs message IDs, each with its own severity, and filters by Kea's severity threshold
 * and debug level (0-99). Names are hierarchical as in Kea ({@code kea-dhcp4.dhcpsrv}).
 *
 * <p>A logger is either absolute ({@link #get(String)}, for example {@code kea-dhcp4.dhcp4}) or belongs to
 * a shared subsystem ({@link #forSubsystem(String)}, for example {@code hooks}): the latter is named after
 * the process root, which the platform sets to the root of the first server the configuration hosts,
 * so that the hooks framework of a DHCPv4 server logs as {@code kea-dhcp4.hooks}, as in Kea.
 *
 * <p>Thread-safe; the enabled check on the packet path is one volatile read.
 */
@ProviderType
public final class KeaLogger {

    /** The root name of shared subsystems before any configuration names a server. */
    public static final String DEFAULT_PROCESS_ROOT = "kea4j";

    /** SLF4J marker that carries Kea's FATAL severity (SLF4J itself stops at ERROR). */
    public static final Marker FATAL = MarkerFactory.getMarker("FATAL");

    /** Decides the threshold of each logger name. */
    @FunctionalInterface
    public interface LevelPolicy {
        /** The threshold for a full logger name. */
        Threshold thresholdFor(String loggerName);
    }

    /** A logger's threshold: the lowest severity printed and, for DEBUG, the highest debug level. */
    public static final class Threshold {

        private final Severity severity;
        private final int debugLevel;

        /** Kea's default: INFO. */
        public static final Threshold DEFAULT = new Threshold(Severity.INFO, 0);

        public Threshold(Severity severity, int debugLevel) {
            Objects.requireNonNull(severity, "severity");
            debugLevel = Math.max(0, Math.min(Severity.MAX_DEBUG_LEVEL, debugLevel));
            this.severity = severity;
            this.debugLevel = debugLevel;
        }

        public Severity severity() {
            return severity;
        }

        public int debugLevel() {
            return debugLevel;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Threshold o && java.util.Objects.equals(o.severity, severity) && o.debugLevel == debugLevel;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(severity, debugLevel);
        }

        @Override
        public String toString() {
            return "Threshold[severity=" + severity + ", debugLevel=" + debugLevel + "]";
        }
    }

    private static final ConcurrentMap<String, KeaLogger> ABSOLUTE = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, KeaLogger> SUBSYSTEMS = new ConcurrentHashMap<>();
    private static volatile String processRoot = DEFAULT_PROCESS_ROOT;
    private static volatile LevelPolicy policy = name -> Threshold.DEFAULT;
    /** The thread whose lines are formatted but not written ({@link #quietly}), or null. */
    private static volatile Thread quiet;

    private final String subsystem;
    private volatile String name;
    private volatile Logger delegate;
    /** severity ordinal in bits 8.., debug level in bits 0..7. */
    private volatile int threshold;

    private KeaLogger(String name, String subsystem) {
        this.subsystem = subsystem;
        bind(name);
    }

    /** The logger with this full name. */
    public static KeaLogger get(String name) {
        return ABSOLUTE.computeIfAbsent(name, n -> new KeaLogger(n, null));
    }

    /** The logger of a shared subsystem, named {@code <process root>.<subsystem>}. */
    public static KeaLogger forSubsystem(String subsystem) {
        return SUBSYSTEMS.computeIfAbsent(subsystem, s -> new KeaLogger(processRoot + "." + s, s));
    }

    /** Every logger created so far. */
    public static Collection<KeaLogger> all() {
        List<KeaLogger> loggers = new ArrayList<>(ABSOLUTE.values());
        loggers.addAll(SUBSYSTEMS.values());
        return loggers;
    }

    /** The current process root. */
    public static String processRoot() {
        return processRoot;
    }

    /**
     * Sets the root under which shared subsystems log and the policy that gives each logger its
     * threshold; applied to every existing logger at once. Used by the platform's logging configuration.
     */
    public static synchronized void configure(String newProcessRoot, LevelPolicy newPolicy) {
        processRoot = Objects.requireNonNull(newProcessRoot, "processRoot");
        policy = Objects.requireNonNull(newPolicy, "policy");
        for (KeaLogger logger : SUBSYSTEMS.values()) {
            logger.bind(newProcessRoot + "." + logger.subsystem);
        }
        for (KeaLogger logger : ABSOLUTE.values()) {
            logger.bind(logger.name);
        }
    }

    private void bind(String newName) {
        this.name = newName;
        this.delegate = LoggerFactory.getLogger(newName);
        Threshold t = policy.thresholdFor(newName);
        this.threshold = (t.severity().ordinal() << 8) | t.debugLevel();
    }

    /** The full name this logger prints. */
    public String name() {
        return name;
    }

    /** The current threshold. */
    public Threshold threshold() {
        int t = threshold;
        return new Threshold(Severity.values()[t >>> 8], t & 0xff);
    }

    /** Whether a message with this ID would be printed now. */
    public boolean isEnabled(MessageId id) {
        MessageDef def = id.def();
        int t = threshold;
        int severity = def.severity().ordinal();
        if (severity < (t >>> 8)) {
            return false;
        }
        return def.severity() != Severity.DEBUG || def.debugLevel() <= (t & 0xff);
    }

    /** Logs a message ID with its arguments (placeholders {@code %1..%n}), at the ID's own severity. */
    public void log(MessageId id, Object... args) {
        if (!isEnabled(id)) {
            return;
        }
        String line = MessageFormatter.line(id, args);
        if (Thread.currentThread() == quiet) {
            return;
        }
        Logger out = delegate;
        switch (id.def().severity()) {
            case DEBUG -> out.debug(line);
            case INFO -> out.info(line);
            case WARN -> out.warn(line);
            case ERROR -> out.error(line);
            case FATAL -> out.error(FATAL, line);
            default -> throw new IllegalStateException("unexpected severity of " + id.name());
        }
    }

    /**
     * Runs an action whose log lines on this thread are formatted (the code that formats them runs, as it would)
     * but not written: a rehearsal of the packet path with synthetic clients must not fill the log. One thread at
     * a time.
     */
    public static synchronized void quietly(Runnable action) {
        quiet = Thread.currentThread();
        try {
            action.run();
        } finally {
            quiet = null;
        }
    }

    @Override
    public String toString() {
        return "KeaLogger[" + name + ", " + threshold() + "]";
    }
}
