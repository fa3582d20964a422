package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.core.internal.client.Dhcp4Client;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.hooks.TestBundles;

/**
 * What a slow callout does to other packets: a {@code pkt4_receive} callout that takes 5 s for one client holds
 * that client's packet (and a worker) for 5 s; every other client is served meanwhile by the other workers, at
 * its usual pace; the slow client is served once the callout returns, and {@code hooks-list} shows the callout's
 * time. A callout that never returns holds its worker for good (kea4j does not interrupt callouts): the other
 * workers go on serving, the control channel answers, and SIGTERM still ends the process; with as many such
 * packets as workers, nothing more is served (README, Hooks).
 */
class SlowCalloutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SLOW_MILLIS = 5_000;

    @TempDir
    Path dir;

    @Test
    void otherClientsAreServedWhileACalloutTakesItsTime() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        TestBundles.hookBundle(hooks.resolve("slow.jar"), "slow", "slow", HookLibrary.FRAMEWORK_VERSION,
                Map.of("Test-Hook-Callout-Millis", String.valueOf(SLOW_MILLIS)));
        Path config = config();
        Path socket = dir.resolve("ctrl.sock");
        int port = Kea4jProcess.freeUdpPort();
        try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", String.valueOf(port),
                "--control-socket", socket.toString(), "--hooks-dir", hooks.toString())) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            assertTrue(org.kea4j.itest.Poll.until(30_000, () -> slowCallout(socket) != null), "the library loaded: "
                    + server.output());
            InetSocketAddress to = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
            Inet4Address relay = (Inet4Address) InetAddress.getByName("127.0.0.1");

            AtomicLong slowTook = new AtomicLong(-1);
            Thread slow = new Thread(() -> {
                try (Dhcp4Client c = new Dhcp4Client(to, relay, 0, (int) SLOW_MILLIS * 3)) {
                    long start = System.nanoTime();
                    if (c.dora(new byte[] {2, 0, 0, 0, 0x51, (byte) 0xee}).granted()) {
                        slowTook.set((System.nanoTime() - start) / 1_000_000);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "slow client");
            slow.start();
            Thread.sleep(300); // its DISCOVER is in the callout now

            int served = 0;
            long slowest = 0;
            long started = System.currentTimeMillis();
            try (Dhcp4Client c = new Dhcp4Client(to, relay, 0, 3_000)) {
                for (int i = 0; i < 40 && System.currentTimeMillis() - started < SLOW_MILLIS - 1_000; i++) {
                    long start = System.nanoTime();
                    if (c.dora(new byte[] {2, 0, 0, 0, 0x52, (byte) i}).granted()) {
                        served++;
                        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                    }
                }
            }
            boolean slowStillWaiting = slowTook.get() < 0;
            slow.join(SLOW_MILLIS * 4);
            JsonNode callout = slowCallout(socket);
            System.out.printf("slow callout: while one client waited %d ms in it, %d other clients were served "
                    + "(slowest exchange %d ms); the slow client took %d ms; hooks-list: %s%n", SLOW_MILLIS, served,
                    slowest, slowTook.get(), callout);
            assertTrue(served >= 10 && slowStillWaiting, "others served while the slow one waits: " + served);
            assertTrue(slowest < 2_000, "at their usual pace: slowest " + slowest + " ms");
            assertTrue(slowTook.get() >= SLOW_MILLIS, "the slow client is served after the callout: " + slowTook);
            assertTrue(callout.path("max-ns").asLong() >= SLOW_MILLIS * 1_000_000, "hooks-list shows the callout's "
                    + "time: " + callout);
        }
    }

    /** DHCPv4 on loopback without lease files. */
    private Path config() throws java.io.IOException {
        return Files.writeString(dir.resolve("kea4j.json"), """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.5.0.0 - 127.5.0.255" } ] } ]
                } }""");
    }

    /** The slow library's callout as hooks-list shows it, or null before it is loaded. */
    private static JsonNode slowCallout(Path socket) throws Exception {
        JsonNode list = JSON.readTree(ControlClient.send(socket, "{\"command\": \"hooks-list\"}"));
        for (JsonNode lib : list.path("arguments").path("libraries")) {
            if (lib.path("name").asText().endsWith("slow.jar") && lib.path("state").asText().equals("loaded")) {
                for (JsonNode c : lib.path("callouts")) {
                    if (c.toString().contains("slow-for-ee")) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A callout that loops for ever on one client's packet: the other clients are still served, commands are still
     * answered, and SIGTERM ends the process (exit 0) within bounded time although the worker never comes back.
     */
    @Test
    void aLoopingCalloutHoldsOneWorkerAndTheRestGoesOn() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        TestBundles.hookBundle(hooks.resolve("looping.jar"), "looping", "looping", HookLibrary.FRAMEWORK_VERSION,
                Map.of());
        Path config = config();
        Path socket = dir.resolve("ctrl.sock");
        int port = Kea4jProcess.freeUdpPort();
        try (Kea4jProcess server = Kea4jProcess.startWith(Path.of(Kea4jProcess.java()), java.util.List.of(), dir,
                java.util.List.of("-Dkea4j.workers=3"), "-c", config.toString(), "-p", String.valueOf(port),
                "--control-socket", socket.toString(), "--hooks-dir", hooks.toString())) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            assertTrue(org.kea4j.itest.Poll.until(30_000, () -> ControlClient.send(socket,
                    "{\"command\": \"hooks-list\"}").contains("loop-for-ee")), "the library loaded: " + server.output());
            InetSocketAddress to = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
            Inet4Address relay = (Inet4Address) InetAddress.getByName("127.0.0.1");
            try (Dhcp4Client lost = new Dhcp4Client(to, relay, 0, 1_000)) {
                // its DISCOVER enters the callout and never leaves; the client gives up after a second
                lost.dora(new byte[] {2, 0, 0, 0, 0x53, (byte) 0xee});
            }
            int served = 0;
            try (Dhcp4Client c = new Dhcp4Client(to, relay, 0, 5_000)) {
                for (int i = 0; i < 20; i++) {
                    if (c.dora(new byte[] {2, 0, 0, 0, 0x54, (byte) i}).granted()) {
                        served++;
                    }
                }
            }
            String version = ControlClient.send(socket, "{\"command\": \"version-get\"}");
            System.out.printf("looping callout: while it spins, %d of 20 other clients were served%n", served);
            assertTrue(served >= 18, "the other workers serve: " + served + " of 20");
            assertTrue(version.contains("\"result\": 0") || version.contains("\"result\":0"), version);
            long start = System.nanoTime();
            server.signal("TERM");
            int exit = server.awaitExit(30);
            long took = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("looping callout: SIGTERM ended the process in %d ms (exit %d)%n", took, exit);
            assertTrue(exit == 0, "exit " + exit + " after SIGTERM: " + server.output());
        }
    }
}
