package org.kea4j.itest.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BIND 9 ({@code named} from Debian's bind9) on 127.0.0.1 with a port of its own, serving the zones of
 * {@code src/test/resources/ddns/} (example.com, 2.0.192.in-addr.arpa and the ip6.arpa zone of 2001:db8:1::/64),
 * each open to dynamic updates signed with the key {@code d2.key}.
 */
public final class Bind9 implements AutoCloseable {

    /** The TSIG key the zones accept updates with (HMAC-SHA256). */
    public static final String KEY_NAME = "d2.key";
    public static final String KEY_SECRET = "LSWXnfkKZjdPJI5QxlpnfQ==";
    public static final String[] ZONES = {"example.com", "2.0.192.in-addr.arpa", "20.10.in-addr.arpa",
        "0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"};

    private final Process process;
    private final int port;
    private final Path output;
    private final List<String> prefix;

    private Bind9(Process process, int port, Path output, List<String> prefix) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.prefix = prefix;
    }

    /** Starts named in {@code dir} and returns once it answers for its zones (bounded: 30 s). */
    public static Bind9 start(Path dir) throws Exception {
        return start(dir, null);
    }

    /**
     * As {@link #start(Path)}, inside a network namespace the test made (null: the test's own), where named and
     * {@code dig} then run.
     */
    public static Bind9 start(Path dir, String namespace) throws Exception {
        return start(dir, namespace, freePort());
    }

    /** As {@link #start(Path, String)}, on the port given. */
    public static Bind9 start(Path dir, String namespace, int port) throws Exception {
        List<String> prefix = namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace);
        Path named = External.program("named");
        External.program("dig");
        String conf = resource("named.conf").replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(port));
        Files.writeString(dir.resolve("named.conf"), conf);
        for (String zone : ZONES) {
            Files.writeString(dir.resolve(zone + ".db"), resource(zone + ".db"));
        }
        Path output = dir.resolve("named.out");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(named.toString(), "-g", "-c", dir.resolve("named.conf").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Bind9 bind = new Bind9(p, port, output, prefix);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            if (!bind.dig("example.com", "SOA").isEmpty()) {
                return bind;
            }
            Thread.sleep(100);
        }
        String log = Files.exists(output) ? Files.readString(output) : "";
        bind.close();
        throw new IllegalStateException("named did not answer on port " + port + ":\n" + log);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Bind9.class.getResourceAsStream("/ddns/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /ddns/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 now. */
    public static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
                int candidate = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(candidate, 1, loopback)) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }

    public int port() {
        return port;
    }

    /** named's output so far. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    /** The answers {@code dig +short} gives for a name and type (bounded: 10 s). */
    public List<String> dig(String name, String type) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("dig", "@127.0.0.1", "-p", Integer.toString(port), "+short", "+time=2", "+tries=1",
                name, type));
        Process dig = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!dig.waitFor(10, TimeUnit.SECONDS)) {
            dig.destroyForcibly();
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (dig.exitValue() != 0) {
            return lines;
        }
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !line.startsWith(";")) {
                lines.add(line.trim());
            }
        }
        return lines;
    }

    /** The records of a zone's transfer (AXFR) with this type, as {@code name TTL class type rdata} lines. */
    public List<String> transfer(String zone, String type) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("dig", "@127.0.0.1", "-p", Integer.toString(port), "+noall", "+answer", "+time=5",
                "AXFR", zone));
        Process dig = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!dig.waitFor(30, TimeUnit.SECONDS)) {
            dig.destroyForcibly();
        }
        List<String> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[3].equals(type)) {
                records.add(line.trim());
            }
        }
        return records;
    }

    /** Stops named (by its PID: under {@code ip netns exec} named replaces that process) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
