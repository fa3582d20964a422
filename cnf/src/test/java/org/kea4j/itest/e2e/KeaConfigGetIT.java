package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.net.KeaDaemon;

/**
 * kea4j's {@code config-get} prints a configuration as Kea 2.2's prints it, scope by scope: the fixtures
 * (shared networks and subnets inheriting lifetimes and timers, pools, reservations, options by name or by code,
 * option definitions, client classes) are run by Kea 2.2 and set into kea4j, and the two outputs compared element
 * by element — subnet ids included (Kea numbers the subnets of shared networks first).
 */
class KeaConfigGetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER_ID = "{\"type\": \"EN\", \"enterprise-id\": 2495, \"identifier\": \"0102\", "
            + "\"persist\": false}";
    /** Elements each side has for its own set-up: the control sockets, and kea4j is multi-threaded. */
    private static final Set<String> OWN = Set.of("control-socket", "multi-threading", "loggers");

    @TempDir
    Path dir;

    @Test
    void configGetPrintsEachScopeAsKeaPrintsIt() throws Exception {
        Path socket = dir.resolve("kea4j.sock");
        Path minimal = dir.resolve("minimal.json");
        Files.writeString(minimal, "{\"Dhcp4\": {\"lease-database\": {\"type\": \"memfile\", \"persist\": false}}}");
        List<String> differences = new ArrayList<>();
        try (Kea4jProcess ours = Kea4jProcess.start(dir, "-c", minimal.toString(), "--control-socket",
                socket.toString())) {
            assertTrue(ours.awaitControl(socket, 60_000), ours.output());
            for (String fixture : List.of("scopes4.json", "options4.json", "scopes6.json", "options6.json")) {
                int universe = fixture.contains("6") ? 6 : 4;
                String server = "Dhcp" + universe;
                ObjectNode root = (ObjectNode) read(fixture);
                ObjectNode element = (ObjectNode) root.get(server);
                element.set("lease-database", JSON.readTree("{\"type\": \"memfile\", \"persist\": false}"));
                if (universe == 6) {
                    element.set("server-id", JSON.readTree(SERVER_ID));
                }
                JsonNode set = JSON.readTree(ControlClient.send(socket, JSON.writeValueAsString(
                        JSON.createObjectNode().put("command", "config-set").set("arguments", root))));
                assertEquals(0, set.path("result").asInt(), fixture + ": " + set);
                JsonNode ourOutput = JSON.readTree(ControlClient.send(socket, "{\"command\": \"config-get\"}"))
                        .path("arguments").path(server);

                Path keaDir = Files.createDirectories(dir.resolve("kea-" + fixture));
                ObjectNode keaRoot = root.deepCopy();
                ((ObjectNode) keaRoot.get(server)).set("control-socket", JSON.createObjectNode()
                        .put("socket-type", "unix").put("socket-name", KeaDaemon.socket(keaDir, universe).toString()));
                JsonNode keaOutput;
                try (KeaDaemon kea = KeaDaemon.start(universe, null, keaDir, JSON.writeValueAsString(keaRoot))) {
                    keaOutput = kea.command("{\"command\": \"config-get\"}").path("arguments").path(server);
                }
                assertTrue(keaOutput.has("subnet" + universe), fixture + ": " + keaOutput);
                compare(fixture, keaOutput, ourOutput, differences);
            }
        }
        assertEquals(List.of(), differences);
    }

    private static JsonNode read(String fixture) throws Exception {
        try (InputStream in = KeaConfigGetIT.class.getResourceAsStream("/kea-config-get/" + fixture)) {
            return JSON.readTree(in);
        }
    }

    /** Adds a line for every element where {@code ours} differs from {@code kea}. */
    private static void compare(String path, JsonNode kea, JsonNode ours, List<String> differences) {
        if (kea.isObject() && ours.isObject()) {
            Set<String> keys = new java.util.TreeSet<>();
            kea.fieldNames().forEachRemaining(keys::add);
            ours.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (path.indexOf('/') < 0 && OWN.contains(key)) {
                    continue;
                }
                if (!ours.has(key)) {
                    differences.add(path + "/" + key + ": only Kea 2.2 prints " + kea.get(key));
                } else if (!kea.has(key)) {
                    differences.add(path + "/" + key + ": only kea4j prints " + ours.get(key));
                } else {
                    compare(path + "/" + key, kea.get(key), ours.get(key), differences);
                }
            }
        } else if (kea.isArray() && ours.isArray() && kea.size() == ours.size()) {
            Iterator<JsonNode> a = kea.elements();
            Iterator<JsonNode> b = ours.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(path + "[" + i + "]", a.next(), b.next(), differences);
            }
        } else if (!kea.equals(ours) && !(kea.isNumber() && ours.isNumber() && kea.asDouble() == ours.asDouble())) {
            differences.add(path + ": Kea 2.2 prints " + kea + ", kea4j " + ours);
        }
    }
}
