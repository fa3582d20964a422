package org.kea4j.itest.net;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs the interoperability and network tests need (ISC Kea 2.2, perfdhcp, dhclient) and root for
 * network namespaces. {@code .ci/run} installs them and sets {@value #REQUIRE}: then a missing one fails the
 * test; elsewhere (a developer without them) the test is skipped with the reason.
 */
public final class External {

    /** Environment variable that turns a missing prerequisite into a failure. */
    public static final String REQUIRE = "KEA4J_REQUIRE_EXTERNAL";

    private External() {
    }

    /** The path of a program, from the usual system folders. */
    public static Path program(String name) {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"}) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        missing(name + " is not installed");
        return null;
    }

    /** A prerequisite that is not a program, such as a package's data folder. */
    public static void requireFolder(Path folder, String packageName) {
        if (!Files.isDirectory(folder)) {
            missing(folder + " is missing: install " + packageName);
        }
    }

    /** Root is needed to create network namespaces. */
    public static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            missing("network namespaces need root");
        }
    }

    /** Stops a daemon the test started, by the PID it wrote to its PID file (never by name). */
    public static void stopByPidFile(java.nio.file.Path pidFile) throws Exception {
        for (int i = 0; i < 100 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            Thread.sleep(50); // a daemonizing client writes it just after its parent returned
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        java.util.Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
        if (daemon.isPresent()) {
            daemon.get().destroy();
            daemon.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void missing(String why) {
        if ("1".equals(System.getenv(REQUIRE))) {
            Assertions.fail(why + " (" + REQUIRE + "=1: .ci/run installs every prerequisite)");
        }
        Assumptions.abort(why + "; .ci/run installs it");
    }
}
