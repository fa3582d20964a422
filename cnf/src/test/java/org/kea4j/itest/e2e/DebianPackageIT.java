package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.Perfdhcp;

/**
 * The Debian package the build makes ({@code cnf/target/kea4j_VERSION_all.deb}) installs with {@code dpkg -i} on this
 * machine beside Kea 2.2's packages; its systemd units pass {@code systemd-analyze verify}; Kea's command names check
 * Kea's own Debian configuration files ({@code kea-dhcp4 -t /etc/kea/kea-dhcp4.conf}) and serve only their own
 * section; the installed server runs as Kea's unprivileged user {@code _kea} with only the capabilities its unit
 * grants and serves perfdhcp on port 67 in a namespace. The package is purged at the end.
 */
class DebianPackageIT {

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    private static Run run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "finished: " + List.of(command));
        return new Run(p.exitValue(), out);
    }

    private static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(Kea4jProcess.jar().getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("kea4j_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("the build made no Debian package"));
        }
    }

    @Test
    void installsVerifiesChecksKeasConfigurationsAndServesAsKeasUser() throws Exception {
        External.requireRoot();
        External.program("dpkg");
        External.program("systemd-analyze");
        External.program("kea-dhcp4"); // Kea's package: its /etc/kea/kea-dhcp4.conf and its user _kea
        External.program("perfdhcp");
        Run before = run("dpkg-query", "-W", "-f=${Status}", "kea4j");
        assertFalse(before.output().contains("install ok installed"), "kea4j is installed already: not this test's");
        Run install = run("dpkg", "-i", deb().toString());
        try {
            assertEquals(0, install.exit(), install.output());
            for (String file : List.of("/usr/lib/kea4j/kea4j.jar", "/usr/sbin/kea4j", "/usr/sbin/kea4j-dhcp4",
                    "/usr/sbin/kea4jctl", "/usr/bin/kea4j-ctl", "/usr/lib/kea4j/bin/kea-dhcp4", "/etc/kea/kea4j.conf",
                    "/usr/share/doc/kea4j/operations.md")) {
                assertTrue(Files.exists(Path.of(file)), file + " installed");
            }
            assertTrue(Files.readString(Path.of("/etc/default/kea4j")).contains("KEA4J_DATA_DIR=${KEA4J_DATA_DIR:-/var/lib/kea}"),
                    "lease files without a name go where Kea 2.2 puts them");

            Run verify = run("systemd-analyze", "verify", "/lib/systemd/system/kea4j.service",
                    "/lib/systemd/system/kea4j-dhcp4.service", "/lib/systemd/system/kea4j-dhcp6.service");
            assertEquals(0, verify.exit(), verify.output());
            assertFalse(verify.output().contains("kea4j"), verify.output());

            Run check4 = run("/usr/lib/kea4j/bin/kea-dhcp4", "-t", "/etc/kea/kea-dhcp4.conf");
            assertEquals(0, check4.exit(), check4.output());
            Run check6 = run("/usr/lib/kea4j/bin/kea-dhcp6", "-t", "/etc/kea/kea-dhcp6.conf");
            assertEquals(0, check6.exit(), check6.output());
            Run checkOwn = run("/usr/sbin/kea4j", "-t", "/etc/kea/kea4j.conf");
            assertEquals(0, checkOwn.exit(), checkOwn.output());
            Run version = run("/usr/sbin/kea4j-dhcp4", "-v");
            assertEquals(0, version.exit(), version.output());

            // kea-dhcp4 reads only Dhcp4: a broken Dhcp6 beside it is another daemon's business, as for Kea
            Path both = Files.writeString(dir.resolve("both.json"), """
                    { "Dhcp4": { "interfaces-config": { "interfaces": [ ] }, "subnet4": [ ] },
                      "Dhcp6": { "no-such-element": 1 } }""");
            assertEquals(0, run("/usr/lib/kea4j/bin/kea-dhcp4", "-t", both.toString()).exit());
            assertEquals(1, run("/usr/sbin/kea4j", "-t", both.toString()).exit());

            servesAsKeasUser();
            keactrlsWork();
        } finally {
            Run purge = run("dpkg", "--purge", "kea4j");
            assertEquals(0, purge.exit(), purge.output());
            assertFalse(Files.exists(Path.of("/usr/lib/kea4j/kea4j.jar")), "purged");
            assertFalse(Files.exists(Path.of("/var/cache/kea4j")), "purged with its archive");
        }
    }

    private static Run runWith(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + List.of(command));
        return new Run(p.exitValue(), out);
    }

    /** {@code kea4jctl}, keactrl's counterpart: start, status (with status-get), reload (SIGHUP), stop, by its PID file. */
    private void keactrlsWork() throws Exception {
        Path ctl = Files.createDirectories(dir.resolve("kea4jctl"));
        Path config = Files.writeString(ctl.resolve("kea4j.conf"), """
                { "Dhcp4": { "interfaces-config": { "interfaces": [ ] },
                    "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                    "lease-database": { "type": "memfile", "persist": false }, "subnet4": [ ] } }
                """.formatted(ctl.resolve("ctrl.sock")));
        Map<String, String> env = Map.of("KEA_PIDFILE_DIR", ctl.toString(), "KEA4J_LOG_DIR", ctl.toString(),
                "KEA4J_DATA_DIR", ctl.toString(), "KEA4J_HOOKS_DIR", ctl.resolve("hooks").toString());
        String kea4jctl = "/usr/sbin/kea4jctl";
        Run start = runWith(env, kea4jctl, "-c", config.toString(), "start");
        try {
            assertEquals(0, start.exit(), start.output());
            assertTrue(start.output().contains("kea4j: started (pid "), start.output());
            long pid = Long.parseLong(Files.readString(ctl.resolve("kea4jctl.pid")).strip());
            Run again = runWith(env, kea4jctl, "-c", config.toString(), "start");
            assertTrue(again.output().contains("already running (pid " + pid + ")"), again.output());
            boolean answered = org.kea4j.itest.Poll.until(30_000, () -> runWith(env, kea4jctl, "-c", config.toString(),
                    "status").output().contains("\"pid\""));
            Run status = runWith(env, kea4jctl, "-c", config.toString(), "status");
            assertTrue(answered && status.output().contains("kea4j: active (pid " + pid), status.output());
            Run reload = runWith(env, kea4jctl, "-c", config.toString(), "reload");
            assertEquals(0, reload.exit(), reload.output());
            assertTrue(org.kea4j.itest.Poll.until(30_000, () -> Files.readString(ctl.resolve("kea4j.log"))
                    .contains("DHCP4_DYNAMIC_RECONFIGURATION")), Files.readString(ctl.resolve("kea4j.log")));
        } finally {
            Run stop = runWith(env, kea4jctl, "-c", config.toString(), "stop");
            assertEquals(0, stop.exit(), stop.output());
        }
        Run status = runWith(env, kea4jctl, "-c", config.toString(), "status");
        assertEquals(3, status.exit(), status.output());
        assertTrue(status.output().contains("kea4j: inactive"), status.output());
    }

    /** The unit's privileges: user _kea, CAP_NET_BIND_SERVICE and CAP_NET_RAW only, port 67, leases without a name. */
    private void servesAsKeasUser() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (NetnsPair net = NetnsPair.create(true)) {
            Path config = Files.writeString(dir.resolve("kea-dhcp4.conf"), """
                    { "Dhcp4": { "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "lfc-interval": 0 },
                        "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24",
                                       "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ] } ] } }
                    """.formatted(net.serverInterface()));
            Path output = dir.resolve("server.out");
            List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=_kea", "--regid=_kea", "--init-groups",
                    "--inh-caps=-all,+net_bind_service,+net_raw", "--ambient-caps=+net_bind_service,+net_raw",
                    "--bounding-set=-all,+net_bind_service,+net_raw", "/usr/sbin/kea4j-dhcp4", "-c", config.toString()));
            Process server = net.start(net.server(), output, Map.of("KEA4J_DATA_DIR", data.toString(),
                    "KEA_PIDFILE_DIR", data.toString(), "KEA4J_HOOKS_DIR", data.resolve("hooks").toString()),
                    command.toArray(new String[0]));
            try {
                for (int i = 0; i < 600 && server.isAlive() && !Files.readString(output).contains("DHCP4_STARTED"); i++) {
                    Thread.sleep(100);
                }
                assertTrue(Files.readString(output).contains("DHCP4_STARTED"), Files.readString(output));
                String status = Files.readString(Path.of("/proc/" + server.pid() + "/status"));
                String keaUid = run("id", "-u", "_kea").output().strip();
                assertTrue(status.lines().anyMatch(l -> l.matches("Uid:\\s+" + keaUid + "\\s+" + keaUid + "\\s.*")),
                        status);
                NetnsPair.Result perf = net.run(net.client(), 60, External.program("perfdhcp").toString(), "-4", "-l",
                        net.clientInterface(), "-r", "20", "-n", "40", "-R", "40");
                assertTrue(perf.exitCode() == 0 || perf.exitCode() == 3, perf.output());
                long acked = Perfdhcp.stats(perf.output(), "REQUEST-ACK").get("REQUEST-ACK")[1];
                System.out.println("DebianPackageIT: the installed kea4j-dhcp4 as _kea acknowledged " + acked + " of 40");
                assertTrue(acked >= 1, perf.output());
                Path leases = data.resolve("kea-leases4.csv");
                assertTrue(Files.exists(leases) && Files.readAllLines(leases).size() > 1, Files.readString(output));
            } finally {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
            }
            // the first stop of a server writes the launcher's class-data archive, as _kea, where the package said
            try (java.util.stream.Stream<Path> archives = Files.list(Path.of("/var/cache/kea4j"))) {
                assertTrue(archives.anyMatch(f -> f.getFileName().toString().matches("kea4j-.*\\.jsa")),
                        "a class-data archive in /var/cache/kea4j: " + Files.readString(output));
            }
        }
    }
}
