package org.kea4j.itest.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.e2e.Kea4jProcess;

/**
 * The hooks SDK as an outsider takes it, by the guide: install the API artifacts with the documented command,
 * copy the template project out of the repository, build it with Maven offline, drop the jar into a running
 * kea4j.jar, and see the callout's effect in a client's reply. Prints how long each step took.
 */
class HookSdkIT {

    /** The guide's command that installs the API and the test support (docs/hooks-guide.md). */
    static final List<String> INSTALL = List.of("-q", "-o", "install", "-DskipTests", "-pl", "cnf/sdk/api,cnf/sdk/testing",
            "-am");

    @TempDir
    Path dir;

    @Test
    void theTemplateBuiltOutsideTheRepositoryLoadsIntoARunningServer() throws Exception {
        Path checkout = dir.resolve("kea4j");
        Maven.copyTree(Maven.repository(), checkout);
        Maven.Result install = Maven.run(checkout, 600, INSTALL.toArray(new String[0]));
        assertEquals(0, install.exitCode(), install.output());
        String repo = System.getProperty("user.home") + "/.m2/repository/org/kea4j/";
        for (String file : List.of("org.kea4j.api/0.1.0-SNAPSHOT/org.kea4j.api-0.1.0-SNAPSHOT.jar",
                "org.kea4j.api/0.1.0-SNAPSHOT/org.kea4j.api-0.1.0-SNAPSHOT-sources.jar",
                "org.kea4j.api/0.1.0-SNAPSHOT/org.kea4j.api-0.1.0-SNAPSHOT-javadoc.jar",
                "org.kea4j.hooks.testing/0.1.0-SNAPSHOT/org.kea4j.hooks.testing-0.1.0-SNAPSHOT.jar")) {
            assertTrue(Files.isRegularFile(Path.of(repo + file)), "installed: " + file);
        }

        Path project = dir.resolve("my-hook");
        Maven.copyTree(checkout.resolve("cnf/sdk/hook-template"), project);
        Maven.Result build = Maven.run(project, 600, "-o", "package");
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("Tests run: 3, Failures: 0, Errors: 0"), build.output());
        Path jar = project.resolve("target/example-hook-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar));

        Path work = Files.createDirectories(dir.resolve("server"));
        Path socket = work.resolve("ctl.sock");
        int port = Kea4jProcess.freeUdpPort();
        try (Kea4jProcess server = Kea4jProcess.start(work, "-p", Integer.toString(port), "--control-socket",
                socket.toString())) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            Path client = Files.createDirectories(dir.resolve("client"));
            Kea4jProcess.Result before = Kea4jProcess.run(client, 60, "client", "-4", "--server", "127.0.0.1:" + port);
            assertEquals(0, before.exitCode(), before.output());
            assertTrue(!before.output().contains("domain-name="), before.output());

            long deploy = System.nanoTime();
            Files.copy(jar, work.resolve("hooks").resolve(jar.getFileName()));
            String reply = "";
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !reply.contains("domain-name=hooked.example.org")) {
                reply = Kea4jProcess.run(client, 60, "client", "-4", "--server", "127.0.0.1:" + port, "--timeout",
                        "1000").output();
            }
            long deployed = (System.nanoTime() - deploy) / 1_000_000;
            assertTrue(reply.contains("domain-name=hooked.example.org"), reply + server.output());
            assertTrue(server.output().contains("EXAMPLE_LOADED example hook loaded: replies without a domain name get"
                    + " hooked.example.org"), "the library logs its own message IDs: " + server.output());
            System.out.printf("hooks SDK path: API install %.1f s, template build %.1f s (offline, with its tests),"
                    + " deploy to a served reply %.1f s%n", install.millis() / 1000.0, build.millis() / 1000.0,
                    deployed / 1000.0);
        }
    }
}
