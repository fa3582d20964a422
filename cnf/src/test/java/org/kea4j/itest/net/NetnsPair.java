package org.kea4j.itest.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces the test creates, joined by a veth pair: a server side (192.0.2.1/24,
 * 2001:db8:1::1/64) and a client side (optionally 192.0.2.2/24, for perfdhcp). Everything started in them
 * is killed and both are deleted on close. Nothing outside them is touched.
 */
public final class NetnsPair implements AutoCloseable {

    public static final String SERVER_V4 = "192.0.2.1";
    public static final String CLIENT_V4 = "192.0.2.2";
    public static final String SERVER_V6 = "2001:db8:1::1";

    private final String server;
    private final String client;
    private final String serverIf;
    private final String clientIf;
    private final List<Process> processes = new ArrayList<>();

    private NetnsPair(String tag) {
        this.server = "k4j" + tag + "s";
        this.client = "k4j" + tag + "c";
        this.serverIf = "k4j" + tag + "vs";
        this.clientIf = "k4j" + tag + "vc";
    }

    /** Creates the namespaces; {@code clientAddress} gives the client side 192.0.2.2/24. */
    public static NetnsPair create(boolean clientAddress) throws Exception {
        External.requireRoot();
        External.program("ip");
        NetnsPair pair = new NetnsPair(Integer.toString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF), 36));
        try {
            pair.setUp(clientAddress);
        } catch (Exception e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private void setUp(boolean clientAddress) throws Exception {
        ip("netns", "add", server);
        ip("netns", "add", client);
        for (String ns : List.of(server, client)) {
            sh(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        }
        ip("link", "add", serverIf, "type", "veth", "peer", "name", clientIf);
        ip("link", "set", serverIf, "netns", server);
        ip("link", "set", clientIf, "netns", client);
        ip("-n", server, "addr", "add", SERVER_V4 + "/24", "dev", serverIf);
        ip("-n", server, "addr", "add", SERVER_V6 + "/64", "dev", serverIf);
        if (clientAddress) {
            ip("-n", client, "addr", "add", CLIENT_V4 + "/24", "dev", clientIf);
        }
        for (String[] ns : new String[][] {{server, serverIf}, {client, clientIf}}) {
            ip("-n", ns[0], "link", "set", "lo", "up");
            ip("-n", ns[0], "link", "set", ns[1], "up");
        }
        // the link-local addresses come with the links; wait until both sides have theirs
        for (int i = 0; i < 50 && !(hasLinkLocal(server, serverIf) && hasLinkLocal(client, clientIf)); i++) {
            Thread.sleep(100);
        }
    }

    private boolean hasLinkLocal(String ns, String dev) throws Exception {
        return run(ns, 10, "ip", "-6", "addr", "show", "dev", dev, "scope", "link").output().contains("fe80");
    }

    public String server() {
        return server;
    }

    public String client() {
        return client;
    }

    public String serverInterface() {
        return serverIf;
    }

    public String clientInterface() {
        return clientIf;
    }

    private static void ip(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Result r = exec(command, 20);
        if (r.exitCode() != 0) {
            throw new IOException("ip " + String.join(" ", args) + " failed: " + r.output());
        }
    }

    private void sh(String ns, String... args) throws Exception {
        run(ns, 20, args);
    }

    /**
     * Joins the server side to the host by a veth pair of its own: the host end gets {@code 198.18.N.1/30}, the
     * server end {@code 198.18.N.2/30} (RFC 2544's benchmarking range). Deleting the namespace on close deletes the
     * pair.
     *
     * @return the host end's address, which the server side can reach
     */
    public String linkServerToHost(int n) throws Exception {
        String hostIf = server + "h";
        String nsIf = server + "n";
        ip("link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
        ip("link", "set", nsIf, "netns", server);
        ip("addr", "add", "198.18." + n + ".1/30", "dev", hostIf);
        ip("link", "set", hostIf, "up");
        ip("-n", server, "addr", "add", "198.18." + n + ".2/30", "dev", nsIf);
        ip("-n", server, "link", "set", nsIf, "up");
        return "198.18." + n + ".1";
    }

    /** What a finished command left. */
    public record Result(int exitCode, String output) {
    }

    private static Result exec(List<String> command, long timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    /** Runs a command in a namespace to completion (bounded). */
    public Result run(String ns, long timeoutSeconds, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        return exec(full, timeoutSeconds);
    }

    /** Starts a command in a namespace; it is killed on close at the latest. */
    public Process start(String ns, Path output, Map<String, String> env, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        for (String ns : List.of(server, client)) {
            Result pids = exec(List.of("ip", "netns", "pids", ns), 10);
            for (String pid : pids.output().split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            exec(List.of("ip", "netns", "del", ns), 10);
        }
    }
}
