package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.core.internal.client.Dhcp4Client;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.hooks.TestBundles;
import org.kea4j.itest.hooks.TestHookActivator;

/**
 * Hot deploy under load: kea4j.jar on loopback answers relay-style clients without a pause while the library
 * in its hooks folder that marks every reply is replaced five times (the new jar copied over the old one, as an
 * operator does) and reloaded five times with {@code libreload}, and while a library whose {@code load()} takes
 * two seconds arrives. Every exchange must complete and every reply carry a mark; the figures are printed.
 */
class HotDeployLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BSN = "org.kea4j.itest.hook.marker";
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong unmarked = new AtomicLong();
    private final AtomicReference<String> lastMark = new AtomicReference<>("");
    private final Set<String> marks = ConcurrentHashMap.newKeySet();
    /** Each completed exchange: when it ended and how long it took (nanoseconds). */
    private final ConcurrentLinkedQueue<long[]> timings = new ConcurrentLinkedQueue<>();

    /** A marker library jar: its tag is the mark its replies carry; the symbolic name stays, the version grows. */
    private Path marker(Path where, int generation) throws Exception {
        return TestBundles.hookBundle(where, "m" + generation, "marker", HookLibrary.FRAMEWORK_VERSION,
                Map.of("Bundle-SymbolicName", BSN, "Bundle-Version", "1.0." + generation));
    }

    private static String mark(Pkt4 reply) {
        Option o = reply == null ? null : reply.getOption(TestHookActivator.MARK_OPTION);
        return o == null ? null : o.text();
    }

    private JsonNode command(Path socket, String command) throws Exception {
        return JSON.readTree(ControlClient.send(socket, "{\"command\": \"" + command + "\"}"));
    }

    private Thread client(int n, InetSocketAddress server) {
        Thread t = new Thread(() -> {
            byte[] mac = {2, 0, 0, 0, 9, (byte) n};
            try (Dhcp4Client c = new Dhcp4Client(server, (Inet4Address) InetAddress.getByName("127.0.0.1"), 0, 3000)) {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    Dhcp4Client.Exchange x = c.dora(mac);
                    long end = System.nanoTime();
                    if (!x.granted()) {
                        lost.incrementAndGet();
                        continue;
                    }
                    exchanges.incrementAndGet();
                    timings.add(new long[] {end, end - start});
                    for (Pkt4 reply : List.of(x.offer(), x.ack())) {
                        String m = mark(reply);
                        if (m == null) {
                            unmarked.incrementAndGet();
                        } else {
                            marks.add(m);
                            lastMark.set(m);
                        }
                    }
                    Thread.sleep(4);
                }
            } catch (Exception e) {
                lost.incrementAndGet();
                throw new IllegalStateException(e);
            }
        }, "load-client-" + n);
        t.start();
        return t;
    }

    private boolean awaitMark(String mark, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (mark.equals(lastMark.get())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void replacementsAndLibreloadsUnderLoadLoseNoExchangeAndLeaveNoReplyUnmarked() throws Exception {
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        Path jar = hooks.resolve("marker.jar");
        marker(jar, 1);
        Path config = dir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.6.10 - 127.0.6.250" } ] } ] } }
                """);
        Path socket = dir.resolve("ctrl.sock");
        int port = Kea4jProcess.freeUdpPort();
        try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", Integer.toString(port),
                "--control-socket", socket.toString(), "--hooks-dir", hooks.toString())) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(client(i, address));
            }
            assertTrue(awaitMark("m1", 30_000), "the first marker serves: " + server.output());
            long begin = System.nanoTime();

            for (int generation = 2; generation <= 6; generation++) {
                Path next = marker(dir.resolve("marker-" + generation + ".jar"), generation);
                Files.copy(next, jar, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(awaitMark("m" + generation, 30_000), "replacement " + generation + " took over");
            }
            for (int i = 0; i < 5; i++) {
                long before = exchanges.get();
                JsonNode reload = command(socket, "libreload");
                assertEquals(0, reload.get("result").intValue(), reload.toString());
                long until = System.currentTimeMillis() + 10_000;
                while (exchanges.get() < before + 20 && System.currentTimeMillis() < until) {
                    Thread.sleep(10);
                }
            }

            TestBundles.hookBundle(hooks.resolve("slow.jar"), "slow", "quiet", HookLibrary.FRAMEWORK_VERSION,
                    Map.of("Test-Hook-Load-Millis", "2000"));
            long slowStart = System.nanoTime();
            long slowLoaded = 0;
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && slowLoaded == 0) {
                for (JsonNode lib : command(socket, "hooks-list").path("arguments").path("libraries")) {
                    if (lib.path("name").asText().endsWith("slow.jar") && lib.path("state").asText().equals("loaded")) {
                        slowLoaded = System.nanoTime();
                    }
                }
                Thread.sleep(20);
            }
            assertTrue(slowLoaded > 0, "the slow library loaded: " + server.output());
            Thread.sleep(500);
            stop.set(true);
            for (Thread t : clients) {
                t.join(15_000);
            }
            long end = System.nanoTime();

            long during = 0;
            long worstDuring = 0;
            long worst = 0;
            for (long[] t : timings) {
                worst = Math.max(worst, t[1]);
                if (t[0] > slowStart + 500_000_000L && t[0] - t[1] < slowLoaded - 500_000_000L) {
                    during++;
                }
                if (t[0] > slowStart && t[0] - t[1] < slowLoaded) {
                    worstDuring = Math.max(worstDuring, t[1]);
                }
            }
            double seconds = (end - begin) / 1e9;
            System.out.printf("hot deploy under load: %d exchanges in %.1f s (%.0f/s) by %d clients, lost %d,"
                    + " unmarked replies %d, marks seen %s, slowest exchange %.1f ms; while a 2 s load() ran"
                    + " (%.1f s): %d exchanges completed, slowest %.1f ms%n", exchanges.get(), seconds,
                    exchanges.get() / seconds, CLIENTS, lost.get(), unmarked.get(), new java.util.TreeSet<>(marks),
                    worst / 1e6, (slowLoaded - slowStart) / 1e9, during, worstDuring / 1e6);

            assertEquals(0, lost.get(), "exchanges lost");
            assertEquals(0, unmarked.get(), "replies built with no marker library");
            assertTrue(marks.containsAll(Set.of("m1", "m2", "m3", "m4", "m5", "m6")), marks.toString());
            assertTrue(slowLoaded - slowStart >= 2_000_000_000L, "load() took its 2 s");
            assertTrue(during > 0, "exchanges completed while load() ran");
            // an exchange that waited for load() would take its 2 s; a busy machine may take some time anyway
            assertTrue(worstDuring < 1_800_000_000L, "no exchange waited for load(): " + worstDuring / 1e6 + " ms");

            JsonNode marker = null;
            for (JsonNode lib : command(socket, "hooks-list").path("arguments").path("libraries")) {
                if (lib.path("name").asText().endsWith("marker.jar")) {
                    marker = lib;
                }
            }
            assertTrue(marker != null && marker.path("bundle-version").asText().equals("1.0.6"), String.valueOf(marker));
            long calls = marker.path("callouts").get(0).path("calls").asLong();
            assertTrue(calls >= 2 * exchanges.get(), "statistics kept across replacements and reloads: " + calls);
            String out = server.output();
            assertEquals(11, out.split("HOOKS_LIBRARY_LOADED hooks library " + jar, -1).length - 1,
                    "one load at start, one per replacement, one per libreload: " + out);
        }
    }
}
