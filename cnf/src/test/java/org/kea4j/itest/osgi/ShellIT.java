package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.kea4j.itest.osgi.OsgiTests.apply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigService;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.Severity;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The {@code kea} scope of the Gogo shell, driven through Gogo's command processor. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT {

    @Inject
    CommandProcessor processor;
    @Inject
    ConfigService config;

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Before
    public void configure() {
        apply(config, "{'Dhcp4': {'valid-lifetime': 3000}}");
    }

    private String run(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(line);
            return (result == null ? "" : String.valueOf(result)) + out;
        }
    }

    @Test
    public void registryCommandsAreShellCommands() throws Exception {
        String list = run("kea:list-commands");
        assertTrue(list, list.contains("\"config-get\"") && list.contains("\"libreload\""));
        assertTrue(run("kea:config-get").contains("\"valid-lifetime\" : 3000"));
        assertTrue(run("kea:status-get").contains("\"pid\""));
        assertTrue(run("kea:libreload").contains("Hooks libraries successfully reloaded."));
        Path written = Files.createTempFile("kea4j-shell", ".json");
        String answer = run("kea:config-write filename=" + written);
        assertTrue(answer, answer.contains("\"result\" : 0"));
        assertTrue(Files.readString(written).contains("3000"));
    }

    @Test
    public void shellOnlyCommands() throws Exception {
        assertTrue(run("kea:version").contains("kea4j"));
        String hooks = run("kea:hooks");
        assertTrue(hooks, hooks.contains("Libraries (call order):") && hooks.contains("Hook points with callouts:"));
        assertTrue(run("kea:log-level kea-dhcp4.alloc-engine DEBUG 45").contains("set to DEBUG/45"));
        assertEquals(new KeaLogger.Threshold(Severity.DEBUG, 45), KeaLogger.get("kea-dhcp4.alloc-engine").threshold());
        assertTrue(run("kea:log-level kea-dhcp4.alloc-engine default").contains("follows the configuration"));
        assertEquals(Severity.INFO, KeaLogger.get("kea-dhcp4.alloc-engine").threshold().severity());
        assertTrue(run("kea:log-level kea-dhcp4 LOUD").contains("unrecognized log severity: LOUD"));
    }

    @Test
    public void configTestTakesAFile() throws Exception {
        Path good = Files.createTempFile("kea4j-shell-good", ".json");
        Files.writeString(good, "{\"Dhcp4\": {\"valid-lifetime\": 5}}");
        assertTrue(run("kea:config-test " + good).startsWith("OK: Configuration seems sane."));
        Path bad = Files.createTempFile("kea4j-shell-bad", ".json");
        Files.writeString(bad, "{\"Dhcp4\": {\"valid-lifetime\": -5}}");
        String answer = run("kea:config-test " + bad);
        assertTrue(answer, answer.startsWith("FAILED: Dhcp4/valid-lifetime: value -5 is out of range"));
        assertTrue(run("kea:config-get").contains("3000"));
    }

    @Test
    public void badArgumentsAreExplained() throws Exception {
        try {
            run("kea:config-write nonsense");
            fail("expected an error");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expected JSON or key=value"));
        }
        assertTrue(run("kea:config-test").contains("usage: kea:config-test FILE"));
    }
}
