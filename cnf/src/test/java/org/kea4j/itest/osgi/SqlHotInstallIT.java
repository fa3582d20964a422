package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigService;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The SQL back end installed into a running server: a configuration naming {@code postgresql} is refused with
 * DHCPSRV_UNKNOWN_DB (the running one stays) until the bundle and its libraries are installed; then
 * {@code config-reload} opens the database and the server runs on it, without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SqlHotInstallIT {

    @Inject
    ConfigService config;
    @Inject
    CommandRegistry commands;
    @Inject
    LeaseDatabases leaseDatabases;
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        List<Option> extra = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        Path repo = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        for (String[] library : KeaOptions.SQL_LIBRARIES) {
            String version = KeaOptions.mavenUrl(library[0], library[1]).replaceAll(".*/", "");
            jars.add(repo.resolve(library[0].replace('.', '/')).resolve(library[1]).resolve(version)
                    .resolve(library[1] + "-" + version + ".jar").toUri().toString());
        }
        jars.add(Path.of(System.getProperty("kea4j.sql.jar")).toUri().toString());
        extra.add(systemProperty("kea4j.test.sql-bundles").value(String.join(",", jars)));
        return KeaOptions.frameworkWithoutSql(extra.toArray(new Option[0]));
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(String.join(" ", command), p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(String.join(" ", command) + ": " + out, 0, p.exitValue());
        return out;
    }

    @Test
    public void aPostgresqlConfigurationWorksOnceTheBundleIsInstalled() throws Exception {
        String name = "kea4j_hot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        run("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", "CREATE DATABASE " + name);
        List<Bundle> installed = new ArrayList<>();
        try {
            run("kea-admin", "db-init", "pgsql", "-h", "127.0.0.1", "-u", "postgres", "-n", name);
            Path file = Files.createTempFile("kea4j-sql-hot", ".json");
            Files.writeString(file, """
                    { "Dhcp4": { "lease-database": { "type": "memfile", "persist": false },
                                 "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" } ] } }""");
            ConfigResult running = config.loadFile(file);
            assertTrue(running.text(), running.success());
            Files.writeString(file, """
                    { "Dhcp4": { "lease-database": { "type": "postgresql", "name": "%s", "host": "127.0.0.1",
                                                     "user": "postgres" },
                                 "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" } ] } }""".formatted(name));
            Answer before = commands.execute("config-reload", null);
            assertEquals(before.toJson().toString(), Answer.ERROR, before.result());
            assertTrue(before.text(), before.text().contains("DHCPSRV_UNKNOWN_DB unknown database type: postgresql")
                    && before.text().contains("back ends present: memfile"));
            assertEquals("the running configuration stays", "memfile", leaseDatabases.current(4).orElseThrow().type());

            for (String jar : System.getProperty("kea4j.test.sql-bundles").split(",")) {
                installed.add(context.installBundle(jar));
            }
            for (Bundle b : installed) {
                b.start();
            }
            assertTrue("the postgresql back end appears", OsgiTests.await(
                    () -> leaseDatabases.types().contains("postgresql"), 20_000));
            Answer reload = commands.execute("config-reload", null);
            assertEquals(reload.toJson().toString(), Answer.SUCCESS, reload.result());
            assertEquals("postgresql", leaseDatabases.current(4).orElseThrow().type());
            Files.delete(file);
        } finally {
            // the bundles stay: the framework of this class ends with it
            run("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", "DROP DATABASE IF EXISTS " + name
                    + " WITH (FORCE)");
        }
    }
}
