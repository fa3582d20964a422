package org.kea4j.core.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class PatternLayout4cplusTest {

    private static LoggingEvent event(Level level, String message) {
        LoggerContext context = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", context.getLogger("kea-dhcp6.dhcp6"), level, message, null, null);
        e.setTimeStamp(java.time.LocalDateTime.of(2026, 11, 26, 12, 0, 1, 123_000_000)
                .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());
        return e;
    }

    @Test
    void debiansPatternPrintsSeverityAndMessage() {
        PatternLayout4cplus layout = new PatternLayout4cplus("%-5p %m\n");
        assertEquals("INFO  DHCP6_STARTED started\n", layout.doLayout(event(Level.INFO, "DHCP6_STARTED started")));
    }

    @Test
    void keasDefaultPatternLooksLikeKeasLine() {
        PatternLayout4cplus layout = new PatternLayout4cplus("%D{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i.%t] %m\n");
        String line = layout.doLayout(event(Level.WARN, "DHCP6_X text"));
        assertTrue(line.startsWith("2026-11-26 12:00:01.123 WARN  [kea-dhcp6.dhcp6/" + ProcessHandle.current().pid()
                + "."), line);
        assertTrue(line.endsWith("] DHCP6_X text\n"), line);
    }

    @Test
    void widthsPadOnEitherSideAndUnknownConversionsStay() {
        PatternLayout4cplus layout = new PatternLayout4cplus("[%8p][%-8p] %z 100%% %n");
        assertEquals("[   DEBUG][DEBUG   ] %z 100% " + System.lineSeparator(),
                layout.doLayout(event(Level.DEBUG, "m")));
    }
}
