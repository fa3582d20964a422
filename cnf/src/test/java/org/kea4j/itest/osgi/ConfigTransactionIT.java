package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.kea4j.itest.osgi.OsgiTests.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigService;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Broken configurations through config-test and config-reload: each answer names the problem (and the
 * element where there is one), and the running configuration is unchanged afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigTransactionIT {

    @Inject
    ConfigService config;
    @Inject
    CommandRegistry commands;

    private Path file;
    private JsonNode good;

    /** A broken configuration and what its error must say. */
    private record Broken(String name, String text, String expected) {
    }

    private static final String GOOD = """
            # a valid configuration, Kea 0.9 style
            {
              "Dhcp4": {
                "interfaces-config": { "interfaces": [ "lo" ] },
                "lease-database": { "type": "memfile", "persist": false },
                "valid-lifetime": 4000,
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24",
                               "pools": [ { "pool": "192.0.2.10 - 192.0.2.100" } ] } ]
              },
              "Logging": { "loggers": [ { "name": "kea-dhcp4", "severity": "INFO" } ] }
            }
            """;

    private static String dhcp4(String body) {
        return "{\"Dhcp4\": " + body + "}";
    }

    private static final List<Broken> BROKEN = List.of(
            new Broken("bad JSON", "{ \"Dhcp4\": { \"valid-lifetime\": 4000,, } }", "Unexpected character"),
            new Broken("unknown keyword", dhcp4("{\"valid-lifetme\": 4000}"),
                    "Dhcp4/valid-lifetme: unknown keyword 'valid-lifetme'"),
            new Broken("wrong type", dhcp4("{\"valid-lifetime\": \"4000\"}"),
                    "Dhcp4/valid-lifetime: expected an integer, got a string"),
            new Broken("bad subnet", dhcp4("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/40\"} ]}"),
                    "Dhcp4/subnet4[0]/subnet: invalid subnet"),
            new Broken("bad pool", dhcp4("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/24\", \"pools\": [ {\"pool\": \"192.0.2.50 - 192.0.2.10\"} ]} ]}"),
                    "Dhcp4/subnet4[0]/pools[0]/pool: invalid pool"),
            new Broken("pool outside subnet", dhcp4("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/24\", \"pools\": [ {\"pool\": \"10.0.0.1 - 10.0.0.9\"} ]} ]}"),
                    "is outside the subnet 192.0.2.0/24"),
            new Broken("duplicate subnet id", dhcp4("{\"subnet4\": [ {\"id\": 7, \"subnet\": \"192.0.2.0/24\"}, {\"id\": 7, \"subnet\": \"198.51.100.0/24\"} ]}"),
                    "subnet id 7 is already in use"),
            new Broken("bad lease-database type", dhcp4("{\"lease-database\": {\"type\": \"oracle\"}}"),
                    "Dhcp4/lease-database/type: DHCPSRV_UNKNOWN_DB unknown database type: oracle"),
            new Broken("bad Logging severity", "{\"Dhcp4\": {}, \"Logging\": {\"loggers\": [ {\"name\": \"kea-dhcp4\", \"severity\": \"CHATTY\"} ]}}",
                    "LOG_BAD_SEVERITY unrecognized log severity: CHATTY"),
            new Broken("unknown top-level element", "{\"Dhcp4\": {}, \"Dhcp5\": {}}",
                    "unsupported top-level element 'Dhcp5'"),
            new Broken("missing hooks library", dhcp4("{\"hooks-libraries\": [ \"/nonexistent/hook.jar\" ]}"),
                    "HOOKS_OPEN_ERROR failed to open hook library /nonexistent/hook.jar: no such file"),
            new Broken("control socket type", dhcp4("{\"control-socket\": {\"socket-type\": \"tcp\", \"socket-name\": \"/tmp/x\"}}"),
                    "unsupported socket-type 'tcp'"),
            new Broken("timers", dhcp4("{\"renew-timer\": 2000, \"rebind-timer\": 1000}"),
                    "the value of renew-timer (2000) is greater than the value of rebind-timer (1000)"),
            new Broken("duplicate key", "{\"Dhcp4\": {\"valid-lifetime\": 1, \"valid-lifetime\": 2}}", "Duplicate field 'valid-lifetime'"),
            new Broken("no server", "{\"Logging\": {\"loggers\": []}}", "the configuration names no server"),
            new Broken("log file in a missing directory",
                    "{\"Dhcp4\": {}, \"Logging\": {\"loggers\": [ {\"name\": \"kea-dhcp4\", \"output_options\": [ {\"output\": \"/nonexistent/kea.log\"} ]} ]}}",
                    "LOG_OPEN_OUTPUT_FAIL unable to open /nonexistent/kea.log for output"),
            new Broken("IPv6 address on a DHCPv4 interface", dhcp4("{\"interfaces-config\": {\"interfaces\": [ \"lo/::1\" ]}}"),
                    "the address must be IPv4"),
            new Broken("reservation outside its subnet", dhcp4("{\"subnet4\": [ {\"subnet\": \"192.0.2.0/24\", \"reservations\": "
                    + "[ {\"hw-address\": \"aa:bb:cc:dd:ee:ff\", \"ip-address\": \"10.1.1.1\"} ]} ]}"),
                    "reserved address 10.1.1.1 is outside the subnet 192.0.2.0/24"));

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Before
    public void loadGoodConfiguration() throws Exception {
        file = Files.createTempFile("kea4j-config-it", ".json");
        Files.writeString(file, GOOD);
        ConfigResult result = config.loadFile(file);
        assertTrue(result.text(), result.success());
        good = commands.execute("config-get", null).arguments();
        assertEquals(4000, good.get("Dhcp4").get("valid-lifetime").intValue());
    }

    @Test
    public void brokenConfigurationsAreRefusedByConfigReloadAndNothingChanges() throws Exception {
        assertTrue(BROKEN.size() >= 12);
        List<String> problems = new ArrayList<>();
        for (Broken broken : BROKEN) {
            Files.writeString(file, broken.text());
            Answer answer = commands.execute("config-reload", null);
            if (answer.result() != Answer.ERROR || !answer.text().contains(broken.expected())) {
                problems.add(broken.name() + ": " + answer.toJson());
            }
            if (!commands.execute("config-get", null).arguments().equals(good)) {
                problems.add(broken.name() + ": the running configuration changed");
            }
        }
        assertEquals(List.of(), problems);
        Files.writeString(file, GOOD.replace("4000", "4100"));
        assertEquals(Answer.SUCCESS, commands.execute("config-reload", null).result());
        assertEquals(4100, commands.execute("config-get", null).arguments().get("Dhcp4").get("valid-lifetime").intValue());
    }

    @Test
    public void brokenConfigurationsAreRefusedByConfigTest() {
        List<String> problems = new ArrayList<>();
        for (Broken broken : BROKEN) {
            JsonNode arguments;
            try {
                arguments = OsgiTests.JSON.readTree(broken.text());
            } catch (Exception notJson) {
                continue; // a command's arguments are JSON already: bad JSON only arrives through files
            }
            Answer answer = commands.execute("config-test", arguments);
            if (answer.result() != Answer.ERROR || !answer.text().contains(broken.expected())) {
                problems.add(broken.name() + ": " + answer.toJson());
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(good, commands.execute("config-get", null).arguments());
        Answer ok = commands.execute("config-test", json("{'Dhcp4': {'valid-lifetime': 10}}"));
        assertEquals(ok.text(), Answer.SUCCESS, ok.result());
        assertEquals("config-test applies nothing", good, commands.execute("config-get", null).arguments());
    }

    @Test
    public void configSetAndConfigWriteRoundTrip() throws Exception {
        Answer set = commands.execute("config-set", json("{'Dhcp4': {'valid-lifetime': 1234}}"));
        assertEquals(set.text(), Answer.SUCCESS, set.result());
        Path out = Files.createTempFile("kea4j-written", ".json");
        Answer write = commands.execute("config-write", json("{'filename': '" + out + "'}"));
        assertEquals(write.text(), Answer.SUCCESS, write.result());
        assertEquals(1234, OsgiTests.JSON.readTree(out.toFile()).get("Dhcp4").get("valid-lifetime").intValue());
        assertEquals(Files.size(out), write.arguments().get("size").longValue());
    }
}
