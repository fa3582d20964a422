package org.kea4j.config;

import java.util.List;
import java.util.Objects;
import org.kea4j.log.Severity;

/**
 * One entry of Kea's {@code loggers} list.
 *
 * @param name       logger name; may contain {@code *} wildcards
 * @param severity   threshold
 * @param debugLevel 0-99, used with DEBUG
 * @param outputs    where to write; empty = inherit the parent's outputs
 */
public record LoggerConfig(String name, Severity severity, int debugLevel, List<LogOutput> outputs) {

    public LoggerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        outputs = List.copyOf(outputs);
    }

    /**
     * An output option.
     *
     * @param output  {@code stdout}, {@code stderr}, {@code syslog}, {@code syslog:FACILITY} or a file path
     * @param maxSize file size that triggers rotation, in bytes (0 = never rotate)
     * @param maxVer  how many rotated files to keep
     * @param flush   flush after every line
     * @param pattern a log4cplus line pattern as Kea takes it ({@code %D{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i] %m\n}),
     *                or null for Kea's default layout
     */
    public record LogOutput(String output, long maxSize, int maxVer, boolean flush, String pattern) {
        public LogOutput {
            Objects.requireNonNull(output, "output");
        }

        /** An output with Kea's default layout. */
        public LogOutput(String output, long maxSize, int maxVer, boolean flush) {
            this(output, maxSize, maxVer, flush, null);
        }
    }
}
