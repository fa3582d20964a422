package org.kea4j.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompilerPriorityTest {

    /** Whether this process has CAP_SYS_NICE (as root has): it may raise a thread's priority again. */
    private static boolean mayRaise() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("CapEff:"))
                .anyMatch(l -> (Long.parseUnsignedLong(l.substring(7).strip(), 16) & 1L << 23) != 0);
    }

    private static void renice(int nice, List<String> threads) throws Exception {
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
        command.addAll(threads);
        Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(true, renice.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, renice.exitValue(), "renice " + command);
    }

    @Test
    void theOptimisingCompilerThreadsGetTheProcesssPriorityBack() throws Exception {
        List<String> threads = CompilerPriority.optimisingCompilerThreads();
        assertFalse(threads.isEmpty(), "this JVM has C2 compiler threads, listed in /proc/self/task");
        int own = CompilerPriority.nice("self");
        assumeTrue(own < 10 && mayRaise(), "this process may lower and raise its threads' priority");
        renice(own + 5, threads); // as the launcher does for the start
        for (String id : threads) {
            assertEquals(own + 5, CompilerPriority.nice(id), "thread " + id);
        }
        assertNull(CompilerPriority.restore(), "renice succeeded");
        for (String id : threads) {
            assertEquals(own, CompilerPriority.nice(id), "thread " + id);
        }
        assertNull(CompilerPriority.restore(), "nothing left to do");
        assertEquals(own, CompilerPriority.nice("self"), "the process keeps its priority");
    }
}
