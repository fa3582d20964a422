package org.kea4j.core.internal.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gives the JIT's optimising (C2) compiler threads a lower scheduling priority than the threads that serve
 * packets (Linux: a higher nice value, which a process may always set on its own threads). On a core that is
 * busy, as in a server's first seconds, the compilations then wait for the packets instead of delaying them by
 * hundreds of milliseconds; on a core with room they run as before. Compiler threads the JVM adds later are
 * started by one of these and inherit their priority.
 */
final class CompilerPriority {

    /** The nice value given (system property {@code kea4j.jit-nice}; 0 leaves the threads as they are). */
    static final int NICE = Integer.getInteger("kea4j.jit-nice", 10);

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
     * Lowers their priority with {@code renice} where it is not that low already (kea4j.jar's launcher lowers it
     * before the framework starts); returns why it could not (null when done, or nothing to do).
     */
    static String lower() {
        List<String> ids = optimisingCompilerThreads();
        ids.removeIf(id -> nice(id) >= NICE);
        if (NICE == 0 || ids.isEmpty() || nice("self") >= NICE) {
            return null; // nothing asked, nothing to lower, or the whole process runs at that priority or lower
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(NICE), "-p"));
        command.addAll(ids);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return "renice did not finish";
            }
            return renice.exitValue() == 0 ? null : "renice exited with " + renice.exitValue();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
