package org.kea4j.itest.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kea4j.jar run as a user runs it: a child process in its own working directory, output captured to a
 * file. Always stopped by the test (close()), killed if it does not stop.
 */
public final class Kea4jProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final Path workDir;

    private Kea4jProcess(Process process, Path output, Path workDir) {
        this.process = process;
        this.output = output;
        this.workDir = workDir;
    }

    /** The jar this build exported. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("kea4j.jar", "target/kea4j.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("kea4j.jar not found at " + jar);
        }
        return jar;
    }

    /** Starts {@code java -jar kea4j.jar ARGS} in workDir, stdin closed. */
    public static Kea4jProcess start(Path workDir, String... args) throws IOException {
        return startUnder(List.of(), workDir, List.of(), args);
    }

    /** Starts {@code java -jar kea4j.jar ARGS} inside a network namespace of the test (as root). */
    public static Kea4jProcess startIn(String namespace, Path workDir, String... args) throws IOException {
        return startIn(namespace, workDir, List.of(), args);
    }

    /** Starts {@code java JVM-OPTIONS -jar kea4j.jar ARGS} inside a network namespace of the test (as root). */
    public static Kea4jProcess startIn(String namespace, Path workDir, List<String> jvmOptions, String... args)
            throws IOException {
        return startUnder(List.of("ip", "netns", "exec", namespace), workDir, jvmOptions, args);
    }

    /**
     * Starts {@code PREFIX java JVM-OPTIONS -jar kea4j.jar ARGS} in workDir, stdin closed, where the prefix is a
     * program that execs the rest (such as {@code nohup} or {@code ip netns exec NS}): the process is kea4j's.
     */
    public static Kea4jProcess startUnder(List<String> prefix, Path workDir, List<String> jvmOptions, String... args)
            throws IOException {
        return startWith(Path.of(java()), prefix, workDir, jvmOptions, args);
    }

    /** As {@link #startUnder}, with another Java runtime's {@code java}. */
    public static Kea4jProcess startWith(Path java, List<String> prefix, Path workDir, List<String> jvmOptions,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        Path output = workDir.resolve("kea4j.out");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new Kea4jProcess(process, output, workDir);
    }

    /**
     * Starts the launcher this build made ({@code bin/kea4j} beside the jar) with {@code ARGS} in workDir, stdin
     * closed, its environment plus {@code env}: the launcher execs the JVM, so the process is kea4j's.
     */
    public static Kea4jProcess launch(Path workDir, java.util.Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(jar().resolveSibling("bin/kea4j").toString());
        command.addAll(List.of(args));
        Path output = workDir.resolve("kea4j.out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return new Kea4jProcess(builder.start(), output, workDir);
    }

    /** Runs kea4j.jar to completion (bounded); returns the exit code. */
    public static Result run(Path workDir, long timeoutSeconds, String... args) throws Exception {
        try (Kea4jProcess p = start(workDir, args)) {
            if (!p.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("kea4j did not finish within " + timeoutSeconds + " s: " + p.output());
            }
            return new Result(p.process.exitValue(), p.output());
        }
    }

    /** What a finished run left. */
    public record Result(int exitCode, String output) {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public Process process() {
        return process;
    }

    public Path workDir() {
        return workDir;
    }

    /** Everything the process printed so far. */
    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Waits (bounded) until the output contains the text. */
    public boolean awaitOutput(String text, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Waits (bounded) until the control socket answers a command: readiness is an answer, not a file.
     *
     * @return whether it answered in time
     */
    public boolean awaitControl(Path socket, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            if (Files.exists(socket)) {
                try {
                    if (org.kea4j.itest.ControlClient.send(socket, "{\"command\": \"version-get\"}").contains("\"result\"")) {
                        return true;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** A UDP port free on loopback now (bound and released: the test then starts its server on it). */
    public static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Sends a signal by name (TERM, HUP, KILL). */
    public void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    }

    /** Waits for the exit code (bounded); -1 when still running. */
    public int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
