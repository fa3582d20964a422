package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.hooks.TestBundles;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.Perfdhcp;

/**
 * user_chk as an operator deploys it, in network namespaces the test creates: while perfdhcp runs at 500
 * exchanges per second (through a relay whose subnet is the restricted one, so that usercheck's decision does
 * not change where its clients go and any missing answer is a loss), real dhclients get an address from the
 * normal subnet; the usercheck jar is copied into the running server's hooks folder and unregistered clients
 * now get the restricted subnet (recorded in the outcome file) while a registered one keeps the normal subnet;
 * the registry is edited and the change is seen at once; a rebuilt jar replaces the old one, and hooks-list
 * shows usercheck's callouts with their counts; the jar is removed and behaviour returns to normal. No restart,
 * and perfdhcp loses nothing. For DHCPv4 with dhclient and DHCPv6 with dhclient -6.
 */
class UserCheckIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Client identities: A and C start unregistered, B is registered. */
    private static final String A = "02:00:00:00:aa:01";
    private static final String B = "02:00:00:00:bb:02";
    private static final String C = "02:00:00:00:cc:03";
    /** How long perfdhcp runs: longer than the scenario takes. */
    private static final int PERFDHCP_SECONDS = 60;

    @TempDir
    Path dir;
    private Path registry;
    private Path outcome;
    private Path hooks;
    private Path socket;

    /** One family's clients and addresses. */
    private record Family(String idType, Client client, String normal, String restricted,
            Function<String, String> registryId, Function<String, String> outcomeClient) {
    }

    /** Gets a lease for an identity with a real client; returns the address. */
    @FunctionalInterface
    private interface Client {
        String lease(String identity) throws Exception;
    }

    private void files() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        registry = tmp.resolve("user_chk_registry.txt");
        outcome = tmp.resolve("user_chk_outcome.txt");
        hooks = Files.createDirectories(dir.resolve("hooks"));
        socket = dir.resolve("ctrl.sock");
    }

    private Kea4jProcess start(NetnsPair net, Path config, String started) throws Exception {
        // Kea's default files of user_chk live in the system's temporary folder: the test's own one
        Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, List.of("-Djava.io.tmpdir=" + dir.resolve("tmp")),
                "-c", config.toString(), "--control-socket", socket.toString(), "--hooks-dir", hooks.toString());
        assertTrue(server.awaitOutput(started, 60_000), server.output());
        assertTrue(server.awaitControl(socket, 30_000), server.output());
        return server;
    }

    /** usercheck's entry in hooks-list, or null. */
    private JsonNode usercheck() throws Exception {
        JsonNode answer = JSON.readTree(ControlClient.send(socket, "{\"command\": \"hooks-list\"}"));
        for (JsonNode lib : answer.path("arguments").path("libraries")) {
            if (lib.path("name").asText().endsWith("usercheck.jar")) {
                return lib;
            }
        }
        return null;
    }

    /** Operators see usercheck's callouts, by its names, on the family's hook points, with their counts. */
    private void assertCalloutsListed(Family f) throws Exception {
        String v = f.idType().equals("HW_ADDR") ? "4" : "6";
        Map<String, Long> calls = new HashMap<>();
        for (JsonNode c : usercheck().path("callouts")) {
            calls.put(c.path("hook").asText() + "/" + c.path("callout").asText(), c.path("calls").asLong());
        }
        for (String expected : List.of("pkt" + v + "_receive/look-up-user", "subnet" + v + "_select/restrict-unregistered",
                "pkt" + v + "_send/record-outcome")) {
            assertTrue(calls.getOrDefault(expected, 0L) > 0, expected + " listed with calls: " + calls);
        }
    }

    private static Path noopScript(Path dir) throws Exception {
        Path script = dir.resolve("dhclient-script.sh");
        Files.writeString(script, "#!/bin/sh\n# the test reads the lease file; no address is configured\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** The deploy, registry edit, replacement and removal, each checked with a real client. */
    private void scenario(Kea4jProcess server, Family f) throws Exception {
        Files.writeString(registry, "{\"type\": \"" + f.idType() + "\", \"id\": \"" + f.registryId().apply(B) + "\"}\n");

        String before = f.client().lease(A);
        assertTrue(before.startsWith(f.normal()), "without usercheck: the normal subnet, got " + before);

        Path usercheck = Path.of(System.getProperty("kea4j.usercheck.jar"));
        Files.copy(usercheck, hooks.resolve("usercheck.jar"));
        assertTrue(Poll.until(30_000, () -> usercheck() != null && usercheck().path("state").asText().equals("loaded")),
                "usercheck loaded: " + server.output());

        String stranger = f.client().lease(A);
        assertTrue(stranger.startsWith(f.restricted()), "unregistered: the restricted subnet, got " + stranger);
        assertTrue(Files.readString(outcome).contains(record(f, A, stranger, false)), Files.readString(outcome));
        String registered = f.client().lease(B);
        assertTrue(registered.startsWith(f.normal()), "registered: the normal subnet, got " + registered);
        assertTrue(Files.readString(outcome).contains(record(f, B, registered, true)));

        Files.writeString(registry, "{\"type\": \"" + f.idType() + "\", \"id\": \"" + f.registryId().apply(A) + "\"}\n",
                StandardOpenOption.APPEND);
        String edited = f.client().lease(A);
        assertTrue(edited.startsWith(f.normal()), "registered by an edit, seen without a reload: got " + edited);

        Path rebuilt = TestBundles.rebuilt(usercheck, dir.resolve("usercheck-rebuilt.jar"), "0.1.99");
        Files.copy(rebuilt, hooks.resolve("usercheck.jar"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Poll.until(30_000, () -> usercheck() != null
                && usercheck().path("bundle-version").asText().equals("0.1.99")),
                "the rebuilt jar replaced the old one: " + usercheck());
        String afterReplace = f.client().lease(C);
        assertTrue(afterReplace.startsWith(f.restricted()), "the rebuilt usercheck restricts: got " + afterReplace);
        assertCalloutsListed(f);

        Files.delete(hooks.resolve("usercheck.jar"));
        assertTrue(Poll.until(30_000, () -> usercheck() == null), "usercheck removed");
        String after = f.client().lease(C);
        assertTrue(after.startsWith(f.normal()), "without usercheck again: the normal subnet, got " + after);
    }

    /**
     * An interface of dhclient's own on the client side (a macvlan of the client's veth), whose MAC address the
     * test changes for each identity: the veth keeps its own, so that perfdhcp's replies keep reaching it.
     */
    private static String macvlan(NetnsPair net) throws Exception {
        String name = net.clientInterface() + "m";
        for (String[] command : new String[][] {{"ip", "link", "add", "link", net.clientInterface(), "name", name, "type",
            "macvlan", "mode", "bridge"}, {"ip", "link", "set", name, "up"}}) {
            NetnsPair.Result r = net.run(net.client(), 10, command);
            assertEquals(0, r.exitCode(), r.output());
        }
        return name;
    }

    /** Runs a client in the client namespace (bounded); a time-out fails with what the server said. */
    private static NetnsPair.Result run(NetnsPair net, Kea4jProcess server, String... command) throws Exception {
        try {
            return net.run(net.client(), 90, command);
        } catch (java.io.IOException e) {
            throw new AssertionError(e.getMessage() + "\nserver:\n" + server.output(), e);
        }
    }

    private static String record(Family f, String identity, String address, boolean registered) {
        return "id_type=" + f.idType() + "\nclient=" + f.outcomeClient().apply(identity) + "\naddr=" + address
                + "\nregistered=" + (registered ? "yes" : "no") + "\n\n";
    }

    /**
     * Waits for perfdhcp's end (its run outlasts the scenario; it then waits 2 s for the last replies) and asserts
     * that every exchange it started was answered.
     */
    private static void assertNothingLost(Process perf, Path out, String first, String second) throws Exception {
        assertTrue(perf.isAlive(), "perfdhcp (" + PERFDHCP_SECONDS + " s) was still running when the scenario ended");
        assertTrue(perf.waitFor(PERFDHCP_SECONDS + 30, TimeUnit.SECONDS), "perfdhcp ended");
        String report = Files.readString(out);
        Map<String, long[]> stats = Perfdhcp.stats(report, first, second);
        System.out.println("perfdhcp during the usercheck deploy, edit, replacement and removal: " + first + " "
                + stats.get(first)[0] + " sent / " + stats.get(first)[1] + " answered, " + second + " "
                + stats.get(second)[0] + " sent / " + stats.get(second)[1] + " answered");
        assertTrue(stats.get(first)[0] > 2_000, "perfdhcp ran at 500/s: " + report);
        assertEquals(stats.get(first)[0], stats.get(first)[1], "every " + first + " answered: " + report);
        assertEquals(stats.get(second)[0], stats.get(second)[1], "every " + second + " answered: " + report);
    }

    @Test
    void dhcpv4() throws Exception {
        files();
        Path dhclient = External.program("dhclient");
        Path script = noopScript(dir);
        Path config = dir.resolve("kea4j.json");
        try (NetnsPair net = NetnsPair.create(true)) {
            Files.writeString(config, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "valid-lifetime": 4000,
                        "subnet4": [
                          { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ] },
                          { "id": 2, "subnet": "10.99.0.0/16", "relay": { "ip-address": "192.0.2.2" },
                            "pools": [ { "pool": "10.99.0.10 - 10.99.255.250" } ] } ] } }
                    """.formatted(net.serverInterface()));
            try (Kea4jProcess server = start(net, config, "DHCP4_STARTED")) {
                Path perfOut = dir.resolve("perfdhcp4.out");
                Process perf = perfdhcp(net, perfOut, "-4");
                String dhclientIf = macvlan(net);
                Client client = mac -> {
                    net.run(net.client(), 10, "ip", "link", "set", "dev", dhclientIf, "address", mac);
                    Path leases = Files.writeString(dir.resolve("dhclient-" + System.nanoTime() + ".leases"), "");
                    Path pid = dir.resolve("dhclient.pid");
                    Files.deleteIfExists(pid);
                    NetnsPair.Result r = run(net, server, dhclient.toString(), "-4", "-1", "-v", "-lf", leases.toString(),
                            "-pf", pid.toString(), "-sf", script.toString(), dhclientIf);
                    External.stopByPidFile(pid);
                    Matcher m = Pattern.compile("fixed-address ([0-9.]+);").matcher(Files.readString(leases));
                    assertTrue(r.exitCode() == 0 && m.find(), "dhclient " + mac + ": " + r.output() + server.output());
                    return m.group(1);
                };
                scenario(server, new Family("HW_ADDR", client, "192.0.2.", "10.99.", mac -> mac,
                        mac -> "hwtype=1 " + mac));
                assertNothingLost(perf, perfOut, "DISCOVER-OFFER", "REQUEST-ACK");
            }
        }
    }

    /** perfdhcp in the client namespace at 500 exchanges/s for PERFDHCP_SECONDS, 200 clients, 2 s to answer. */
    private static Process perfdhcp(NetnsPair net, Path out, String... family) throws Exception {
        List<String> command = new ArrayList<>(List.of(External.program("perfdhcp").toString()));
        command.addAll(List.of(family));
        command.addAll(List.of("-l", net.clientInterface(), "-r", "500", "-p", Integer.toString(PERFDHCP_SECONDS),
                "-R", "200", "-W", "2000000"));
        return net.start(net.client(), out, Map.of(), command.toArray(new String[0]));
    }

    /** dhclient -6 keeps its DUID in its lease file: a seeded file gives it the identity we want. */
    private static String duidOf(String mac) {
        return "00:03:00:01:" + mac;
    }

    private static String octal(String colonHex) {
        StringBuilder out = new StringBuilder();
        for (String b : colonHex.split(":")) {
            out.append(String.format("\\%03o", Integer.parseInt(b, 16)));
        }
        return out.toString();
    }

    @Test
    void dhcpv6() throws Exception {
        files();
        Path dhclient = External.program("dhclient");
        Path script = noopScript(dir);
        Path config = dir.resolve("kea4j6.json");
        try (NetnsPair net = NetnsPair.create(false)) {
            Files.writeString(config, """
                    { "Dhcp6": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "server-id": { "type": "EN", "persist": false },
                        "preferred-lifetime": 3000, "valid-lifetime": 4000,
                        "subnet6": [
                          { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%s",
                            "pools": [ { "pool": "2001:db8:1::1000 - 2001:db8:1::ffff" } ] },
                          { "id": 2, "subnet": "2001:db8:99::/64", "relay": { "ip-addresses": [ "2001:db8:1::2" ] },
                            "pools": [ { "pool": "2001:db8:99::1000 - 2001:db8:99::ffff" } ] } ] } }
                    """.formatted(net.serverInterface(), net.serverInterface()));
            // perfdhcp acts as a relay (port 547, apart from dhclient's 546) whose link address is the client's
            NetnsPair.Result address = net.run(net.client(), 10, "ip", "addr", "add", "2001:db8:1::2/64", "dev",
                    net.clientInterface());
            assertEquals(0, address.exitCode(), address.output());
            try (Kea4jProcess server = start(net, config, "DHCP6_STARTED")) {
                Path perfOut = dir.resolve("perfdhcp6.out");
                Process perf = perfdhcp(net, perfOut, "-6", "-A", "1");
                Client client = mac -> {
                    Path leases = Files.writeString(dir.resolve("dhclient6-" + System.nanoTime() + ".leases"),
                            "default-duid \"" + octal(duidOf(mac)) + "\";\n");
                    Path pid = dir.resolve("dhclient6.pid");
                    Files.deleteIfExists(pid);
                    NetnsPair.Result r = run(net, server, dhclient.toString(), "-6", "-1", "-v", "-lf", leases.toString(),
                            "-pf", pid.toString(), "-sf", script.toString(), net.clientInterface());
                    External.stopByPidFile(pid);
                    Matcher m = Pattern.compile("iaaddr ([0-9a-f:]+) \\{").matcher(Files.readString(leases));
                    assertTrue(r.exitCode() == 0 && m.find(), "dhclient -6 " + mac + ": " + r.output() + server.output());
                    return m.group(1);
                };
                scenario(server, new Family("DUID", client, "2001:db8:1::", "2001:db8:99::", UserCheckIT::duidOf,
                        UserCheckIT::duidOf));
                assertNothingLost(perf, perfOut, "SOLICIT-ADVERTISE", "REQUEST-REPLY");
            }
        }
    }
}
