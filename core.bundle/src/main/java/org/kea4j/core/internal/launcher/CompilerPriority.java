package org.kea4j.core.internal.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scheduling of the JIT's optimising (C2) compiler threads. kea4j.jar's launcher lowers their priority for the
 * start (Linux: a higher nice value), where the process may raise it again, so that the start keeps its core while
 * they compile; {@link #restore()} gives it back once the servers listen. Left lower while the code is still being
 * optimised, they starved under load: on a saturated core the code stayed at its first, profiled compilation
 * (DHCPv6 at 9,000/s on one core: 78-130 against 65 us per exchange, once 15% lost). Once they have settled (see
 * {@link Quiet}), {@link #idle(List)} lets them run only where their core is otherwise idle: a later recompilation
 * (a branch the code had never taken, clients coming back) then no longer takes a server's core from its packets
 * for a scheduler tick (4 ms here). Compiler threads the JVM adds later are started by one of the compiler threads
 * and inherit its priority and policy.
 */
final class CompilerPriority {

    private CompilerPriority() {
    }

    /** The IDs of this process's optimising compiler threads (from {@code /proc/self/task}); none elsewhere. */
    static List<String> optimisingCompilerThreads() {
        List<String> ids = new ArrayList<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ids;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("C2 CompilerThre")) {
                        ids.add(task.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return ids;
    }

    /** The CPU time the threads have used, in nanoseconds (their {@code schedstat}); 0 for those it cannot read. */
    static long cpuNanos(List<String> threads) {
        long sum = 0;
        for (String thread : threads) {
            try {
                String line = Files.readString(Path.of("/proc/self/task", thread, "schedstat"));
                sum += Long.parseLong(line.substring(0, line.indexOf(' ')));
            } catch (IOException | RuntimeException e) {
                // the thread ended, or no schedstat
            }
        }
        return sum;
    }

    /** The scheduling policy of a thread of this process (from its stat line): 0 normal, 5 idle; -1 unknown. */
    static int policy(String thread) {
        return statField(thread, 38, -1);
    }

    /** The nice value of a thread of this process ({@code self}: the process), from its stat line; 0 unknown. */
    static int nice(String thread) {
        return statField(thread, 16, 0);
    }

    /** A field of a thread's stat line, counted from the one after the command's name; {@code unknown} if none. */
    private static int statField(String thread, int index, int unknown) {
        try {
            Path stat = thread.equals("self") ? Path.of("/proc/self/stat") : Path.of("/proc/self/task", thread, "stat");
            String line = Files.readString(stat);
            return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[index]);
        } catch (IOException | RuntimeException e) {
            return unknown;
        }
    }

    /**
     * Lets the threads run only when nothing of normal priority wants their core ({@code SCHED_IDLE}, with
     * {@code chrt}): a thread of the servers that wakes takes the core from them at once. Returns why it could not
     * (null when done, or nothing to do).
     */
    static String idle(List<String> threads) {
        for (String thread : threads) {
            String failed = run(List.of("chrt", "--idle", "--pid", "0", thread));
            if (failed != null && policy(thread) != -1) {
                return failed;
            }
        }
        return null;
    }

    /**
     * Waits until the optimising compiler has done its first work ({@code work} ns of CPU from now) and then had
     * next to nothing to do (at most {@code quiet} ns of CPU) over the last {@code samples} checks, one each
     * {@code everyMillis}, then {@link #idle idles} its threads; returns why that failed, or null. Before any work it
     * keeps waiting: a server that had no clients yet meets its first ones with its compiler at the normal priority.
     * The server's figures: 50 ms of work, then 5 checks a second apart with under 5 ms.
     */
    static String idleOnceSettled(long work, int samples, long quiet, long everyMillis) throws InterruptedException {
        long first = cpuNanos(optimisingCompilerThreads());
        Quiet still = new Quiet(samples, quiet);
        while (true) {
            Thread.sleep(everyMillis);
            List<String> threads = optimisingCompilerThreads();
            long used = cpuNanos(threads);
            if (still.add(used) && used - first >= work) {
                return idle(threads);
            }
        }
    }

    /**
     * Gives the threads whose nice value is higher than the process's the process's own, with {@code renice};
     * returns why it could not (null when done, or nothing to do).
     */
    static String restore() {
        int own = nice("self");
        List<String> ids = optimisingCompilerThreads();
        ids.removeIf(id -> nice(id) <= own);
        if (ids.isEmpty()) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(own), "-p"));
        command.addAll(ids);
        return run(command);
    }

    /** Runs a command to its end (5 s at most); why it failed, or null. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return command.get(0) + " did not finish";
            }
            return process.exitValue() == 0 ? null : command.get(0) + " exited with " + process.exitValue();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Whether a growing counter (the compiler threads' CPU time) grew by at most {@code quiet} over the last
     * {@code samples} intervals: the JIT has settled when its optimising compiler has had next to nothing to do for
     * a while (it compiles the packet path within seconds of the first clients, then again only when the code meets
     * what it had not seen).
     */
    static final class Quiet {

        private final long[] ring;
        private final long quiet;
        private int seen;

        Quiet(int samples, long quiet) {
            this.ring = new long[samples + 1];
            this.quiet = quiet;
        }

        /** Adds the counter's value now; true once the last {@code samples} intervals were quiet. */
        boolean add(long value) {
            ring[seen++ % ring.length] = value;
            return seen >= ring.length && value - ring[seen % ring.length] <= quiet;
        }
    }
}
