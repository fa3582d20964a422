package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;

/**
 * One server per configuration file and per port, as in Kea: a second process on the same file stops at its
 * PID file ({@code DHCP4_ALREADY_RUNNING}); a server whose port another process holds fails to start, or its
 * reconfiguration fails and the running one stays; the first server keeps serving throughout.
 */
class SingleInstanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String config(String interfaces) {
        return "{\"Dhcp4\": {\"interfaces-config\": {\"interfaces\": [" + interfaces + "]},"
                + " \"lease-database\": {\"type\": \"memfile\", \"persist\": false},"
                + " \"subnet4\": [{\"id\": 1, \"subnet\": \"127.0.0.0/8\", \"pools\": [{\"pool\": \"127.0.1.10 - 127.0.1.250\"}]}]}}";
    }

    private Kea4jProcess start(Path config, int port, Path socket) throws Exception {
        Kea4jProcess kea = Kea4jProcess.start(dir, "-c", config.toString(), "-p", Integer.toString(port),
                "--control-socket", socket.toString());
        assertTrue(kea.awaitControl(socket, 60_000), kea.output());
        return kea;
    }

    /** The relay-style client of kea4j.jar gets a lease from the server on this port. */
    private void assertServes(int port) throws Exception {
        Path clientDir = Files.createDirectories(dir.resolve("client"));
        Kea4jProcess.Result r = Kea4jProcess.run(clientDir, 120, "client", "-4", "--server", "127.0.0.1:" + port);
        assertTrue(r.output().contains(": DHCPACK 127.0.1."), r.output());
    }

    @Test
    void aSecondProcessOnTheSameConfigurationFileStopsAtThePidFile() throws Exception {
        Path config = Files.writeString(dir.resolve("kea-dhcp4.conf"), config("\"lo\""));
        int port = Kea4jProcess.freeUdpPort();
        try (Kea4jProcess first = start(config, port, dir.resolve("first.sock"))) {
            Path pidFile = dir.resolve("kea4j-data/kea-dhcp4.kea-dhcp4.pid");
            assertEquals(Long.toString(first.process().pid()), Files.readString(pidFile).strip());
            // the same working folder, so the same data folder, where the PID file is
            Kea4jProcess.Result second = Kea4jProcess.run(dir, 120, "-c", config.toString(), "-p",
                    Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", dir.resolve("second.sock").toString());
            assertNotEquals(0, second.exitCode(), second.output());
            assertTrue(second.output().contains("FATAL [kea-dhcp4.dhcp4/") && second.output().contains(
                    "DHCP4_ALREADY_RUNNING kea-dhcp4 already running? PID: " + first.process().pid() + " exists, PID file: "),
                    second.output());
            assertFalse(second.output().contains("DHCP4_STARTED"), second.output());
            assertEquals(Long.toString(first.process().pid()), Files.readString(pidFile).strip(),
                    "the first server's PID file is left alone");
            assertServes(port);
            first.signal("TERM");
            assertEquals(0, first.awaitExit(30), first.output());
            assertFalse(Files.exists(pidFile), "the PID file goes with its server");
        }
    }

    @Test
    void aPortAnotherServerHoldsFailsTheStartAndTheRunningOneServesOn() throws Exception {
        int port = Kea4jProcess.freeUdpPort();
        Path first = Files.writeString(dir.resolve("first.json"), config("\"lo\""));
        Path second = Files.writeString(dir.resolve("second.json"), config("\"lo\""));
        try (Kea4jProcess running = start(first, port, dir.resolve("first.sock"))) {
            Kea4jProcess.Result refused = Kea4jProcess.run(dir, 120, "-c", second.toString(), "-p",
                    Integer.toString(port), "--control-socket", dir.resolve("second.sock").toString());
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("DHCP4_OPEN_SOCKET_FAIL failed to open socket: interface lo, port "
                    + port + ": "), refused.output());
            assertTrue(refused.output().contains("DCTL_PROCESS_FAILED") && refused.output().contains(
                    "interface lo, port " + port + " is in use by another process"), refused.output());
            assertFalse(refused.output().contains("DHCP4_STARTED"), refused.output());
            assertServes(port);
            assertTrue(running.process().isAlive());
        }
    }

    @Test
    void aReconfigurationOntoAHeldPortFailsAndTheRunningConfigurationStays() throws Exception {
        int port = Kea4jProcess.freeUdpPort();
        Path first = Files.writeString(dir.resolve("first.json"), config("\"lo\""));
        Path second = Files.writeString(dir.resolve("second.json"), config(""));
        Path socket = dir.resolve("second.sock");
        try (Kea4jProcess holder = start(first, port, dir.resolve("first.sock"));
                Kea4jProcess other = start(second, port, socket)) {
            JsonNode refused = JSON.readTree(ControlClient.send(socket, "{\"command\": \"config-set\", \"arguments\": "
                    + config("\"lo\"") + "}"));
            assertEquals(1, refused.get("result").intValue(), refused.toString());
            assertTrue(refused.get("text").textValue().contains("is in use by another process"), refused.toString());
            JsonNode running = JSON.readTree(ControlClient.send(socket, "{\"command\": \"config-get\"}"));
            assertEquals(0, running.get("arguments").get("Dhcp4").get("interfaces-config").get("interfaces").size(),
                    running.toString());
            assertServes(port);
            assertTrue(other.process().isAlive() && holder.process().isAlive());
        }
    }
}
