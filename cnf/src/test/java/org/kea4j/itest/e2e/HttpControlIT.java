package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.KeaDaemon;
import org.kea4j.itest.net.NetnsPair;

/**
 * Kea's HTTP control channel on kea4j.jar: Kea 2.2's {@code Control-agent} element, driven by {@code curl} and by
 * Kea's own {@code kea-shell}; basic authentication, TLS with a CA the test makes, a service list, forwarding to
 * another process's Unix socket, and {@code /metrics} read by Prometheus' own text parser while perfdhcp runs.
 */
class HttpControlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    Path dir;

    static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Dhcp4 and Dhcp6 on loopback, and the agent element given. */
    private Path config(int dhcpPort, String agent) throws IOException {
        Path config = dir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": { "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.1.10 - 127.0.1.50" } ] } ] },
                  "Dhcp6": { "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "lo",
                                   "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ] } ] },
                  "Control-agent": %s }
                """.formatted(dir.resolve("leases4.csv"), dir.resolve("leases6.csv"), agent));
        return config;
    }

    private Kea4jProcess start(Path config, int dhcpPort) throws Exception {
        Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", Integer.toString(dhcpPort),
                "--control-socket", dir.resolve("ctrl.sock").toString());
        assertTrue(server.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), server.output());
        assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 30_000), server.output());
        return server;
    }

    /** A program's exit code and standard output (standard error apart). */
    record Run(int exit, String out, String err) {
    }

    static Run run(List<String> command, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        String o = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        String e = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Run(p.exitValue(), o, e);
    }

    static Run runWith(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("KEA4J_AUTH");
        pb.environment().putAll(env);
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String e = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Run(p.exitValue(), o, e);
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Kea4jProcess.java(), "-jar", Kea4jProcess.jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** curl: the body and, on the last line, the HTTP status. */
    private static Run curl(List<String> options, String url, String body) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-w", "\n%{http_code}"));
        command.addAll(options);
        if (body != null) {
            command.addAll(List.of("-X", "POST", "-H", "Content-Type: application/json", "--data-binary", body));
        }
        command.add(url);
        return run(command, "");
    }

    private static int status(Run curl) {
        String out = curl.out().strip();
        return Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1));
    }

    private static JsonNode body(Run curl) throws IOException {
        String out = curl.out().strip();
        return JSON.readTree(out.substring(0, out.lastIndexOf('\n')));
    }

    private static List<String> keaShell(int port, String... more) {
        List<String> command = new ArrayList<>(List.of(External.program("kea-shell").toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port)));
        command.addAll(List.of(more));
        return command;
    }

    @Test
    void curlAndKeaShellRunCommandsWithBasicAuthentication() throws Exception {
        int dhcpPort = Kea4jProcess.freeUdpPort();
        int http = freeTcpPort();
        Path config = config(dhcpPort, """
                { "http-host": "127.0.0.1", "http-port": %d,
                  "authentication": { "type": "basic", "realm": "kea4j-test",
                                      "clients": [ { "user": "admin", "password": "%s" } ] } }
                """.formatted(http, PASSWORD));
        try (Kea4jProcess server = start(config, dhcpPort)) {
            assertTrue(server.awaitOutput("CTRL_AGENT_HTTP_SERVICE_STARTED HTTP service bound to address 127.0.0.1:"
                    + http, 30_000), server.output());
            Kea4jProcess.Result lease = Kea4jProcess.run(Files.createDirectories(dir.resolve("c4")), 60, "client", "-4",
                    "--server", "127.0.0.1:" + dhcpPort);
            assertEquals(0, lease.exitCode(), lease.output());
            String url = "http://127.0.0.1:" + http + "/";
            List<String> auth = List.of("-u", "admin:" + PASSWORD);

            Run commands = curl(auth, url, "{ \"command\": \"list-commands\" }");
            assertEquals(200, status(commands), commands.toString());
            JsonNode list = body(commands);
            assertTrue(list.isArray() && list.size() == 1, list.toString());
            assertEquals(0, list.get(0).path("result").intValue(), list.toString());
            assertTrue(list.get(0).path("arguments").toString().contains("\"lease4-get-all\""), list.toString());

            Run leases = run(keaShell(http, "--auth-user", "admin", "--auth-password", PASSWORD, "--service", "dhcp4",
                    "lease4-get-all"), "");
            assertEquals(0, leases.exit(), leases.toString());
            JsonNode shown = JSON.readTree(leases.out());
            assertEquals(1, shown.get(0).path("arguments").path("leases").size(), shown.toString());
            assertTrue(shown.get(0).path("arguments").path("leases").get(0).path("ip-address").asText()
                    .startsWith("127.0.1."), shown.toString());

            Run configGet = run(keaShell(http, "--auth-user", "admin", "--auth-password", PASSWORD, "--service", "dhcp4",
                    "config-get"), "");
            JsonNode dhcp4Only = JSON.readTree(configGet.out()).get(0).path("arguments");
            assertTrue(dhcp4Only.has("Dhcp4") && !dhcp4Only.has("Dhcp6") && !dhcp4Only.has("Control-agent"),
                    configGet.toString());

            // a service list of two servers: two answers, each its server's
            Run both = curl(auth, url, "{ \"command\": \"config-get\", \"service\": [ \"dhcp4\", \"dhcp6\" ] }");
            JsonNode answers = body(both);
            assertEquals(2, answers.size(), answers.toString());
            assertTrue(answers.get(0).path("arguments").has("Dhcp4"), answers.toString());
            assertTrue(answers.get(1).path("arguments").has("Dhcp6"), answers.toString());
            assertFalse(answers.get(1).path("arguments").has("Dhcp4"), answers.toString());
            JsonNode wrongFamily = body(curl(auth, url, "{ \"command\": \"lease4-get-all\", \"service\": [ \"dhcp6\" ] }"));
            assertEquals(2, wrongFamily.get(0).path("result").intValue(), wrongFamily.toString());
            JsonNode d2 = body(curl(auth, url, "{ \"command\": \"version-get\", \"service\": [ \"d2\" ] }"));
            assertEquals("forwarding socket is not configured for the server type d2", d2.get(0).path("text").asText());

            // a wrong password or none: 401 with the realm, and the command does not run
            Path written = dir.resolve("written.json");
            String write = "{ \"command\": \"config-write\", \"arguments\": { \"filename\": \"" + written + "\" } }";
            Run wrong = curl(List.of("-u", "admin:not-the-password", "-D", dir.resolve("headers").toString()), url, write);
            assertEquals(401, status(wrong), wrong.toString());
            assertEquals(401, body(wrong).path("result").intValue());
            assertTrue(Files.readString(dir.resolve("headers")).contains("Basic realm=\"kea4j-test\""));
            assertEquals(401, status(curl(List.of(), url, write)));
            Run shellWrong = run(keaShell(http, "--auth-user", "admin", "--auth-password", "nope", "config-write"), "");
            assertTrue(shellWrong.out().contains("401"), shellWrong.toString());
            assertFalse(Files.exists(written), "a refused request ran its command");
            assertTrue(server.awaitOutput("HTTP_CLIENT_REQUEST_NOT_AUTHORIZED", 10_000), server.output());
            assertTrue(server.output().contains("HTTP_CLIENT_REQUEST_NO_AUTH_HEADER"), server.output());
            assertEquals(200, status(curl(auth, url, write)));
            assertTrue(Files.exists(written), "the authorized request ran");
            assertTrue(Files.readString(written).contains("\"Control-agent\""));

            // kea4j's own ctl over HTTP: the credentials from the environment, the list's highest result as exit value
            Run ctl = runWith(java("ctl", url, "list-commands"), Map.of("KEA4J_AUTH", "admin:" + PASSWORD));
            assertEquals(0, ctl.exit(), ctl.toString());
            assertTrue(ctl.out().contains("\"lease6-get-all\""), ctl.toString());
            assertEquals("", ctl.err());
            Run ctlRefused = runWith(java("ctl", url, "list-commands"), Map.of());
            assertEquals(4, ctlRefused.exit(), ctlRefused.toString());
            assertTrue(ctlRefused.err().contains("HTTP 401"), ctlRefused.toString());

            // not JSON, or not POST: 400, and the server goes on
            assertEquals(400, status(curl(auth, url, "{ not json")));
            assertEquals(400, status(curl(auth, url + "anything", null)));
            assertEquals(200, status(curl(auth, url, "{ \"command\": \"version-get\" }")));
            assertFalse(server.output().contains(PASSWORD), "the password is in the log");

            // the shipped Grafana dashboard asks only for metrics that /metrics has
            Run metrics = curl(auth, url + "metrics", null);
            assertEquals(200, status(metrics));
            String dashboard = Files.readString(Path.of(System.getProperty("kea4j.repository", ".."))
                    .resolve("cnf/dist/grafana/kea4j-dashboard.json"));
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("kea4j_[a-z0-9_]+").matcher(dashboard);
            int asked = 0;
            while (names.find()) {
                asked++;
                assertTrue(metrics.out().contains("# TYPE " + names.group() + " "), names.group() + " in /metrics");
            }
            assertTrue(asked >= 10, "the dashboard's queries: " + asked);
        }
    }

    @Test
    void tlsWithATestCaAndCertificateRequired() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                "-days", "2", "-subj", "/CN=kea4j test CA");
        certificate("server", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n", ca, caKey);
        certificate("client", "extendedKeyUsage=clientAuth\n", ca, caKey);
        int dhcpPort = Kea4jProcess.freeUdpPort();
        int http = freeTcpPort();
        Path config = config(dhcpPort, """
                { "http-host": "127.0.0.1", "http-port": %d, "trust-anchor": "%s", "cert-file": "%s",
                  "key-file": "%s", "cert-required": true }
                """.formatted(http, ca, dir.resolve("server.pem"), dir.resolve("server.key")));
        try (Kea4jProcess server = start(config, dhcpPort)) {
            assertTrue(server.awaitOutput("CTRL_AGENT_HTTPS_SERVICE_STARTED HTTPS service bound to address 127.0.0.1:"
                    + http, 30_000), server.output());
            String url = "https://127.0.0.1:" + http + "/";
            List<String> withCert = List.of("--cacert", ca.toString(), "--cert", dir.resolve("client.pem").toString(),
                    "--key", dir.resolve("client.key").toString());
            Run ok = curl(withCert, url, "{ \"command\": \"status-get\", \"service\": [ \"dhcp4\" ] }");
            assertEquals(200, status(ok), ok.toString());
            assertEquals(0, body(ok).get(0).path("result").intValue(), ok.toString());

            Run noCert = curl(List.of("--cacert", ca.toString()), url, "{ \"command\": \"version-get\" }");
            assertNotEquals(0, noCert.exit(), "a client without a certificate was served: " + noCert);
            assertFalse(noCert.out().contains("\"result\""), noCert.toString());
            assertTrue(server.awaitOutput("HTTP_CONNECTION_HANDSHAKE_FAILED", 10_000), server.output());

            Run plain = curl(List.of(), "http://127.0.0.1:" + http + "/", "{ \"command\": \"version-get\" }");
            assertFalse(plain.out().contains("\"result\""), "plain HTTP was answered on the TLS port: " + plain);

            Run shell = run(keaShell(http, "--ca", ca.toString(), "--cert", dir.resolve("client.pem").toString(),
                    "--key", dir.resolve("client.key").toString(), "--service", "dhcp6", "version-get"), "");
            assertEquals(0, shell.exit(), shell.toString());
            assertEquals(0, JSON.readTree(shell.out()).get(0).path("result").intValue(), shell.toString());
        }
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Run r = run(command, "");
        assertEquals(0, r.exit(), r.toString());
    }

    private void certificate(String name, String extensions, Path ca, Path caKey) throws Exception {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path ext = Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj",
                "/CN=" + name);
        openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", dir.resolve(name + ".pem").toString(), "-days", "2", "-extfile",
                ext.toString());
    }

    /** The agent answers for its own servers and forwards to another process's Unix socket for the others. */
    @Test
    void forwardsToTheUnixSocketOfAServerItDoesNotRun() throws Exception {
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        Path otherSocket = otherDir.resolve("other.sock");
        int otherPort = Kea4jProcess.freeUdpPort();
        Path otherConfig = Files.writeString(otherDir.resolve("kea6.json"), """
                { "Dhcp6": { "interfaces-config": { "interfaces": [ "lo" ] },
                    "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet6": [ { "id": 7, "subnet": "2001:db8:7::/64", "interface": "lo",
                                   "pools": [ { "pool": "2001:db8:7::100 - 2001:db8:7::1ff" } ] } ] } }
                """.formatted(otherSocket, otherDir.resolve("leases6.csv")));
        int dhcpPort = Kea4jProcess.freeUdpPort();
        int http = freeTcpPort();
        Path config = dir.resolve("agent.json");
        Files.writeString(config, """
                { "Dhcp4": { "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.1.10 - 127.0.1.50" } ] } ] },
                  "Control-agent": { "http-port": %d, "control-sockets": {
                      "dhcp6": { "socket-type": "unix", "socket-name": "%s" } } } }
                """.formatted(dir.resolve("leases4.csv"), http, otherSocket));
        try (Kea4jProcess other = Kea4jProcess.start(otherDir, "-c", otherConfig.toString(), "-p",
                Integer.toString(otherPort));
                Kea4jProcess agent = start(config, dhcpPort)) {
            assertTrue(other.awaitControl(otherSocket, 60_000), other.output());
            JsonNode answers = body(curl(List.of(), "http://127.0.0.1:" + http + "/",
                    "{ \"command\": \"config-get\", \"service\": [ \"dhcp4\", \"dhcp6\" ] }"));
            assertEquals(2, answers.size(), answers.toString());
            assertTrue(answers.get(0).path("arguments").has("Dhcp4"), answers.toString());
            assertEquals(7, answers.get(1).path("arguments").path("Dhcp6").path("subnet6").get(0).path("id").intValue(),
                    answers.toString());
            other.close();
            JsonNode gone = body(curl(List.of(), "http://127.0.0.1:" + http + "/",
                    "{ \"command\": \"version-get\", \"service\": [ \"dhcp6\" ] }"));
            assertEquals(1, gone.get(0).path("result").intValue(), gone.toString());
            assertTrue(agent.awaitOutput("CTRL_AGENT_COMMAND_FORWARD_FAILED", 10_000), agent.output());
        }
    }

    /**
     * {@code status-get} answers with Kea 2.2's fields, as the installed Kea 2.2 answers it with multi-threading
     * (kea4j's servers always have worker threads).
     */
    @Test
    void statusGetHasTheFieldsOfKea22() throws Exception {
        Path keaDir = Files.createDirectories(dir.resolve("kea"));
        JsonNode kea;
        try (KeaDaemon daemon = KeaDaemon.start(4, null, keaDir, """
                { "Dhcp4": { "interfaces-config": { "interfaces": [ ] },
                    "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                    "lease-database": { "type": "memfile", "persist": false },
                    "multi-threading": { "enable-multi-threading": true, "thread-pool-size": 2,
                                         "packet-queue-size": 16 } } }
                """.formatted(KeaDaemon.socket(keaDir, 4)))) {
            kea = daemon.command("{ \"command\": \"status-get\" }");
        }
        int dhcpPort = Kea4jProcess.freeUdpPort();
        int http = freeTcpPort();
        Path config = config(dhcpPort, "{ \"http-port\": %d }".formatted(http));
        // each server's workers as its multi-threading element asks (status-get adds up the servers of a process)
        Files.writeString(config, Files.readString(config)
                .replace("\"Dhcp4\": {", "\"Dhcp4\": { \"multi-threading\": { \"thread-pool-size\": 3, \"packet-queue-size\": 16 },")
                .replace("\"Dhcp6\": {", "\"Dhcp6\": { \"multi-threading\": { \"thread-pool-size\": 1, \"packet-queue-size\": 0 },"));
        try (Kea4jProcess server = start(config, dhcpPort)) {
            JsonNode own = body(curl(List.of(), "http://127.0.0.1:" + http + "/",
                    "{ \"command\": \"status-get\", \"service\": [ \"dhcp4\" ] }")).get(0);
            List<String> keaFields = new ArrayList<>();
            kea.path("arguments").fieldNames().forEachRemaining(keaFields::add);
            List<String> ownFields = new ArrayList<>();
            own.path("arguments").fieldNames().forEachRemaining(ownFields::add);
            assertEquals(keaFields.stream().sorted().toList(), ownFields.stream().sorted().toList(),
                    "Kea: " + kea + "\nkea4j: " + own);
            assertFalse(own.has("text"), "Kea 2.2's status-get has no text: " + own);
            assertEquals(3, own.path("arguments").path("packet-queue-statistics").size());
            assertEquals("ready", own.path("arguments").path("sockets").path("status").asText());
            assertEquals(4, own.path("arguments").path("thread-pool-size").intValue(), own.toString());
            assertEquals(16, own.path("arguments").path("packet-queue-size").intValue(), own.toString());
        }
    }

    /** Kea 2.7's form: a server's own {@code control-sockets} list, a Unix and an HTTP entry side by side. */
    @Test
    void aServersControlSocketsListAsKea27() throws Exception {
        int dhcpPort = Kea4jProcess.freeUdpPort();
        int http = freeTcpPort();
        Path socket = dir.resolve("k4.sock");
        Path config = Files.writeString(dir.resolve("kea27.json"), """
                { "Dhcp4": { "interfaces-config": { "interfaces": [ "lo" ] },
                    "control-sockets": [ { "socket-type": "unix", "socket-name": "%s" },
                                         { "socket-type": "http", "socket-address": "127.0.0.1", "socket-port": %d } ],
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.1.10 - 127.0.1.50" } ] } ] } }
                """.formatted(socket, http, dir.resolve("leases4.csv")));
        try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", Integer.toString(dhcpPort))) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            assertTrue(server.awaitOutput("CTRL_AGENT_HTTP_SERVICE_STARTED", 30_000), server.output());
            JsonNode answer = body(curl(List.of(), "http://127.0.0.1:" + http + "/",
                    "{ \"command\": \"config-get\", \"service\": [ \"dhcp4\" ] }"));
            assertEquals(2, answer.get(0).path("arguments").path("Dhcp4").path("control-sockets").size(),
                    answer.toString());
            // a reload keeps the listener (same address and port) and its connection's answer
            JsonNode reload = body(curl(List.of(), "http://127.0.0.1:" + http + "/", "{ \"command\": \"config-reload\" }"));
            assertEquals(0, reload.get(0).path("result").intValue(), reload.toString());
            assertEquals(200, status(curl(List.of(), "http://127.0.0.1:" + http + "/", "{ \"command\": \"version-get\" }")));
        }
    }

    /** {@code /metrics} parses with Prometheus' own parser, and its counters move as perfdhcp runs. */
    @Test
    void metricsParseAndMoveWhilePerfdhcpRuns() throws Exception {
        try (NetnsPair net = NetnsPair.create(true)) {
            int http = freeTcpPort();
            Path config = dir.resolve("kea4j.json");
            Files.writeString(config, """
                    { "Dhcp4": { "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "name": "%s" },
                        "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.250" } ] } ] },
                      "Control-agent": { "http-host": "127.0.0.1", "http-port": %d } }
                    """.formatted(net.serverInterface(), dir.resolve("leases4.csv"), http));
            try (Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(),
                    "--control-socket", dir.resolve("ctrl.sock").toString())) {
                assertTrue(server.awaitOutput("DHCP4_STARTED", 60_000), server.output());
                assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 30_000), server.output());
                JsonNode before = metrics(net, http);
                NetnsPair.Result perf = net.run(net.client(), 60, External.program("perfdhcp").toString(), "-4",
                        "-l", net.clientInterface(), "-r", "50", "-n", "100", "-R", "100");
                assertTrue(perf.exitCode() == 0 || perf.exitCode() == 3, perf.output());
                JsonNode after = metrics(net, http);
                long discovers = after.path("kea4j_pkt4_discover_received_total").asLong()
                        - before.path("kea4j_pkt4_discover_received_total").asLong();
                long acks = after.path("kea4j_pkt4_ack_sent_total").asLong()
                        - before.path("kea4j_pkt4_ack_sent_total").asLong();
                System.out.printf("HttpControlIT metrics: %d DISCOVERs received, %d ACKs sent during perfdhcp%n",
                        discovers, acks);
                assertTrue(discovers >= 90, after.toString());
                assertTrue(acks >= 1, after.toString());
                assertTrue(after.path("kea4j_assigned_addresses{subnet=\"192.0.2.0/24\",subnet_id=\"1\"}").asLong() >= acks,
                        after.toString());
                assertTrue(after.path("kea4j_jvm_memory_used_bytes{area=\"heap\"}").asLong() > 0, after.toString());
            }
        }
    }

    /** The samples of {@code /metrics}, as Prometheus' own parser reads them (name{labels} to value). */
    private JsonNode metrics(NetnsPair net, int port) throws Exception {
        Path text = dir.resolve("metrics.txt");
        NetnsPair.Result got = net.run(net.server(), 30, "curl", "-sS", "--max-time", "20", "-o", text.toString(),
                "-w", "%{http_code} %{content_type}", "http://127.0.0.1:" + port + "/metrics");
        assertTrue(got.output().contains("200 text/plain; version=0.0.4"), got.output());
        Run parsed = run(List.of("/usr/bin/python3", "-c", """
                import json, sys
                from prometheus_client.parser import text_string_to_metric_families
                out = {}
                for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                    for s in family.samples:
                        labels = ",".join('%s="%s"' % kv for kv in sorted(s.labels.items()))
                        out[s.name + ("{" + labels + "}" if labels else "")] = s.value
                print(json.dumps(out))
                """, text.toString()), "");
        assertEquals(0, parsed.exit(), parsed.toString());
        return JSON.readTree(parsed.out());
    }
}
