package org.kea4j.core.internal.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.kea4j.log.KeaLogger;
import org.slf4j.Marker;

/**
 * Kea's console and file line: {@code 2026-11-26 12:00:00.123 INFO  [kea-dhcp4.dhcp4/4242] DHCP4_STARTED ...}
 * (local time with milliseconds, severity in five columns, logger name and PID, then ID and text).
 */
final class KeaLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long PID = ProcessHandle.current().pid();

    /** The formatted second of the last line: most lines share it. */
    private record SecondCache(long epochSecond, String text) {
    }

    private volatile SecondCache cache = new SecondCache(Long.MIN_VALUE, "");
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        long millis = event.getTimeStamp();
        StringBuilder sb = new StringBuilder(128);
        sb.append(second(Math.floorDiv(millis, 1000L))).append('.');
        int ms = (int) Math.floorMod(millis, 1000L);
        if (ms < 100) {
            sb.append('0');
        }
        if (ms < 10) {
            sb.append('0');
        }
        sb.append(ms).append(' ');
        String severity = severity(event);
        sb.append(severity);
        for (int i = severity.length(); i < 5; i++) {
            sb.append(' ');
        }
        sb.append(" [").append(event.getLoggerName()).append('/').append(PID).append("] ");
        sb.append(event.getFormattedMessage());
        sb.append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            sb.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            sb.append(CoreConstants.LINE_SEPARATOR);
        }
        return sb.toString();
    }

    private String second(long epochSecond) {
        SecondCache c = cache;
        if (c.epochSecond() != epochSecond) {
            String text = SECONDS.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone));
            c = new SecondCache(epochSecond, text);
            cache = c;
        }
        return c.text();
    }

    static String severity(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level == Level.ERROR) {
            List<Marker> markers = event.getMarkerList();
            if (markers != null && markers.contains(KeaLogger.FATAL)) {
                return "FATAL";
            }
            return "ERROR";
        }
        if (level == Level.TRACE) {
            return "DEBUG";
        }
        return level.toString();
    }
}
