package org.kea4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kea4j.log.Severity;

class CommonElementsTest {

    private static ConfigNode node(String json) throws ConfigException {
        return ConfigDocument.parse("t.json", "{\"x\": " + json + "}").root().require("x");
    }

    @Test
    void hooksLibrariesAcceptBothKeaForms() throws ConfigException {
        List<HooksLibraryConfig> old = CommonElements.hooksLibraries(node("[\"/opt/a.jar\", \"org.example.b\"]"));
        assertEquals(List.of(new HooksLibraryConfig("/opt/a.jar", Map.of()), new HooksLibraryConfig("org.example.b", Map.of())), old);
        List<HooksLibraryConfig> maps = CommonElements.hooksLibraries(
                node("[{\"library\": \"/opt/a.jar\", \"parameters\": {\"n\": 3, \"s\": \"x\", \"l\": [1]}}]"));
        assertEquals(3L, maps.get(0).parameters().get("n"));
        assertEquals(List.of(1L), maps.get(0).parameters().get("l"));
        assertThrows(ConfigException.class, () -> CommonElements.hooksLibraries(node("[{\"library\": \"  \"}]")));
        assertThrows(ConfigException.class, () -> CommonElements.hooksLibraries(node("[{\"parameters\": {}}]")));
    }

    @Test
    void controlSocketMustBeUnix() throws ConfigException {
        assertEquals("/tmp/s", CommonElements.controlSocket(node("{\"socket-type\": \"unix\", \"socket-name\": \"/tmp/s\"}"))
                .path().toString());
        ConfigException e = assertThrows(ConfigException.class,
                () -> CommonElements.controlSocket(node("{\"socket-type\": \"tcp\", \"socket-name\": \"/tmp/s\"}")));
        assertTrue(e.reason().contains("only 'unix'"), e.reason());
    }

    @Test
    void loggersParseKeaSyntax() throws ConfigException {
        List<LoggerConfig> loggers = CommonElements.loggers(node("""
                [ { "name": "kea-dhcp4", "severity": "debug", "debuglevel": 45,
                    "output_options": [ { "output": "/tmp/k.log", "maxsize": 1000, "maxver": 3, "flush": false } ] } ]"""));
        LoggerConfig l = loggers.get(0);
        assertEquals(Severity.DEBUG, l.severity());
        assertEquals(45, l.debugLevel());
        assertEquals(new LoggerConfig.LogOutput("/tmp/k.log", 1000, 3, false), l.outputs().get(0));
    }

    @Test
    void badSeverityCarriesItsMessageId() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> CommonElements.loggers(node("[ { \"name\": \"kea-dhcp4\", \"severity\": \"LOUD\" } ]")));
        assertTrue(e.reason().startsWith("LOG_BAD_SEVERITY unrecognized log severity: LOUD"), e.reason());
        assertEquals("x[0]/severity", e.element());
    }

    @Test
    void debugLevelOutOfRangeIsAnError() {
        assertThrows(ConfigException.class,
                () -> CommonElements.loggers(node("[ { \"name\": \"a\", \"severity\": \"DEBUG\", \"debuglevel\": 100 } ]")));
    }
}
