package org.kea4j.core.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.config.LoggerConfig;
import org.kea4j.config.LoggerConfig.LogOutput;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;
import org.kea4j.log.Severity;

class LoggingManagerTest {

    enum TestMessages implements MessageId {
        TEST_LOG_INFO(MessageDef.info("info line %1")),
        TEST_LOG_DEBUG40(MessageDef.debug(40, "debug forty")),
        TEST_LOG_DEBUG55(MessageDef.debug(55, "debug fifty-five")),
        TEST_LOG_FATAL(MessageDef.fatal("fatal %1"));

        private final MessageDef def;

        TestMessages(MessageDef def) {
            this.def = def;
        }

        @Override
        public MessageDef def() {
            return def;
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaults() {
        LoggingManager.instance().applyDefaults();
    }

    private static LoggerConfig logger(String name, Severity severity, int debug, LogOutput... outputs) {
        return new LoggerConfig(name, severity, debug, List.of(outputs));
    }

    private LogOutput file(String name) {
        return new LogOutput(dir.resolve(name).toString(), 0, 1, true);
    }

    @Test
    void linesLookLikeKeasAndFollowSeverityAndDebugLevel() throws IOException {
        LoggingManager.instance().apply(List.of(logger("kea-ltest", Severity.DEBUG, 50, file("a.log"))), List.of("kea-ltest"));
        KeaLogger log = KeaLogger.get("kea-ltest.dhcp4");
        log.log(TestMessages.TEST_LOG_INFO, "x");
        log.log(TestMessages.TEST_LOG_DEBUG40);
        log.log(TestMessages.TEST_LOG_DEBUG55);
        log.log(TestMessages.TEST_LOG_FATAL, "boom");
        List<String> lines = Files.readAllLines(dir.resolve("a.log"));
        assertEquals(3, lines.size(), lines.toString());
        long pid = ProcessHandle.current().pid();
        Pattern kea = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[kea-ltest\\.dhcp4/" + pid
                + "\\] TEST_LOG_INFO info line x");
        assertTrue(kea.matcher(lines.get(0)).matches(), lines.get(0));
        assertTrue(lines.get(1).contains(" DEBUG [kea-ltest.dhcp4/" + pid + "] TEST_LOG_DEBUG40 debug forty"), lines.get(1));
        assertTrue(lines.get(2).contains(" FATAL [kea-ltest.dhcp4/" + pid + "] TEST_LOG_FATAL fatal boom"), lines.get(2));
    }

    @Test
    void theMostSpecificLoggerEntryWins() throws IOException {
        LoggingManager.instance().apply(List.of(
                logger("kea-ltest", Severity.WARN, 0, file("root.log")),
                logger("kea-ltest.alloc", Severity.DEBUG, 99, file("alloc.log"))), List.of("kea-ltest"));
        KeaLogger.get("kea-ltest.alloc.engine").log(TestMessages.TEST_LOG_DEBUG55);
        KeaLogger.get("kea-ltest.other").log(TestMessages.TEST_LOG_INFO, "dropped");
        KeaLogger.get("kea-ltest.other").log(TestMessages.TEST_LOG_FATAL, "kept");
        assertEquals(1, Files.readAllLines(dir.resolve("alloc.log")).size());
        List<String> root = Files.readAllLines(dir.resolve("root.log"));
        assertEquals(1, root.size(), root.toString());
        assertTrue(root.get(0).contains("fatal kept"));
    }

    @Test
    void wildcardsApplyToEveryHostedRootUnlessAnExplicitEntryExists() throws IOException {
        LoggingManager.instance().apply(List.of(
                logger("*.hooks", Severity.DEBUG, 99, file("wild.log")),
                logger("kea-ltest6.hooks", Severity.ERROR, 0, file("explicit.log"))), List.of("kea-ltest", "kea-ltest6"));
        KeaLogger.get("kea-ltest.hooks").log(TestMessages.TEST_LOG_DEBUG55);
        KeaLogger.get("kea-ltest6.hooks").log(TestMessages.TEST_LOG_DEBUG55);
        assertEquals(1, Files.readAllLines(dir.resolve("wild.log")).size());
        assertFalse(Files.exists(dir.resolve("explicit.log")) && !Files.readAllLines(dir.resolve("explicit.log")).isEmpty());
    }

    @Test
    void subsystemLoggersLogUnderTheFirstHostedRoot() {
        LoggingManager.instance().apply(List.of(), List.of("kea-ltest", "kea-ltest6"));
        assertEquals("kea-ltest.hooks", KeaLogger.forSubsystem("hooks").name());
        LoggingManager.instance().apply(List.of(), List.of());
        assertEquals("kea4j.hooks", KeaLogger.forSubsystem("hooks").name());
    }

    @Test
    void filesRotateAtMaxsizeKeepingMaxverFiles() throws IOException {
        Path log = dir.resolve("rot.log");
        LoggingManager.instance().apply(List.of(logger("kea-ltest", Severity.INFO, 0,
                new LogOutput(log.toString(), 2048, 2, true))), List.of("kea-ltest"));
        KeaLogger logger = KeaLogger.get("kea-ltest.rot");
        for (int i = 0; i < 400; i++) {
            logger.log(TestMessages.TEST_LOG_INFO, "line number " + i + " padded to make the file grow quickly");
        }
        assertTrue(Files.exists(log));
        assertTrue(Files.exists(dir.resolve("rot.log.1")));
        assertTrue(Files.exists(dir.resolve("rot.log.2")));
        assertFalse(Files.exists(dir.resolve("rot.log.3")));
        assertTrue(Files.size(dir.resolve("rot.log.1")) <= 4096, "rotated at maxsize");
    }

    @Test
    void shellOverridesBeatTheConfiguration() throws IOException {
        LoggingManager.instance().apply(List.of(logger("kea-ltest", Severity.INFO, 0, file("o.log"))), List.of("kea-ltest"));
        KeaLogger logger = KeaLogger.get("kea-ltest.ovr");
        logger.log(TestMessages.TEST_LOG_DEBUG40);
        LoggingManager.instance().override("kea-ltest.ovr", new KeaLogger.Threshold(Severity.DEBUG, 40));
        logger.log(TestMessages.TEST_LOG_DEBUG40);
        logger.log(TestMessages.TEST_LOG_DEBUG55);
        LoggingManager.instance().override("kea-ltest.ovr", null);
        logger.log(TestMessages.TEST_LOG_DEBUG40);
        assertEquals(1, Files.readAllLines(dir.resolve("o.log")).size());
    }

    @Test
    void syslogOutputSendsKeaLinesToTheSyslogDaemon() throws Exception {
        try (java.net.DatagramSocket daemon = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            daemon.setSoTimeout(5000);
            System.setProperty(LogOutputs.SYSLOG_PORT_PROPERTY, Integer.toString(daemon.getLocalPort()));
            try {
                LoggingManager.instance().apply(List.of(logger("kea-ltest", Severity.INFO, 0,
                        new LogOutput("syslog:local3", 0, 1, true))), List.of("kea-ltest"));
                KeaLogger.get("kea-ltest.sys").log(TestMessages.TEST_LOG_INFO, "to syslog");
                java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
                daemon.receive(packet);
                String line = new String(packet.getData(), 0, packet.getLength(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(line.startsWith("<158>"), "facility local3 (19) and severity info (6): " + line);
                assertTrue(line.endsWith("INFO  [kea-ltest.sys] TEST_LOG_INFO info line to syslog"), line);
            } finally {
                System.clearProperty(LogOutputs.SYSLOG_PORT_PROPERTY);
            }
        }
    }

    @Test
    void validationNamesBadOutputs() {
        assertNull(LoggingManager.validate(List.of(logger("a", Severity.INFO, 0, file("ok.log")))));
        String missingDir = LoggingManager.validate(List.of(logger("a", Severity.INFO, 0,
                new LogOutput("/nonexistent-dir/x.log", 0, 1, true))));
        assertNotNull(missingDir);
        assertTrue(missingDir.contains("LOG_OPEN_OUTPUT_FAIL"), missingDir);
        String facility = LoggingManager.validate(List.of(logger("a", Severity.INFO, 0,
                new LogOutput("syslog:nonsense", 0, 1, true))));
        assertTrue(facility.contains("LOG_BAD_DESTINATION"), facility);
        String twice = LoggingManager.validate(List.of(
                logger("a", Severity.INFO, 0, new LogOutput(dir.resolve("t.log").toString(), 1, 1, true)),
                logger("b", Severity.INFO, 0, new LogOutput(dir.resolve("t.log").toString(), 2, 1, true))));
        assertTrue(twice.contains("configured twice"), twice);
    }
}
