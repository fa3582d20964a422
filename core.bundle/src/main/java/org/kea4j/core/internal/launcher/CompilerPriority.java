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
 * they compile; {@link #restore()} gives it back once the servers listen, for good. Left lower, they starved under
 * load: on a saturated core the code stayed at its first, profiled compilation (DHCPv6 at 9,000/s on one core:
 * 78-130 against 65 us per exchange, once 15% lost). Worse, a packet thread can wait for them while it runs: when a
 * compiler thread retires a method's old code it first diverts calls entering that code to the JVM's re-resolution
 * and only then detaches the code from the method, and a thread calling the method in between is re-resolved to the
 * same old code again and again, on the CPU, until the compiler thread runs on. Run only on an otherwise idle core
 * ({@code SCHED_IDLE}), the compiler thread hardly ran on: the packet thread spun for 20-640 ms (perf: in
 * {@code SharedRuntime::handle_wrong_method}, calling the lease codec while its new code was installed).
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

    /** The nice value of a thread of this process ({@code self}: the process), from its stat line; 0 unknown. */
    static int nice(String thread) {
        try {
            Path stat = thread.equals("self") ? Path.of("/proc/self/stat") : Path.of("/proc/self/task", thread, "stat");
            String line = Files.readString(stat);
            return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            return 0;
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
}
