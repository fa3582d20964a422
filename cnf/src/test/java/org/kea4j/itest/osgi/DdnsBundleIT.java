package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The DHCP servers' DDNS side comes and goes with ddns.bundle: a configuration that enables updates loads its
 * library, is refused with a clear error while the bundle is absent, starts the bundle when it is stopped, and
 * works again once it is back; a wrong {@code dhcp-ddns} parameter refuses the configuration with its reason.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DdnsBundleIT {

    @Inject
    ConfigService config;
    @Inject
    CommandRegistry commands;
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    private static String dhcp4(String dhcpDdns) {
        return """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "valid-lifetime": 4000,
                    "dhcp-ddns": %s,
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.100" } ] } ]
                } }
                """.formatted(dhcpDdns);
    }

    private Bundle ddns() {
        for (Bundle b : context.getBundles()) {
            if ("org.kea4j.ddns".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("ddns.bundle is installed");
    }

    private boolean ddnsLoaded() {
        for (com.fasterxml.jackson.databind.JsonNode lib : commands.execute("hooks-list", null).arguments()
                .path("libraries")) {
            if (lib.path("name").asText().equals("org.kea4j.ddns") && lib.path("state").asText().equals("loaded")) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void updatesNeedTheDdnsBundle() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        String enabled = dhcp4("{ \"enable-updates\": true, \"server-port\": " + port + " }");
        Path file = Files.createTempFile("kea4j-ddns-it", ".json");
        Files.writeString(file, enabled);
        ConfigResult loaded = config.loadFile(file);
        assertTrue(loaded.text(), loaded.success());
        assertTrue("the DDNS library is loaded", ddnsLoaded());

        // absent: refused, naming the library and why
        Bundle ddns = ddns();
        String location = ddns.getLocation();
        ddns.uninstall();
        String otherPort = dhcp4("{ \"enable-updates\": true, \"server-port\": " + (port == 65535 ? 1 : port + 1) + " }");
        try {
            Answer test = commands.execute("config-test", OsgiTests.json(enabled));
            assertEquals(test.toJson().toString(), Answer.ERROR, test.result());
            assertTrue(test.toJson().toString(), test.text().contains("org.kea4j.ddns")
                    && test.text().contains("no bundle"));
            Files.writeString(file, otherPort);
            Answer refused = commands.execute("config-reload", null);
            assertEquals(refused.toJson().toString(), Answer.ERROR, refused.result());
            assertTrue(refused.toJson().toString(), refused.text().contains("org.kea4j.ddns"));
            Files.writeString(file, dhcp4("{ \"enable-updates\": false }"));
            Answer withoutUpdates = commands.execute("config-reload", null);
            assertEquals(withoutUpdates.toJson().toString(), Answer.SUCCESS, withoutUpdates.result());
        } finally {
            context.installBundle(location).start();
        }
        Files.writeString(file, otherPort);
        Answer back = commands.execute("config-reload", null);
        assertEquals(back.toJson().toString(), Answer.SUCCESS, back.result());
        assertTrue("the DDNS library is loaded again", ddnsLoaded());

        // stopped: a configuration that names the library starts its bundle, as for any library named by bundle
        ddns().stop();
        assertTrue("the library left with its bundle", !ddnsLoaded());
        Files.writeString(file, enabled);
        Answer restarted = commands.execute("config-reload", null);
        assertEquals(restarted.toJson().toString(), Answer.SUCCESS, restarted.result());
        assertEquals(Bundle.ACTIVE, ddns().getState());
        assertTrue("the DDNS library is loaded", ddnsLoaded());

        Files.writeString(file, dhcp4("{ \"enable-updates\": true, \"ncr-protocol\": \"TCP\" }"));
        Answer tcp = commands.execute("config-reload", null);
        assertEquals(tcp.toJson().toString(), Answer.ERROR, tcp.result());
        assertTrue(tcp.toJson().toString(), tcp.text().contains("ncr-protocol"));
        Files.writeString(file, dhcp4("{ \"enable-updates\": true, \"server-ip\": \"d2.example.com\" }"));
        Answer host = commands.execute("config-reload", null);
        assertEquals(host.toJson().toString(), Answer.ERROR, host.result());
        assertTrue(host.toJson().toString(), host.text().contains("server-ip"));
    }
}
