package org.kea4j.core.internal.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kea4j.config.LoggerConfig.LogOutput;

/** Builds logback appenders for Kea's output options. Rotation and syslog are logback's own. */
final class LogOutputs {

    private static final Set<String> FACILITIES = Set.of("KERN", "USER", "MAIL", "DAEMON", "AUTH", "SYSLOG", "LPR",
            "NEWS", "UUCP", "CRON", "AUTHPRIV", "FTP", "NTP", "AUDIT", "ALERT", "CLOCK", "LOCAL0", "LOCAL1",
            "LOCAL2", "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7");

    /** Port of the local syslog daemon; a system property lets tests listen on their own port. */
    static final String SYSLOG_PORT_PROPERTY = "kea4j.syslog.port";

    private LogOutputs() {
    }

    /** The syslog facility of an output, or empty when the output is not syslog. */
    static Optional<String> syslogFacility(String output) {
        if (output.equals("syslog")) {
            return Optional.of("LOCAL0");
        }
        if (output.startsWith("syslog:")) {
            String facility = output.substring("syslog:".length()).trim().toUpperCase(Locale.ROOT);
            return Optional.of(facility.isEmpty() ? "LOCAL0" : facility);
        }
        return Optional.empty();
    }

    /**
     * Checks an output option without opening anything.
     *
     * @return null when usable, otherwise why not
     */
    static String problem(LogOutput output) {
        Optional<String> facility = syslogFacility(output.output());
        if (facility.isPresent()) {
            return FACILITIES.contains(facility.get()) ? null : "unknown syslog facility " + facility.get();
        }
        if (isConsole(output.output())) {
            return null;
        }
        Path file = Path.of(output.output()).toAbsolutePath();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "directory " + dir + " does not exist";
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(dir)) {
            return "not writable";
        }
        return null;
    }

    static boolean isConsole(String output) {
        return output.equals("stdout") || output.equals("stderr");
    }

    /** Creates and starts the appender of an output option. */
    static Appender<ILoggingEvent> create(LoggerContext context, LogOutput output) {
        String name = key(output);
        Optional<String> facility = syslogFacility(output.output());
        if (facility.isPresent()) {
            SyslogAppender syslog = new SyslogAppender();
            syslog.setContext(context);
            syslog.setName(name);
            syslog.setSyslogHost("localhost");
            syslog.setPort(Integer.getInteger(SYSLOG_PORT_PROPERTY, 514));
            syslog.setFacility(facility.get());
            syslog.setSuffixPattern("%-5level [%logger] %msg");
            syslog.start();
            return syslog;
        }
        OutputStreamAppender<ILoggingEvent> appender;
        if (isConsole(output.output())) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget(output.output().equals("stdout") ? "System.out" : "System.err");
            appender = console;
        } else if (output.maxSize() > 0) {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(context);
            rolling.setFile(output.output());
            FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
            window.setContext(context);
            window.setParent(rolling);
            window.setFileNamePattern(output.output() + ".%i");
            window.setMinIndex(1);
            window.setMaxIndex(output.maxVer());
            window.start();
            SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
            size.setContext(context);
            size.setMaxFileSize(new FileSize(output.maxSize()));
            // check the size at every line, as Kea does, not once a minute
            size.setCheckIncrement(Duration.buildByMilliseconds(0));
            size.start();
            rolling.setRollingPolicy(window);
            rolling.setTriggeringPolicy(size);
            appender = rolling;
        } else {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(output.output());
            appender = file;
        }
        appender.setContext(context);
        appender.setName(name);
        appender.setImmediateFlush(output.flush());
        LayoutBase<ILoggingEvent> layout = output.pattern() == null ? new KeaLayout()
                : new PatternLayout4cplus(output.pattern());
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** Outputs with equal keys share one appender: one file has one writer. */
    static String key(LogOutput output) {
        return output.output();
    }
}
