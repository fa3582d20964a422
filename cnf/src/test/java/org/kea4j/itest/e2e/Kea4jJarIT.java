package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.External;

/** kea4j.jar as a process: start on the default configuration, answer, stop cleanly, refuse bad files. */
class Kea4jJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void startsOnTheEmbeddedDefaultAnswersOnTheSocketAndStopsOnSigterm() throws Exception {
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "--control-socket", socket.toString())) {
            assertTrue(kea.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), kea.output());
            assertTrue(kea.awaitOutput("DHCP4_CONFIG_COMPLETE", 5_000), kea.output());
            assertTrue(Files.exists(dir.resolve("hooks")), "the hooks folder is created");
            Pattern line = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[kea-dhcp4\\.dhcp4/"
                    + kea.process().pid() + "\\] DHCP4_CONFIG_COMPLETE DHCPv4 server has completed configuration: .*");
            assertTrue(kea.output().lines().anyMatch(l -> line.matcher(l).matches()), kea.output());
            assertTrue(kea.awaitControl(socket, 30_000), kea.output());
            JsonNode version = JSON.readTree(ControlClient.send(socket, "{\"command\": \"version-get\"}"));
            assertEquals(0, version.get("result").intValue());
            assertTrue(version.get("text").textValue().startsWith("0."), version.toString());
            kea.signal("TERM");
            assertEquals(0, kea.awaitExit(30), kea.output());
            assertTrue(Files.notExists(socket), "the socket file is removed at exit");
        }
    }

    /**
     * kea4j's own launcher runs on the newest LTS too (bnd's could not start on Java 24+), where a JDK 24 or later
     * is installed beside the default one (Temurin 25 on this kind of machine; skipped where there is none).
     */
    @Test
    void runsOnTheNewestJavaWhereInstalled() throws Exception {
        Path java = newestJava();
        org.junit.jupiter.api.Assumptions.assumeTrue(java != null, "no Java 24 or later under /usr/lib/jvm");
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.startWith(java, List.of(), dir, List.of(), "-p",
                String.valueOf(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            JsonNode version = JSON.readTree(ControlClient.send(socket, "{\"command\": \"version-get\"}"));
            assertTrue(version.path("arguments").path("extended").asText().contains("java: "), version.toString());
            assertFalse(version.path("arguments").path("extended").asText().contains(" 17."), version.toString());
            assertFalse(kea.output().contains("Registered provider"), "no stray java.util.logging line: " + kea.output());
            kea.signal("TERM");
            assertEquals(0, kea.awaitExit(30), kea.output());
        }
    }

    /**
     * The launcher keeps class data between starts: the first server run of a jar writes it at its stop (Java 25
     * and later: an ahead-of-time cache, {@code .aot}; older: a class-data archive, {@code .jsa}), the next maps it,
     * and neither writes a JVM warning among kea4j's lines. On the default Java and, where installed, the newest.
     */
    @Test
    void theLauncherKeepsClassDataBetweenStartsOnEachJava() throws Exception {
        assertClassDataKept(Path.of(Kea4jProcess.java()), "default");
        Path newest = newestJava();
        if (newest != null && javaMajor(newest) >= 25) {
            assertClassDataKept(newest, "newest");
        }
    }

    private void assertClassDataKept(Path runtime, String name) throws Exception {
        Path cds = Files.createDirectories(dir.resolve(name + "-cds"));
        String suffix = javaMajor(runtime) >= 25 ? ".aot" : ".jsa";
        for (String run : List.of("first", "second")) {
            Path work = Files.createDirectories(dir.resolve(name + "-" + run));
            Path socket = work.resolve("ctl.sock");
            Map<String, String> env = Map.of("KEA4J_JAVA", runtime.toString(), "KEA4J_CDS_DIR",
                    cds.toString(), "KEA4J_DATA_DIR", work.resolve("data").toString());
            try (Kea4jProcess kea = Kea4jProcess.launch(work, env, "-p", String.valueOf(Kea4jProcess.freeUdpPort()),
                    "--control-socket", socket.toString())) {
                assertTrue(kea.awaitControl(socket, 60_000), kea.output());
                if (run.equals("second")) {
                    String maps = Files.readString(Path.of("/proc", String.valueOf(kea.process().pid()), "maps"));
                    assertTrue(maps.contains(suffix), name + " Java maps the class data the first run wrote");
                }
                kea.signal("TERM");
                assertEquals(0, kea.awaitExit(90), kea.output());
                assertTrue(kea.output().lines().noneMatch(l -> l.contains("WARNING") || l.contains("[warning]")),
                        "no JVM warning: " + kea.output());
            }
            try (java.util.stream.Stream<Path> files = Files.list(cds)) {
                assertEquals(List.of(suffix), files.map(f -> f.getFileName().toString().replaceAll(".*(\\.\\w+)$", "$1"))
                        .toList(), name + " Java: one class-data file after the " + run + " run");
            }
        }
    }

    /** The feature version of the JDK {@code java} belongs to (its release file), 0 if unknown. */
    private static int javaMajor(Path java) throws java.io.IOException {
        Path release = java.toRealPath().getParent().getParent().resolve("release");
        java.util.regex.Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(
                Files.isRegularFile(release) ? Files.readString(release) : "");
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * On one CPU (here: pinned by taskset), with leases in memory and no hook library, a server that has warmed up
     * (here: after 100 packets, -Dkea4j.direct-after) handles packets on its receiving thread, without the hand-over
     * to a worker: status-get then says multi-threading is off, as Kea's does without it, and clients are answered
     * before and after the change.
     */
    @Test
    void onOneCpuAWarmServerHandlesPacketsOnItsReceivingThread() throws Exception {
        Path socket = dir.resolve("ctl.sock");
        try (org.kea4j.itest.net.Dhcp4Exchange client = org.kea4j.itest.net.Dhcp4Exchange.withPortPair()) {
            Path config = dir.resolve("one-cpu.json");
            Files.writeString(config, """
                    { "Dhcp4": { "interfaces-config": { "interfaces": [ "lo" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                        "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8",
                            "pools": [ { "pool": "127.0.1.1 - 127.0.3.250" } ] } ] } }""".formatted(socket));
            try (Kea4jProcess kea = Kea4jProcess.startUnder(List.of(External.program("taskset").toString(), "-c", "0"),
                    dir, List.of("-Dkea4j.direct-after=100"), "-c", config.toString(), "-p",
                    String.valueOf(client.serverPort()))) {
                assertTrue(kea.awaitControl(socket, 60_000), kea.output());
                assertTrue(multiThreading(socket), "cold: packets go to the workers");
                int clients = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (multiThreading(socket) && System.nanoTime() < deadline) {
                    for (int i = 0; i < 20; i++, clients++) {
                        assertEquals(org.kea4j.dhcp.Pkt4.DHCPACK, client.lease(0x10000 + 4L * clients, mac(clients))
                                .getType(), kea.output());
                    }
                }
                assertFalse(multiThreading(socket), "after " + clients + " clients: on the receiving thread");
                assertTrue(clients >= 50, "not before 100 packets went through the workers: " + clients);
                for (int i = 0; i < 20; i++, clients++) {
                    assertEquals(org.kea4j.dhcp.Pkt4.DHCPACK, client.lease(0x10000 + 4L * clients, mac(clients))
                            .getType(), kea.output());
                }
                kea.signal("TERM");
                assertEquals(0, kea.awaitExit(30), kea.output());
            }
        }
    }

    private static boolean multiThreading(Path socket) throws Exception {
        JsonNode status = JSON.readTree(ControlClient.send(socket, "{\"command\": \"status-get\"}"));
        assertEquals(0, status.path("result").asInt(-1), status.toString());
        return status.path("arguments").path("multi-threading-enabled").asBoolean();
    }

    private static byte[] mac(int client) {
        return new byte[] {2, 0, 0, 7, (byte) (client >> 8), (byte) client};
    }

    /** The java of a JDK 24 or later under /usr/lib/jvm, or null. */
    private static Path newestJava() throws java.io.IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (java.util.stream.Stream<Path> list = Files.list(jvms)) {
            for (Path home : list.sorted().toList()) {
                Path java = home.resolve("bin/java");
                if (Files.isExecutable(java) && javaMajor(java) >= 24) {
                    return java;
                }
            }
        }
        return null;
    }

    @Test
    void hookJarsDroppedIntoTheHooksFolderAreLoadedAndUnloaded() throws Exception {
        try (Kea4jProcess kea = Kea4jProcess.start(dir)) {
            assertTrue(kea.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), kea.output());
            Path jar = dir.resolve("hooks").resolve("e2e-hook.jar");
            org.kea4j.itest.hooks.TestBundles.hookBundle(jar, "e2e", "marker",
                    org.kea4j.hooks.HookLibrary.FRAMEWORK_VERSION);
            assertTrue(kea.awaitOutput("HOOKS_LIBRARY_LOADED hooks library " + jar.toRealPath(), 20_000), kea.output());
            Files.delete(jar);
            assertTrue(kea.awaitOutput("HOOKS_LIBRARY_UNLOADED hooks library", 20_000), kea.output());
            kea.signal("TERM");
            assertEquals(0, kea.awaitExit(30), kea.output());
        }
    }

    @Test
    void aLocalMessageFileReplacesTexts() throws Exception {
        Path messages = dir.resolve("local.mes");
        Files.writeString(messages, "# site texts\n% DHCP4_CONFIG_COMPLETE configuration of the DHCPv4 server is done: %1\n");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "--messages", messages.toString())) {
            assertTrue(kea.awaitOutput("DHCP4_CONFIG_COMPLETE configuration of the DHCPv4 server is done: ", 60_000),
                    kea.output());
            assertTrue(kea.output().contains("LOG_READING_LOCAL_FILE reading local message file " + messages), kea.output());
            kea.signal("INT");
            assertEquals(0, kea.awaitExit(30), kea.output());
        }
        Path bad = dir.resolve("bad.mes");
        Files.writeString(bad, "% DHCP4_CONFIG_COMPLETE fine\n$UNKNOWN directive\n");
        Kea4jProcess.Result refused = Kea4jProcess.run(dir, 60, "--messages", bad.toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.output().contains("LOG_UNRECOGNISED_DIRECTIVE line 2: unrecognised directive 'UNKNOWN'"),
                refused.output());
    }

    @Test
    void sighupReloadsTheFile() throws Exception {
        Path config = dir.resolve("kea.json");
        Files.writeString(config, "{\"Dhcp4\": {\"valid-lifetime\": 1000}}");
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            assertReloadsOnSighup(kea, config, socket, 2000);
            Files.writeString(config, "{\"Dhcp4\": {\"valid-lifetime\": \"bad\"}}");
            kea.signal("HUP");
            assertTrue(kea.awaitOutput("DHCP4_DYNAMIC_RECONFIGURATION_FAIL dynamic server reconfiguration failed with file: "
                    + config, 10_000), kea.output());
            assertEquals(2000, validLifetime(socket));
            JsonNode shutdown = JSON.readTree(ControlClient.send(socket, "{\"command\": \"shutdown\"}"));
            assertEquals("Shutting down.", shutdown.get("text").textValue());
            assertEquals(0, kea.awaitExit(30), kea.output());
        }
    }

    /**
     * Started with SIGHUP ignored (nohup, as some service managers and harnesses do) and SIGINT ignored (as a
     * script's background job is): SIGHUP still reloads and SIGINT still ends the server cleanly, as in Kea.
     */
    @Test
    void signalsIgnoredAtStartAreHandledAnyway() throws Exception {
        Path config = dir.resolve("kea.json");
        Files.writeString(config, "{\"Dhcp4\": {\"valid-lifetime\": 1000}}");
        Path socket = dir.resolve("ctl.sock");
        List<String> ignoringIntThenNohup = List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh",
                External.program("nohup").toString());
        try (Kea4jProcess kea = Kea4jProcess.startUnder(ignoringIntThenNohup, dir, List.of(), "-c", config.toString(),
                "-p", Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            assertTrue(kea.output().contains("DCTL_SIGNAL_RESTORED kea4j started with SIGHUP ignored"), kea.output());
            assertTrue(kea.output().contains("DCTL_SIGNAL_RESTORED kea4j started with SIGINT ignored"), kea.output());
            assertReloadsOnSighup(kea, config, socket, 3000);
            assertReloadsOnSighup(kea, config, socket, 4000);
            kea.signal("INT");
            assertEquals(0, kea.awaitExit(30), kea.output());
        }
    }

    private static void assertReloadsOnSighup(Kea4jProcess kea, Path config, Path socket, int lifetime) throws Exception {
        Files.writeString(config, "{\"Dhcp4\": {\"valid-lifetime\": " + lifetime + "}}");
        kea.signal("HUP");
        assertTrue(Poll.until(10_000, () -> validLifetime(socket) == lifetime), "reloaded on SIGHUP: " + kea.output());
        assertTrue(kea.output().contains("DHCP4_DYNAMIC_RECONFIGURATION initiate server reconfiguration using file: "
                + config), kea.output());
        assertTrue(kea.awaitOutput("DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS dynamic server reconfiguration succeeded "
                + "with file: " + config, 10_000), kea.output());
    }

    private static int validLifetime(Path socket) throws Exception {
        return JSON.readTree(ControlClient.send(socket, "{\"command\": \"config-get\"}"))
                .get("arguments").get("Dhcp4").get("valid-lifetime").intValue();
    }

    /** The README's way, and Kea's scripts': socat sends the request, ends its input and prints the answer. */
    @Test
    void socatGetsItsAnswer() throws Exception {
        Path socat = External.program("socat");
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "-p", Integer.toString(Kea4jProcess.freeUdpPort()),
                "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            for (String command : new String[] {"version-get", "libreload", "config-get"}) {
                Process p = new ProcessBuilder(socat.toString(), "-", "UNIX-CONNECT:" + socket).redirectErrorStream(true)
                        .start();
                try {
                    try (var in = p.getOutputStream()) {
                        in.write(("{ \"command\": \"" + command + "\" }\n").getBytes(StandardCharsets.UTF_8));
                    }
                    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "socat ended");
                    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertEquals(0, JSON.readTree(printed).get("result").intValue(), command + ": " + printed);
                } finally {
                    p.destroyForcibly(); // socat started by this test, by its handle
                }
            }
            assertFalse(kea.output().contains("CC_WRITE_ERROR"), kea.output());
        }
    }

    /**
     * The control socket is its owner's: another Unix user (nobody), who can reach the socket file, is refused by
     * the system, while the owner gets the answer.
     */
    @Test
    void anotherUserCannotUseTheControlSocket() throws Exception {
        External.requireRoot();
        Path socat = External.program("socat");
        Path open = Files.createDirectories(dir.resolve("reachable"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = open.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "-p", Integer.toString(Kea4jProcess.freeUdpPort()),
                "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            for (boolean owner : new boolean[] {true, false}) {
                List<String> command = new java.util.ArrayList<>(owner ? List.of() : List.of("runuser", "-u", "nobody", "--"));
                command.addAll(List.of(socat.toString(), "-", "UNIX-CONNECT:" + socket));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                try {
                    try (var in = p.getOutputStream()) {
                        in.write("{ \"command\": \"version-get\" }\n".getBytes(StandardCharsets.UTF_8));
                    }
                    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "socat ended");
                    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (owner) {
                        assertEquals(0, JSON.readTree(printed).get("result").intValue(), printed);
                    } else {
                        assertNotEquals(0, p.exitValue(), printed);
                        assertTrue(printed.contains("Permission denied"), printed);
                    }
                } finally {
                    p.destroyForcibly(); // started by this test, by its handle
                }
            }
        }
    }

    /** A password in the configuration shows in no log line (debug included) and not in config-get. */
    @Test
    void passwordsStayOutOfLogsAndConfigGet() throws Exception {
        Path config = dir.resolve("with-password.json");
        String dhcp4 = "{\"Dhcp4\": {\"lease-database\": {\"type\": \"memfile\", \"persist\": false, "
                + "\"password\": \"s3cret-value\"}}}";
        Files.writeString(config, dhcp4);
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "-d", "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            JsonNode got = JSON.readTree(ControlClient.send(socket, "{\"command\": \"config-get\"}"));
            assertEquals("*****", got.path("arguments").path("Dhcp4").path("lease-database").path("password").asText(),
                    got.toString());
            JsonNode set = JSON.readTree(ControlClient.send(socket, "{\"command\": \"config-set\", \"arguments\": "
                    + dhcp4.replace("s3cret-value", "an0ther-s3cret") + "}"));
            assertEquals(0, set.path("result").asInt(), set.toString());
            assertTrue(kea.output().contains("DHCP4_CONFIG_START") && kea.output().contains("CC_GROUP_RECEIVED"),
                    "the configuration and the command were logged: " + kea.output());
            assertFalse(kea.output().contains("s3cret-value") || kea.output().contains("an0ther-s3cret"),
                    kea.output());
        }
    }

    @Test
    void aBrokenConfigurationFileEndsTheProcessWithAFatalLine() throws Exception {
        Path config = dir.resolve("broken.json");
        Files.writeString(config, "{\"Dhcp4\": {\"subnet4\": [ {\"subnet\": \"10.0.0.0/8\", \"pools\": [ {\"pool\": \"11.0.0.1 - 11.0.0.2\"} ]} ]}}");
        Kea4jProcess.Result result = Kea4jProcess.run(dir, 60, "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()));
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(" FATAL [kea4j.dctl/"), result.output());
        assertTrue(result.output().contains("DCTL_PROCESS_FAILED kea4j application execution failed: "
                + "Dhcp4/subnet4[0]/pools[0]/pool: pool 11.0.0.1-11.0.0.2 is outside the subnet 10.0.0.0/8"), result.output());
        assertTrue(result.output().contains("DHCP4_CONFIG_LOAD_FAIL"), result.output());
        assertTrue(result.output().contains("DHCP4_INIT_FAIL failed to initialize Kea server: configuration error "
                + "using file '" + config + "': Dhcp4/subnet4[0]/pools[0]/pool: pool 11.0.0.1-11.0.0.2 is outside"),
                "Kea 2.2's line, which tools watch for: " + result.output());
    }

    @Test
    void aMissingFileIsFatalToo() throws Exception {
        Kea4jProcess.Result result = Kea4jProcess.run(dir, 60, "-c", dir.resolve("none.json").toString());
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("FATAL") && result.output().contains("no such file"), result.output());
    }

    @Test
    void dashTChecksAConfigurationAndExits() throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"Dhcp4\": {\"valid-lifetime\": 100}}");
        Kea4jProcess.Result ok = Kea4jProcess.run(dir, 60, "-t", good.toString());
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Configuration seems sane"), ok.output());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"Dhcp4\": {\"valid-lifetime\": 100, \"bogus\": 1}}");
        Kea4jProcess.Result refused = Kea4jProcess.run(dir, 60, "-t", bad.toString());
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("Dhcp4/bogus: unknown keyword 'bogus'"), refused.output());
        assertTrue(refused.output().contains(bad + ":1:"), "the error names the line: " + refused.output());

        Path unresolvable = org.kea4j.itest.hooks.TestBundles.unresolvable(dir.resolve("unresolvable.jar"), "tCheck");
        Path unloadable = dir.resolve("unloadable.json");
        Files.writeString(unloadable, "{\"Dhcp4\": {\"hooks-libraries\": [{\"library\": \"" + unresolvable + "\"}]}}");
        Kea4jProcess.Result hooks = Kea4jProcess.run(dir, 60, "-T", unloadable.toString()); // Kea's full check
        assertEquals(1, hooks.exitCode(), hooks.output());
        assertTrue(hooks.output().contains("hooks-libraries: HOOKS_OPEN_ERROR failed to open hook library " + unresolvable),
                hooks.output());
        assertTrue(hooks.output().contains("missing requirement"), hooks.output());
    }

    @Test
    void theLfcToolCompactsLeaseFilesOutOfProcess() throws Exception {
        String header = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context";
        Path copy = dir.resolve("leases.csv.1");
        Files.writeString(copy, header + "\n"
                + "192.0.2.1,08:00:27:00:00:01,,3600,1900003600,1,0,0,first,0,\n"
                + "192.0.2.2,08:00:27:00:00:02,,3600,1900003600,1,0,0,,0,\n"
                + "192.0.2.1,08:00:27:00:00:01,,3600,1900007200,1,0,0,second,0,\n"
                + "192.0.2.2,08:00:27:00:00:02,,0,1900003600,1,0,0,,0,\n");
        Path previous = dir.resolve("leases.csv.2");
        Kea4jProcess.Result result = Kea4jProcess.run(dir, 60, "lfc", "-4", "-x", previous.toString(), "-i", copy.toString(),
                "-o", dir.resolve("leases.csv.output").toString(), "-f", dir.resolve("leases.csv.completed").toString(),
                "-p", dir.resolve("leases.csv.pid").toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("LFC_READ_STATS Leases: 4, attempts: 4, errors: 0."), result.output());
        assertTrue(result.output().contains("LFC_WRITE_STATS Leases: 1, attempts: 1, errors: 0."), result.output());
        assertEquals(java.util.List.of(header, "192.0.2.1,08:00:27:00:00:01,,3600,1900007200,1,0,0,second,0,"),
                Files.readAllLines(previous));
        assertTrue(Files.notExists(copy) && Files.notExists(dir.resolve("leases.csv.pid")));
    }

    @Test
    void versionAndUsage() throws Exception {
        Kea4jProcess.Result v = Kea4jProcess.run(dir, 60, "-v");
        assertEquals(0, v.exitCode());
        assertTrue(v.output().strip().endsWith("0.1.0-SNAPSHOT") || v.output().contains("0."), v.output());
        Kea4jProcess.Result extended = Kea4jProcess.run(dir, 60, "-V");
        assertTrue(extended.output().contains("framework: org.apache.felix.framework"), extended.output());
        Kea4jProcess.Result bad = Kea4jProcess.run(dir, 60, "--bogus");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.output().contains("Usage: java -jar kea4j.jar"), bad.output());
    }

    @Test
    void theCtlToolTalksToARunningServer() throws Exception {
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.start(dir, "--control-socket", socket.toString())) {
            assertTrue(kea.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), kea.output());
            assertTrue(kea.awaitControl(socket, 30_000), kea.output());
            Path clientDir = Files.createDirectories(dir.resolve("client"));
            long started = System.nanoTime();
            Kea4jProcess.Result list = Kea4jProcess.run(clientDir, 60, "ctl", socket.toString(), "list-commands");
            System.out.printf("ctl list-commands answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertEquals(0, list.exitCode(), list.output());
            assertTrue(list.output().contains("\"config-reload\""), list.output());
            // ctl starts no framework: nothing but the answer, on one line in a pipe
            assertEquals(1, list.output().strip().lines().count(), list.output());
            assertTrue(list.output().strip().startsWith("{\"result\":0"), list.output());
            Kea4jProcess.Result test = Kea4jProcess.run(clientDir, 60, "ctl", socket.toString(), "config-test",
                    "{\"Dhcp4\": {\"valid-lifetime\": -1}}");
            assertEquals(1, test.exitCode(), test.output());
            assertTrue(test.output().contains("out of range"), test.output());
            Kea4jProcess.Result unknown = Kea4jProcess.run(clientDir, 60, "ctl", socket.toString(), "frobnicate");
            assertEquals(2, unknown.exitCode(), unknown.output());
            Kea4jProcess.Result nobody = Kea4jProcess.run(clientDir, 60, "ctl", dir.resolve("nobody.sock").toString(), "list-commands");
            assertEquals(4, nobody.exitCode(), nobody.output());
            assertTrue(nobody.output().contains("CC_NO_MSGQ"), nobody.output());
        }
    }

    /**
     * The jars kea4j.jar carries are copied once into java.io.tmpdir and reused; the next start removes copies that
     * no running kea4j process lists (an earlier build's), and never one a running server or tool uses.
     */
    @Test
    void copiesOfEarlierBuildsAreRemovedAndThoseInUseKept() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String user = System.getProperty("user.name");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path earlier = tmp.resolve("kea4j-" + user + "-1234-abcd-stored-org.kea4j.core-0.0.1.jar");
        Files.write(earlier, new byte[] {1});
        Path goneList = tmp.resolve("kea4j-" + user + "-uses-" + gone.pid());
        Files.writeString(goneList, earlier.getFileName() + "\n");
        List<String> tmpdir = List.of("-Djava.io.tmpdir=" + tmp);
        Path config = dir.resolve("kea.json");
        Files.writeString(config, "{\"Dhcp4\": {\"valid-lifetime\": 1000}}");
        Path socket = dir.resolve("ctl.sock");
        try (Kea4jProcess kea = Kea4jProcess.startUnder(List.of(), dir, tmpdir, "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea.awaitControl(socket, 60_000), kea.output());
            assertFalse(Files.exists(earlier), "an earlier build's copy that no running process lists");
            assertFalse(Files.exists(goneList), "the list of a process that is gone");
            List<String> used = Files.readAllLines(tmp.resolve("kea4j-" + user + "-uses-" + kea.process().pid()));
            assertTrue(used.size() > 20 && used.stream().anyMatch(n -> n.contains("org.apache.felix.framework"))
                    && used.stream().anyMatch(n -> n.contains("org.kea4j.dhcp4")), used.toString());
            Files.setLastModifiedTime(tmp.resolve(used.get(0)), java.nio.file.attribute.FileTime.fromMillis(0));

            Path clientDir = Files.createDirectories(dir.resolve("client"));
            try (Kea4jProcess ctl = Kea4jProcess.startUnder(List.of(), clientDir, tmpdir, "ctl", socket.toString(),
                    "version-get")) {
                assertTrue(ctl.process().waitFor(60, TimeUnit.SECONDS), ctl.output());
                assertEquals(0, ctl.process().exitValue(), ctl.output());
            }
            // a second server beside the first (its own port and socket) reuses the copies and removes the tool's
            // list, not the first server's copies
            Path second = Files.createDirectories(dir.resolve("second"));
            Path secondSocket = second.resolve("ctl.sock");
            try (Kea4jProcess other = Kea4jProcess.startUnder(List.of(), second, tmpdir, "-c", config.toString(), "-p",
                    Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", secondSocket.toString())) {
                assertTrue(other.awaitControl(secondSocket, 60_000), other.output());
                assertEquals(0, Files.getLastModifiedTime(tmp.resolve(used.get(0))).toMillis(), "reused, not rewritten");
                for (String name : used) {
                    assertTrue(Files.isRegularFile(tmp.resolve(name)), name + " of the running server");
                }
                try (var left = Files.list(tmp)) {
                    assertEquals(2, left.filter(f -> f.getFileName().toString().contains("-uses-")).count(),
                            "the two servers' lists; the ctl tool's is gone with it");
                }
            }
            JsonNode version = JSON.readTree(ControlClient.send(socket, "{\"command\": \"version-get\"}"));
            assertEquals(0, version.get("result").intValue(), "the first server still answers");
        }
    }
}
