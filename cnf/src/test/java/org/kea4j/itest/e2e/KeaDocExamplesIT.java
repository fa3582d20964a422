package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.config.ConfigDocument;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.KeaDaemon;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.TcpRelay;
import org.kea4j.sql.internal.KeaAdmin;
import org.kea4j.sql.internal.SqlEngine;
import org.kea4j.sql.internal.TestDatabase;

/**
 * Every example configuration of Debian's kea-doc 2.2 that Kea 2.2's own {@code -t} accepts, in a namespace that
 * has the {@code eth0} and {@code eth1} they name, is accepted by kea4j's {@code -t} there too; the exceptions
 * are elements other issues bring, each refused by name (and listed in the README). And what Kea 2.2 writes
 * with {@code config-write} when it runs each of them (every element, defaults included) passes kea4j's
 * {@code -t}.
 */
class KeaDocExamplesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER_ID = "\"server-id\": {\"type\": \"EN\", \"enterprise-id\": 2495, "
            + "\"identifier\": \"0102\", \"persist\": false}";
    /** What {@link #keaWritten} returns when Kea 2.2 answers config-write with nothing. */
    private static final String KEA_WROTE_NOTHING = "Kea 2.2 wrote nothing";

    @TempDir
    Path dir;

    private static final Path EXAMPLES = Path.of("/usr/share/doc/kea/examples");

    /** Example file to the element kea4j refuses by name in it (README: "Kea's example configurations"). */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "kea4/dhcpv4-over-dhcpv6.json", "'dhcp4o6-port' is not supported by kea4j");

    /**
     * Where the examples' hosts databases go (theirs, user keatest, does not exist here): a database of the test's
     * per engine, made by Kea's kea-admin, reached from the namespace through a relay; by {@code type}.
     */
    private final Map<String, ObjectNode> databases = new java.util.HashMap<>();

    @Test
    void whatKeaAcceptsKea4jAccepts() throws Exception {
        External.requireFolder(EXAMPLES, "kea-doc"); // fails when required, skips otherwise
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> problems = new ArrayList<>();
        int keaAccepts = 0;
        int ours = 0;
        int roundTrips = 0;
        int ourRoundTrips = 0;
        List<String> keaCannotWrite = new ArrayList<>();
        try (NetnsPair net = NetnsPair.create(false); TestDatabase pgsql = TestDatabase.create(SqlEngine.POSTGRESQL);
                TestDatabase mysql = TestDatabase.create(SqlEngine.MYSQL)) {
            String ns = net.server();
            String host = net.linkServerToHost(ThreadLocalRandom.current().nextInt(10, 250));
            List<TcpRelay> relays = new ArrayList<>();
            for (TestDatabase db : List.of(pgsql, mysql)) {
                KeaAdmin.run("db-init", db);
                TcpRelay relay = new TcpRelay(host, db.engine() == SqlEngine.POSTGRESQL ? 5432 : 3306);
                relays.add(relay);
                databases.put(db.engine().type(), JSON.createObjectNode().put("name", db.name()).put("host", host)
                        .put("port", relay.port()).put("user", db.engine() == SqlEngine.POSTGRESQL ? "postgres" : "root"));
            }
            try {
                for (String[] step : new String[][] {{"link", "add", "eth0", "type", "veth", "peer", "name", "eth1"},
                    {"link", "set", "eth0", "up"}, {"link", "set", "eth1", "up"},
                    // the DDNS sender address of kea6/with-ddns.json (kea4's, 192.0.2.1, the pair already has)
                    {"addr", "add", "3001::2/64", "dev", "eth0", "nodad"}}) {
                    List<String> command = new ArrayList<>(List.of("ip"));
                    command.addAll(List.of(step));
                    assertEquals(0, net.run(ns, 20, command.toArray(String[]::new)).exitCode(), String.join(" ", step));
                }
                for (String universe : List.of("4", "6")) {
                    // one kea4j for the universe: each accepted example is set into it, written, checked by Kea
                    Path ours4j = Files.createDirectories(dir.resolve("kea4j-" + universe));
                    Path socket = ours4j.resolve("ctrl.sock");
                    Path minimal = ours4j.resolve("minimal.json");
                    Files.writeString(minimal, "{\"Dhcp" + universe + "\": {\"lease-database\": {\"type\": \"memfile\", "
                            + "\"persist\": false}" + (universe.equals("6") ? ", " + SERVER_ID : "") + "}}");
                    try (Kea4jProcess kea4j = Kea4jProcess.startIn(ns, ours4j, "-c", minimal.toString(),
                            "--control-socket", socket.toString())) {
                        assertTrue(kea4j.awaitControl(socket, 60_000), kea4j.output());
                        List<Path> files;
                        try (Stream<Path> list = Files.list(EXAMPLES.resolve("kea" + universe))) {
                            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                        }
                        for (Path file : files) {
                            NetnsPair.Result kea = net.run(ns, 60, External.program("kea-dhcp" + universe).toString(), "-t",
                                    file.toString());
                            if (kea.exitCode() != 0) {
                                continue;
                            }
                            keaAccepts++;
                            String name = "kea" + universe + "/" + file.getFileName();
                            NetnsPair.Result check = net.run(ns, 120, java, "-jar", Kea4jProcess.jar().toString(), "-t",
                                    file.toString());
                            String expectedRefusal = EXCEPTIONS.get(name);
                            if (expectedRefusal == null && check.exitCode() != 0) {
                                problems.add(name + " refused: " + lastLines(check.output()));
                            } else if (expectedRefusal != null && !(check.exitCode() != 0
                                    && check.output().contains(expectedRefusal))) {
                                problems.add(name + " should be refused with " + expectedRefusal + ": " + lastLines(
                                        check.output()));
                            } else if (expectedRefusal == null) {
                                ours++;
                                String written = keaWritten(net, universe, file, java);
                                if (KEA_WROTE_NOTHING.equals(written)) {
                                    keaCannotWrite.add(name);
                                } else if (written != null) {
                                    problems.add(name + " as Kea's config-write writes it: " + written);
                                } else {
                                    roundTrips++;
                                }
                                String back = ourConfigWrite(net, universe, file, socket, ours4j);
                                if (back != null) {
                                    problems.add(name + " as kea4j's config-write writes it: " + back);
                                } else {
                                    ourRoundTrips++;
                                }
                            }
                        }
                    }
                }
            } finally {
                for (TcpRelay relay : relays) {
                    relay.close();
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(keaAccepts >= 40, "Kea 2.2 accepted " + keaAccepts + " examples");
        assertEquals(ours, roundTrips + keaCannotWrite.size(),
                "every accepted example as Kea's config-write writes it");
        assertTrue(keaCannotWrite.size() <= 1, "Kea 2.2 itself answers config-write for the others: " + keaCannotWrite);
        assertEquals(ours, ourRoundTrips, "every accepted example as kea4j's config-write writes it");
        System.out.printf("kea-doc examples: Kea 2.2 -t accepts %d, kea4j -t accepts %d, %d refused by name; "
                + "Kea's config-write output of %d of them passes kea4j -t (Kea 2.2 writes nothing for %s); "
                + "kea4j's config-write output of %d passes Kea 2.2's -t and loads back unchanged%n",
                keaAccepts, ours, keaAccepts - ours, roundTrips, keaCannotWrite, ourRoundTrips);
    }

    /**
     * Sets an example into the running kea4j (leases in memory, no log files or control socket of its own, a
     * non-persistent server DUID), has it {@code config-write} the configuration, checks that file with Kea 2.2's
     * {@code -t}, sets it back and compares {@code config-get}: null when all holds, otherwise what went wrong.
     */
    private String ourConfigWrite(NetnsPair net, String universe, Path example, Path socket, Path work)
            throws Exception {
        ObjectNode server = reachDatabases(example, universe);
        server.remove("loggers");
        server.remove("control-socket");
        server.set("lease-database", JSON.readTree("{\"type\": \"memfile\", \"persist\": false}"));
        if (universe.equals("6")) {
            server.set("server-id", JSON.readTree("{" + SERVER_ID + "}").get("server-id"));
        }
        ObjectNode arguments = JSON.createObjectNode();
        arguments.set("Dhcp" + universe, server);
        JsonNode set = command(socket, "config-set", arguments);
        if (set.path("result").asInt() != 0) {
            return "config-set: " + set;
        }
        Path written = work.resolve("written-" + example.getFileName());
        JsonNode write = command(socket, "config-write", JSON.createObjectNode().put("filename", written.toString()));
        if (write.path("result").asInt() != 0) {
            return "config-write: " + write;
        }
        NetnsPair.Result kea = net.run(net.server(), 60, External.program("kea-dhcp" + universe).toString(), "-t",
                written.toString());
        if (kea.exitCode() != 0) {
            return "Kea 2.2 -t: " + lastLines(kea.output());
        }
        JsonNode before = command(socket, "config-get", null).path("arguments");
        JsonNode again = command(socket, "config-set", JSON.readTree(Files.readString(written)));
        JsonNode after = command(socket, "config-get", null).path("arguments");
        if (again.path("result").asInt() != 0 || !before.equals(after)) {
            return "loading it back: " + again + (before.equals(after) ? "" : " changed it");
        }
        return null;
    }

    /** The example's server element, its hosts databases pointed at the test's (their other parameters kept). */
    private ObjectNode reachDatabases(Path example, String universe) throws Exception {
        ObjectNode server = (ObjectNode) ConfigDocument.read(example).json().get("Dhcp" + universe).deepCopy();
        List<JsonNode> entries = new ArrayList<>();
        if (server.has("hosts-database")) {
            entries.add(server.get("hosts-database"));
        }
        server.path("hosts-databases").forEach(entries::add);
        for (JsonNode entry : entries) {
            ObjectNode access = (ObjectNode) entry;
            access.remove("password"); // PostgreSQL trusts the test's connections, MariaDB's root has none
            access.setAll(databases.get(access.path("type").asText()));
        }
        return server;
    }

    private static JsonNode command(Path socket, String name, JsonNode arguments) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("command", name);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        return JSON.readTree(org.kea4j.itest.ControlClient.send(socket, JSON.writeValueAsString(request)));
    }

    /**
     * Runs Kea 2.2 on an example (leases in memory, no log files, a non-persistent server DUID, its control
     * socket in the test's folder), has it write its configuration with {@code config-write}, and checks that
     * file with kea4j's {@code -t}; null when it passes, otherwise what went wrong.
     */
    private String keaWritten(NetnsPair net, String universe, Path example, String java) throws Exception {
        Path work = Files.createDirectories(dir.resolve("kea" + universe + "-" + example.getFileName()));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode server = reachDatabases(example, universe);
        server.remove("loggers");
        server.set("lease-database", JSON.readTree("{\"type\": \"memfile\", \"persist\": false}"));
        server.set("control-socket", JSON.createObjectNode().put("socket-type", "unix")
                .put("socket-name", KeaDaemon.socket(work, Integer.parseInt(universe)).toString()));
        if (universe.equals("6")) {
            server.set("server-id", JSON.readTree("{" + SERVER_ID + "}").get("server-id"));
        }
        root.set("Dhcp" + universe, server);
        Path written = work.resolve("written.json");
        try (KeaDaemon kea = KeaDaemon.start(Integer.parseInt(universe), net, work, JSON.writeValueAsString(root))) {
            JsonNode answer;
            try {
                answer = kea.command("{\"command\": \"config-write\", \"arguments\": {\"filename\": \""
                        + written + "\"}}");
            } catch (java.io.IOException dropped) {
                return KEA_WROTE_NOTHING;
            }
            if (!answer.has("result")) {
                return KEA_WROTE_NOTHING; // Kea 2.2 drops the connection (kea6/all-options.json): not ours to check
            }
            if (answer.path("result").asInt() != 0) {
                return "Kea's config-write: " + answer;
            }
        }
        NetnsPair.Result check = net.run(net.server(), 120, java, "-jar", Kea4jProcess.jar().toString(), "-t",
                written.toString());
        return check.exitCode() == 0 ? null : lastLines(check.output());
    }

    private static String lastLines(String output) {
        String[] lines = output.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 2), lines.length));
    }
}
