package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.hooks.TestBundles;

/**
 * kea4j.jar's DHCPv4 and DHCPv6 servers on loopback without root, driven by the relay-style client in the
 * same jar: the README's quickstart, a hook bundle that records every hook point, and reconfiguration
 * under load.
 */
class LoopbackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int port() throws java.io.IOException {
        return Kea4jProcess.freeUdpPort();
    }

    private Kea4jProcess start(String... args) throws Exception {
        Kea4jProcess server = Kea4jProcess.start(dir, args);
        assertTrue(server.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), server.output());
        assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 30_000), server.output());
        return server;
    }

    private Kea4jProcess.Result client(int port, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("client", "-4", "--server", "127.0.0.1:" + port));
        args.addAll(List.of(more));
        Path clientDir = Files.createDirectories(dir.resolve("client"));
        return Kea4jProcess.run(clientDir, 120, args.toArray(new String[0]));
    }

    private JsonNode leases() throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"lease4-get-all\"}"))
                .path("arguments").path("leases");
    }

    /** The README's two steps: the embedded default server, and the client getting a lease from it. */
    @Test
    void quickstartGrantsLeasesOnLoopback() throws Exception {
        int port = port();
        try (Kea4jProcess server = start("-p", Integer.toString(port), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            Kea4jProcess.Result r = client(port, "--count", "3");
            assertEquals(0, r.exitCode(), r.output() + server.output());
            assertEquals(3, r.output().lines().filter(l -> l.contains(": DHCPACK 127.0.1.")).count(), r.output());
            assertTrue(r.output().contains("routers=127.0.0.1"), r.output());
            assertEquals(3, leases().size(), "the rehearsal's made-up clients left no lease here");
            assertTrue(server.output().contains("DHCPSRV_REHEARSAL_DONE DHCPv4 packet path rehearsed before the"
                    + " sockets open: " + Rehearsal.DEFAULT_EXCHANGES + " synthetic exchanges"), server.output());
            assertEquals(4, Files.readAllLines(dir.resolve("kea4j-data/kea-leases4.csv")).size(), "header and 3 rows");

            Kea4jProcess.Result released = client(port, "--hwaddr", "02:00:00:00:00:01", "--release");
            assertEquals(0, released.exitCode(), released.output());
            assertTrue(released.output().contains("released 127.0.1."), released.output());
            for (int i = 0; i < 50 && leases().size() != 3; i++) {
                Thread.sleep(100);
            }
            assertEquals(3, leases().size(), "granted then released");
        }
    }

    private JsonNode command(String json) throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), json));
    }

    /**
     * With {@code -Dkea4j.workers=0} the servers have no workers: each packet is handled on the thread that received
     * it, as Kea without multi-threading; status-get says so. A {@code thread-pool-size} brings workers back, and
     * both ways serve.
     */
    @Test
    void withoutWorkersPacketsAreHandledWhereReceived() throws Exception {
        int port = port();
        try (Kea4jProcess server = Kea4jProcess.startUnder(List.of(), dir, List.of("-Dkea4j.workers=0"), "-p",
                Integer.toString(port), "--control-socket", dir.resolve("ctrl.sock").toString())) {
            assertTrue(server.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), server.output());
            assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 30_000), server.output());
            JsonNode status = command("{\"command\": \"status-get\"}").path("arguments");
            assertEquals(0, status.path("thread-pool-size").asInt(), status.toString());
            assertEquals(false, status.path("multi-threading-enabled").asBoolean(true), status.toString());
            assertEquals(0, status.path("packet-queue-size").asInt(), status.toString());
            Kea4jProcess.Result v4 = client(port, "--count", "3");
            assertEquals(0, v4.exitCode(), v4.output() + server.output());
            assertEquals(3, v4.output().lines().filter(l -> l.contains(": DHCPACK 127.0.1.")).count(), v4.output());
            Kea4jProcess.Result v6 = Kea4jProcess.run(Files.createDirectories(dir.resolve("client6")), 120, "client",
                    "-6", "--server", "[::1]:" + port, "--pd");
            assertEquals(0, v6.exitCode(), v6.output() + server.output());
            assertTrue(v6.output().contains("REPLY"), v6.output());

            com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode)
                    command("{\"command\": \"config-get\"}").path("arguments");
            ((com.fasterxml.jackson.databind.node.ObjectNode) config.path("Dhcp4").path("multi-threading"))
                    .put("thread-pool-size", 3);
            JsonNode set = JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"),
                    "{\"command\": \"config-set\", \"arguments\": " + config + "}"));
            assertEquals(0, set.path("result").asInt(), set.toString());
            status = command("{\"command\": \"status-get\"}").path("arguments");
            assertEquals(3, status.path("thread-pool-size").asInt(), "DHCPv4's three, DHCPv6 none: " + status);
            assertEquals(true, status.path("multi-threading-enabled").asBoolean(false), status.toString());
            Kea4jProcess.Result again = client(port, "--count", "2");
            assertEquals(0, again.exitCode(), again.output() + server.output());
            assertEquals(2, again.output().lines().filter(l -> l.contains(": DHCPACK 127.0.1.")).count(),
                    again.output());
        }
    }

    /**
     * Kea's service commands: {@code dhcp-disable} stops the answers (what arrives is counted as dropped) until
     * {@code dhcp-enable}, or until its {@code max-period} is over; {@code server-tag-get}, {@code config-hash-get}
     * (the same hash until the configuration changes) and {@code build-report}.
     */
    @Test
    void dhcpDisableStopsTheAnswersUntilEnabledOrItsPeriodEnds() throws Exception {
        int port = port();
        try (Kea4jProcess server = start("-p", Integer.toString(port), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            assertEquals(0, client(port).exitCode(), server.output());
            JsonNode disabled = command("{\"command\": \"dhcp-disable\"}");
            assertEquals("DHCP service disabled", disabled.path("text").asText(), disabled.toString());
            long dropsBefore = command("{\"command\": \"statistic-get\", \"arguments\": {\"name\": \"pkt4-receive-drop\"}}")
                    .path("arguments").path("pkt4-receive-drop").get(0).get(0).asLong();
            Kea4jProcess.Result unanswered = client(port, "--timeout", "500");
            assertTrue(unanswered.exitCode() != 0 && !unanswered.output().contains("DHCPACK"), unanswered.output());
            long dropsAfter = command("{\"command\": \"statistic-get\", \"arguments\": {\"name\": \"pkt4-receive-drop\"}}")
                    .path("arguments").path("pkt4-receive-drop").get(0).get(0).asLong();
            assertTrue(dropsAfter > dropsBefore, "dropped while disabled: " + dropsBefore + " -> " + dropsAfter);
            assertEquals("DHCP service successfully enabled", command("{\"command\": \"dhcp-enable\"}").path("text").asText());
            assertEquals(0, client(port).exitCode(), "served again");

            JsonNode forAWhile = command("{\"command\": \"dhcp-disable\", \"arguments\": {\"max-period\": 15, "
                    + "\"origin\": \"ha-partner\"}}");
            assertEquals("DHCP service disabled for 15 seconds", forAWhile.path("text").asText(), forAWhile.toString());
            assertTrue(client(port, "--timeout", "300").exitCode() != 0, "not served within the period");
            assertTrue(Poll.until(60_000, () -> client(port, "--timeout", "500").exitCode() == 0),
                    "served again when the period is over: " + server.output());
            assertEquals(1, command("{\"command\": \"dhcp-disable\", \"arguments\": {\"max-period\": 0}}")
                    .path("result").asInt());
            assertEquals(1, command("{\"command\": \"dhcp-disable\", \"arguments\": {\"origin\": \"martian\"}}")
                    .path("result").asInt());

            assertEquals("", command("{\"command\": \"server-tag-get\"}").path("arguments").path("server-tag").asText());
            String hash = command("{\"command\": \"config-hash-get\"}").path("arguments").path("hash").asText();
            assertTrue(hash.matches("[0-9A-F]{64}"), hash);
            assertEquals(hash, command("{\"command\": \"config-hash-get\"}").path("arguments").path("hash").asText());
            assertTrue(command("{\"command\": \"build-report\"}").path("text").asText().contains("org.kea4j.core"));
        }
    }

    /** Kea's {@code leases-reclaim}: expired leases reclaimed at once, kept as expired-reclaimed or removed. */
    @Test
    void leasesReclaimReclaimsExpiredLeasesNow() throws Exception {
        Path config = dir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "expired-leases-processing": { "reclaim-timer-wait-time": 3600, "flush-reclaimed-timer-wait-time": 3600 },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.5.0.0 - 127.5.0.255" } ] } ]
                } }""");
        try (Kea4jProcess server = start("-c", config.toString(), "-p", Integer.toString(port()), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            long expired = System.currentTimeMillis() / 1000 - 100;
            for (String address : List.of("127.5.0.1", "127.5.0.2")) {
                assertEquals(0, command("{\"command\": \"lease4-add\", \"arguments\": {\"ip-address\": \"" + address
                        + "\", \"hw-address\": \"02:00:00:00:05:0" + address.charAt(address.length() - 1)
                        + "\", \"valid-lft\": 50, \"expire\": " + expired + "}}").path("result").asInt(), server.output());
            }
            assertEquals("Missing mandatory 'remove' parameter.", command("{\"command\": \"leases-reclaim\"}")
                    .path("text").asText());
            assertEquals("Reclamation of expired leases is complete.", command("{\"command\": \"leases-reclaim\", "
                    + "\"arguments\": {\"remove\": false}}").path("text").asText());
            assertEquals(2, command("{\"command\": \"lease4-get\", \"arguments\": {\"ip-address\": \"127.5.0.1\"}}")
                    .path("arguments").path("state").asInt(), "expired-reclaimed, kept");
            assertEquals(0, command("{\"command\": \"leases-reclaim\", \"arguments\": {\"remove\": true}}")
                    .path("result").asInt());
            assertEquals(2, leases().size(), "already reclaimed leases stay until flushed");
            assertEquals(0, command("{\"command\": \"lease4-add\", \"arguments\": {\"ip-address\": \"127.5.0.3\", "
                    + "\"hw-address\": \"02:00:00:00:05:03\", \"valid-lft\": 50, \"expire\": " + expired + "}}")
                    .path("result").asInt());
            command("{\"command\": \"leases-reclaim\", \"arguments\": {\"remove\": true}}");
            assertEquals(3, command("{\"command\": \"lease4-get\", \"arguments\": {\"ip-address\": \"127.5.0.3\"}}")
                    .path("result").asInt(), "removed at once");
        }
    }

    /** A file of the repository's cnf/config folder, copied into the test's folder at the same place. */
    private Path example(String name) throws Exception {
        Path source = Path.of(System.getProperty("kea4j.repository"), "cnf", "config", name);
        Path target = Files.createDirectories(dir.resolve("cnf/config")).resolve(name);
        return Files.copy(source, target);
    }

    /** cnf/config/kea4j-usercheck.json as its comment runs it: registered and unregistered clients, outcomes. */
    @Test
    void theListedUsercheckExampleRestrictsUnregisteredClients() throws Exception {
        example("user_chk_registry.txt");
        example("kea4j-usercheck.json");
        int port = port();
        try (Kea4jProcess server = start("-c", "cnf/config/kea4j-usercheck.json", "-p", Integer.toString(port),
                "--control-socket", dir.resolve("ctrl.sock").toString())) {
            Kea4jProcess.Result registered = client(port, "--hwaddr", "02:00:00:00:00:01");
            assertTrue(registered.output().contains(": DHCPACK 127.0.1."), registered.output() + server.output());
            assertTrue(registered.output().contains("tftp-server-name=tftp.example.org boot-file-name=/boot/registered.cfg"),
                    "the registered user's attributes: " + registered.output());
            Kea4jProcess.Result stranger = client(port, "--hwaddr", "02:00:00:00:00:02");
            assertTrue(stranger.output().contains(": DHCPACK 10.99."), stranger.output());
            assertTrue(!stranger.output().contains("boot-file-name"), stranger.output());
            String outcomes = Files.readString(dir.resolve("user_chk_outcome.txt"));
            assertTrue(outcomes.contains("id_type=HW_ADDR\nclient=hwtype=1 02:00:00:00:00:02\naddr=10.99."), outcomes);
            assertTrue(outcomes.contains("client=hwtype=1 02:00:00:00:00:01\naddr=127.0.1."), outcomes);
            JsonNode usercheck = JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"hooks-list\"}"))
                    .path("arguments").path("libraries").get(0);
            assertEquals("org.kea4j.usercheck", usercheck.path("name").asText());
            assertEquals("cnf/config/user_chk_registry.txt", usercheck.path("parameters").path("registry-file").asText());
        }
    }

    /** cnf/config/kea4j-usercheck-dropin.json is a valid configuration; the jar it names is the built one. */
    @Test
    void theDropInUsercheckExampleIsValid() throws Exception {
        Path config = example("kea4j-usercheck-dropin.json");
        Kea4jProcess.Result test = Kea4jProcess.run(dir, 120, "-t", config.toString());
        assertEquals(0, test.exitCode(), test.output());
        String named = Files.readString(config).lines().filter(l -> l.contains("cp usercheck.bundle/target/"))
                .findFirst().orElseThrow();
        String jarName = named.replaceAll(".*target/(\\S+)\\s.*", "$1");
        assertEquals(jarName, Path.of(System.getProperty("kea4j.usercheck.jar")).getFileName().toString(),
                "the example copies the jar the build makes");
    }

    @Test
    void aHookBundleSeesEveryHookPointAndItsSkipIsObeyed() throws Exception {
        Path hook = TestBundles.hookBundle(dir.resolve("recorder.jar"), "recorder", "dhcp4-recorder",
                org.kea4j.hooks.HookLibrary.FRAMEWORK_VERSION);
        Path record = dir.resolve("hooks.txt");
        Path config = dir.resolve("kea4j.json");
        String template = """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "hooks-libraries": [ { "library": "%s", "parameters": { "file": "%s", "skip": "%s" } } ],
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.3.10 - 127.0.3.20" } ] } ] } }
                """;
        Files.writeString(config, template.formatted(hook, record, "none"));
        int port = port();
        try (Kea4jProcess server = start("-c", config.toString(), "-p", Integer.toString(port), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            Kea4jProcess.Result r = client(port, "--hwaddr", "02:00:00:00:00:07", "--release");
            assertEquals(0, r.exitCode(), r.output() + server.output());
            for (int i = 0; i < 50 && !Files.readString(record).contains("lease4_release"); i++) {
                Thread.sleep(100);
            }
            List<String> lines = Files.readAllLines(record);
            assertEquals(List.of(
                    "buffer4_receive [query4]", "pkt4_receive [query4]",
                    "subnet4_select [query4, subnet4, subnet4collection]",
                    "lease4_select [fake_allocation, host4, lease4, query4, subnet4]", "pkt4_send [query4, response4]",
                    "buffer4_send [response4]",
                    "buffer4_receive [query4]", "pkt4_receive [query4]",
                    "subnet4_select [query4, subnet4, subnet4collection]",
                    "lease4_select [fake_allocation, host4, lease4, query4, subnet4]", "pkt4_send [query4, response4]",
                    "buffer4_send [response4]",
                    "buffer4_receive [query4]", "pkt4_receive [query4]", "lease4_release [lease4, query4]"), lines);

            for (String skip : List.of("pkt4_receive", "subnet4_select", "lease4_select", "buffer4_send")) {
                Files.writeString(config, template.formatted(hook, record, skip));
                JsonNode reload = JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"),
                        "{\"command\": \"config-reload\"}"));
                assertEquals(0, reload.get("result").intValue(), reload.toString());
                Kea4jProcess.Result skipped = client(port, "--timeout", "500");
                assertEquals(1, skipped.exitCode(), skip + " skipped: no lease\n" + skipped.output());
            }
        }
    }

    /** Reloading the configuration again and again while clients keep asking loses no lease and no client. */
    @Test
    void reconfigurationUnderLoadKeepsLeasesAndClients() throws Exception {
        Path config = dir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.4.10 - 127.0.4.250" } ] } ] } }
                """.formatted(dir.resolve("leases.csv")));
        int port = port();
        try (Kea4jProcess server = start("-c", config.toString(), "-p", Integer.toString(port), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            Thread reloader = new Thread(() -> {
                try {
                    for (int i = 0; i < 15; i++) {
                        ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"config-reload\"}");
                        Thread.sleep(150);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            reloader.start();
            Kea4jProcess.Result r = client(port, "--count", "100", "--timeout", "2000");
            reloader.join(30_000);
            assertEquals(0, r.exitCode(), "every client got its lease during the reloads:\n" + r.output());
            assertEquals(100, leases().size());
            assertTrue(server.output().split("DHCP4_CONFIG_COMPLETE", -1).length >= 10, "the server reloaded");
        }
    }

    /** The quickstart's DHCPv6 half: an address and a delegated prefix through the jar's client, then released. */
    @Test
    void quickstartGrantsV6LeasesOnLoopback() throws Exception {
        int port = port();
        try (Kea4jProcess server = start("-p", Integer.toString(port), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            assertTrue(server.awaitOutput("DHCP6_STARTED", 30_000), server.output());
            List<String> args = List.of("client", "-6", "--server", "[::1]:" + port, "--pd", "--count", "2");
            Kea4jProcess.Result r = Kea4jProcess.run(Files.createDirectories(dir.resolve("c6")), 60,
                    args.toArray(new String[0]));
            assertEquals(0, r.exitCode(), r.output() + server.output());
            assertEquals(2, r.output().lines().filter(l -> l.contains("REPLY address=2001:db8:1::")
                    && l.contains("prefix=2001:db8:8:")).count(), r.output());
            JsonNode leases = JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"),
                    "{\"command\": \"lease6-get-all\"}")).path("arguments").path("leases");
            assertEquals(4, leases.size(), "two addresses and two prefixes (none of the rehearsal's)");
            assertTrue(server.output().contains("DHCPSRV_REHEARSAL_DONE DHCPv6 packet path rehearsed before the"
                    + " sockets open: " + Rehearsal.DEFAULT_EXCHANGES + " synthetic exchanges"), server.output());
            assertTrue(Files.readString(dir.resolve("kea4j-data/kea-dhcp6-serverid")).startsWith("00:0"));
        }
    }

    /**
     * Without epoll (forced here with {@code kea4j.transport=nio}, as on hosts where Netty's native transport
     * cannot load) the NIO transport serves the quickstart's DHCPv4 and DHCPv6 clients, and says so.
     */
    @Test
    void theNioTransportServesWhenEpollIsNotUsed() throws Exception {
        int port = port();
        try (Kea4jProcess server = Kea4jProcess.startUnder(List.of(), dir, List.of("-Dkea4j.transport=nio"), "-p",
                Integer.toString(port), "--control-socket", dir.resolve("ctrl.sock").toString())) {
            assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 60_000), server.output());
            assertTrue(server.awaitOutput("DHCP6_STARTED", 30_000), server.output());
            assertTrue(server.output().contains("DHCPSRV_SOCKETS_NIO the native epoll transport is not used"
                    + " (kea4j.transport=nio)"), server.output());
            Kea4jProcess.Result v4 = client(port, "--count", "2");
            assertEquals(0, v4.exitCode(), v4.output() + server.output());
            assertEquals(2, v4.output().lines().filter(l -> l.contains(": DHCPACK 127.0.1.")).count(), v4.output());
            Kea4jProcess.Result v6 = Kea4jProcess.run(Files.createDirectories(dir.resolve("c6")), 60, "client", "-6",
                    "--server", "[::1]:" + port, "--pd");
            assertEquals(0, v6.exitCode(), v6.output() + server.output());
            assertTrue(v6.output().contains("REPLY address=2001:db8:1::") && v6.output().contains("prefix=2001:db8:8:"),
                    v6.output());
            assertEquals(2, leases().size());
        }
    }

    @Test
    void aHookBundleSeesEveryDhcp6HookPoint() throws Exception {
        Path hook = TestBundles.hookBundle(dir.resolve("recorder6.jar"), "recorder6", "dhcp4-recorder",
                org.kea4j.hooks.HookLibrary.FRAMEWORK_VERSION);
        Path record = dir.resolve("hooks6.txt");
        Path config = dir.resolve("kea4j6.json");
        String template = """
                { "Dhcp6": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "server-id": { "type": "EN", "persist": false },
                    "hooks-libraries": [ { "library": "%s", "parameters": { "file": "%s", "skip": "%s" } } ],
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64",
                                   "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ] } ] } }
                """;
        Files.writeString(config, template.formatted(hook, record, "none"));
        int port = port();
        try (Kea4jProcess server = start("-c", config.toString(), "-p", Integer.toString(port), "--control-socket",
                dir.resolve("ctrl.sock").toString())) {
            Path clientDir = Files.createDirectories(dir.resolve("c6"));
            Kea4jProcess.Result r = Kea4jProcess.run(clientDir, 60, "client", "-6", "--server", "[::1]:" + port,
                    "--release");
            assertEquals(0, r.exitCode(), r.output() + server.output());
            List<String> lines = Files.readAllLines(record);
            assertEquals(List.of(
                    "buffer6_receive [query6]", "pkt6_receive [query6]",
                    "subnet6_select [query6, subnet6, subnet6collection]",
                    "lease6_select [fake_allocation, host6, lease6, query6, subnet6]", "pkt6_send [query6, response6]",
                    "buffer6_send [response6]",
                    "buffer6_receive [query6]", "pkt6_receive [query6]",
                    "subnet6_select [query6, subnet6, subnet6collection]",
                    "lease6_select [fake_allocation, host6, lease6, query6, subnet6]", "pkt6_send [query6, response6]",
                    "buffer6_send [response6]",
                    "buffer6_receive [query6]", "pkt6_receive [query6]", "lease6_release [lease6, query6]",
                    "pkt6_send [query6, response6]", "buffer6_send [response6]"), lines);
            for (String skip : List.of("pkt6_receive", "lease6_select", "buffer6_send")) {
                Files.writeString(config, template.formatted(hook, record, skip));
                JsonNode reload = JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"),
                        "{\"command\": \"config-reload\"}"));
                assertEquals(0, reload.get("result").intValue(), reload.toString());
                Kea4jProcess.Result skipped = Kea4jProcess.run(clientDir, 60, "client", "-6", "--server",
                        "[::1]:" + port, "--timeout", "500");
                assertEquals(1, skipped.exitCode(), skip + " skipped: no lease\n" + skipped.output());
            }
        }
    }
}
