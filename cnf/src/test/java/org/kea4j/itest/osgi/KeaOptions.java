package org.kea4j.itest.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.options.MavenArtifactProvisionOption;

/**
 * The framework of the OSGi integration tests: the same bundles as kea4j.jar (the seven kea4j bundles
 * as this build made them), with the same start levels, in Felix.
 */
public final class KeaOptions {

    /** The seven kea4j bundles' symbolic names. */
    public static final List<String> KEA_BUNDLES = List.of("org.kea4j.core", "org.kea4j.memfile", "org.kea4j.sql",
            "org.kea4j.dhcp4", "org.kea4j.dhcp6", "org.kea4j.ddns", "org.kea4j.usercheck");

    private KeaOptions() {
    }

    /** A folder the tests' framework watches for hook bundles. */
    public static Path hooksDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kea4j-itest-hooks");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    private static MavenArtifactProvisionOption maven(String group, String artifact, int startLevel) {
        return mavenBundle(group, artifact).versionAsInProject().startLevel(startLevel);
    }

    /**
     * The test probe reaches the engine packages too (they are exported only to importers that name
     * {@code kea4j=engine}): engine exports are tried first, then everything else.
     */
    public static TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("DynamicImport-Package", "*;kea4j=engine,*");
        return probe;
    }

    public static Option[] framework(Option... extra) {
        return framework(true, extra);
    }

    /** The SQL back end bundle and the libraries it needs, as Maven artifacts ({@code mvn:} URLs). */
    public static final List<String[]> SQL_LIBRARIES = List.of(new String[] {"com.zaxxer", "HikariCP"},
            new String[] {"org.postgresql", "postgresql"}, new String[] {"org.mariadb.jdbc", "mariadb-java-client"});

    /** The {@code mvn:} URL of a library of this build, at the version the project uses. */
    public static String mavenUrl(String group, String artifact) {
        return mavenBundle(group, artifact).versionAsInProject().getURL();
    }

    /**
     * The framework without the SQL back end (org.kea4j.sql and its libraries): a test installs them while the
     * server runs.
     */
    public static Option[] frameworkWithoutSql(Option... extra) {
        return framework(false, extra);
    }

    private static Option[] framework(boolean withSql, Option... extra) {
        List<Option> o = new ArrayList<>(Arrays.asList(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("felix.fileinstall.dir").value(hooksDir().toString()),
                frameworkProperty("org.osgi.framework.bsnversion").value("multiple"),
                systemProperty("felix.fileinstall.poll").value("300"),
                systemProperty("felix.fileinstall.noInitialDelay").value("true"),
                systemProperty("felix.fileinstall.log.level").value("1"),
                systemProperty("kea4j.control.timeout-ms").value("1500"),
                systemProperty("kea4j.data-dir").value(hooksDir().resolveSibling("kea4j-itest-data").toString()),
                systemProperty("kea4j.control.max-request-bytes").value("65536"),
                systemPackage("sun.misc"),
                frameworkStartLevel(20),
                maven("org.ow2.asm", "asm", 1), maven("org.ow2.asm", "asm-commons", 1), maven("org.ow2.asm", "asm-tree", 1),
                maven("org.ow2.asm", "asm-analysis", 1), maven("org.ow2.asm", "asm-util", 1),
                maven("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle", 1),
                maven("org.slf4j", "slf4j-api", 2),
                maven("ch.qos.logback", "logback-core", 2),
                maven("ch.qos.logback", "logback-classic", 2),
                maven("org.osgi", "org.osgi.util.function", 3), maven("org.osgi", "org.osgi.util.promise", 3),
                maven("org.osgi", "org.osgi.service.component", 3), maven("org.apache.felix", "org.apache.felix.scr", 3),
                maven("org.apache.felix", "org.apache.felix.gogo.runtime", 3),
                maven("org.apache.felix", "org.apache.felix.gogo.command", 3),
                maven("org.apache.felix", "org.apache.felix.fileinstall", 6),
                maven("com.fasterxml.jackson.core", "jackson-annotations", 3),
                maven("com.fasterxml.jackson.core", "jackson-core", 3),
                maven("com.fasterxml.jackson.core", "jackson-databind", 3),
                maven("io.netty", "netty-common", 3), maven("io.netty", "netty-buffer", 3), maven("io.netty", "netty-resolver", 3),
                maven("io.netty", "netty-transport", 3), maven("io.netty", "netty-transport-native-unix-common", 3),
                maven("io.netty", "netty-transport-classes-epoll", 3), maven("io.netty", "netty-codec-base", 3),
                maven("io.netty", "netty-handler", 3), maven("io.netty", "netty-codec-compression", 3),
                maven("io.netty", "netty-codec-http", 3),
                maven("net.java.dev.jna", "jna", 3), maven("dnsjava", "dnsjava", 3),
                mavenBundle("io.netty", "netty-transport-native-epoll").classifier("linux-x86_64").versionAsInProject().noStart(),
                bundle("file:" + System.getProperty("kea4j.core.jar")).startLevel(4)));
        if (withSql) {
            for (String[] library : SQL_LIBRARIES) {
                o.add(maven(library[0], library[1], 3));
            }
        }
        for (String name : List.of("memfile", "sql", "dhcp4", "dhcp6", "ddns", "usercheck")) {
            if (withSql || !name.equals("sql")) {
                o.add(bundle("file:" + System.getProperty("kea4j." + name + ".jar")).startLevel(5));
            }
        }
        o.add(junitBundles());
        o.add(cleanCaches());
        o.addAll(Arrays.asList(extra));
        return options(o.toArray(new Option[0]));
    }
}
