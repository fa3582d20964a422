package org.kea4j.itest.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.kea4j.itest.ControlClient;

/**
 * The real ISC Kea 2.2 (kea-dhcp4 / kea-dhcp6 from Debian) run by a test: in a namespace or on the host,
 * with its lock and PID files in the test's folder and a control socket.
 */
public final class KeaDaemon implements AutoCloseable {

    /** Kea's lease commands library, as Debian installs it. */
    public static final String LEASE_CMDS = "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path socket;
    private final Path output;

    private KeaDaemon(Process process, Path socket, Path output) {
        this.process = process;
        this.socket = socket;
        this.output = output;
    }

    /**
     * Starts Kea with a configuration; waits until its control socket answers.
     *
     * @param universe 4 or 6
     * @param netns    where to run it, or null for the host
     * @param dir      the test's folder (config, socket, lock and PID files)
     * @param config   the whole configuration (with "control-socket" at {@code socket()})
     */
    public static KeaDaemon start(int universe, NetnsPair netns, Path dir, String config) throws Exception {
        return start(universe, netns, dir, config, new String[0]);
    }

    /** As {@link #start(int, NetnsPair, Path, String)}, with more command-line arguments (such as -p, -P). */
    public static KeaDaemon start(int universe, NetnsPair netns, Path dir, String config, String... args)
            throws Exception {
        Path program = External.program("kea-dhcp" + universe);
        if (!Files.exists(Path.of(LEASE_CMDS))) {
            External.program("libdhcp_lease_cmds.so");
        }
        Path file = dir.resolve("kea-dhcp" + universe + ".json");
        Files.writeString(file, config);
        Path out = dir.resolve("kea-dhcp" + universe + ".out");
        Map<String, String> env = Map.of("KEA_LOCKFILE_DIR", dir.toString(), "KEA_PIDFILE_DIR", dir.toString());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(program.toString(), "-c",
                file.toString()));
        command.addAll(java.util.List.of(args));
        Process p;
        if (netns != null) {
            p = netns.start(netns.server(), out, env, command.toArray(String[]::new));
        } else {
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            b.environment().putAll(env);
            p = b.start();
        }
        KeaDaemon kea = new KeaDaemon(p, socket(dir, universe), out);
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(kea.socket)) {
                try {
                    kea.command("{\"command\": \"list-commands\"}");
                    return kea;
                } catch (IOException notYet) {
                    // binding
                }
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        String log = kea.output();
        kea.close();
        throw new IOException("kea-dhcp" + universe + " did not start: " + log);
    }

    /** The control socket path a test's configuration names. */
    public static Path socket(Path dir, int universe) {
        return dir.resolve("kea" + universe + "-ctrl");
    }

    /** Sends a command; returns the answer. */
    public JsonNode command(String request) throws IOException {
        return JSON.readTree(ControlClient.send(socket, request));
    }

    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
