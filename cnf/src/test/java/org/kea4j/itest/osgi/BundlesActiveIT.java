package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigService;
import org.kea4j.control.CommandRegistry;
import org.kea4j.hooks.host.HooksManager;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Every bundle of kea4j.jar starts in Felix, and the platform's services are there. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundlesActiveIT {

    @Inject
    BundleContext context;
    @Inject
    ConfigService config;
    @Inject
    CommandRegistry commands;
    @Inject
    HooksManager hooks;

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Test
    public void allBundlesAreActive() {
        Set<String> kea = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get("Fragment-Host") != null) {
                continue;
            }
            assertEquals(b.getSymbolicName() + " is not ACTIVE", Bundle.ACTIVE, b.getState());
            if (b.getSymbolicName().startsWith("org.kea4j.")) {
                kea.add(b.getSymbolicName());
            }
        }
        assertEquals(new HashSet<>(KeaOptions.KEA_BUNDLES), kea);
    }

    @Test
    public void platformServicesAreRegistered() {
        assertTrue(commands.commands().containsAll(Set.of("list-commands", "version-get", "status-get", "shutdown",
                "libreload", "config-get", "config-reload", "config-test", "config-write", "config-set")));
        assertTrue(hooks.hookPoints().stream().anyMatch(p -> p.name().equals("pkt4_receive")));
        assertTrue(hooks.hookPoints().stream().anyMatch(p -> p.name().equals("lease6_rebind")));
        assertTrue(hooks.hookPoints().stream().anyMatch(p -> p.name().equals("context_create")));
    }
}
