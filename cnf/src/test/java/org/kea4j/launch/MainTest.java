package org.kea4j.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    /** The nice value of a thread of this process ({@code self}: the process), from its stat line. */
    private static int nice(Path stat) throws IOException {
        String line = Files.readString(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static List<Path> optimisingCompilerThreads() throws IOException {
        List<Path> threads = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (Files.readString(task.resolve("comm")).startsWith("C2 CompilerThre")) {
                    threads.add(task);
                }
            }
        }
        return threads;
    }

    @Test
    void lowersOnlyBelowTheProcesssOwnPriorityAndOnlyWithAWayBack() {
        assertTrue(Main.worthLowering(10, 0, true));
        assertFalse(Main.worthLowering(10, 0, false), "no way back: left as they are");
        assertFalse(Main.worthLowering(10, 10, true), "the process runs at nice 10 already");
        assertFalse(Main.worthLowering(10, 15, true), "renice would raise them above the process");
        assertFalse(Main.worthLowering(0, 0, true), "-Dkea4j.jit-nice=0");
        assertEquals(nice0(), Main.ownNice());
    }

    private static int nice0() {
        try {
            return nice(Path.of("/proc/self/stat"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean runsAsRoot() throws IOException {
        return Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    }

    @Test
    void rootMayRaiseThemAgain() throws Exception {
        assumeTrue(runsAsRoot(), "runs as root (as CI does)");
        assertTrue(Main.mayRaiseAgain());
    }

    @Test
    void theOptimisingCompilerThreadsAreLoweredBeforeTheFrameworkStarts() throws Exception {
        int before = nice(Path.of("/proc/self/stat"));
        assumeTrue(before < 10, "the build itself runs at nice 10 or lower");
        assumeTrue(Main.mayRaiseAgain(), "this process may not raise them again: the launcher leaves them");
        List<Path> threads = optimisingCompilerThreads();
        assertFalse(threads.isEmpty(), "this JVM has C2 compiler threads");
        Main.lowerCompilerPriority();
        long deadline = System.nanoTime() + 10_000_000_000L; // renice runs in the background: a bounded poll
        for (Path thread : threads) {
            while (nice(thread.resolve("stat")) != 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(10, nice(thread.resolve("stat")), thread.toString());
        }
        assertEquals(before, nice(Path.of("/proc/self/stat")), "the other threads keep their priority");
        List<String> back = new ArrayList<>(List.of("renice", "-n", String.valueOf(before), "-p"));
        threads.forEach(t -> back.add(t.getFileName().toString()));
        assertEquals(0, new ProcessBuilder(back).start().waitFor(), "as the server's core does once it listens");
    }
}
