package org.kea4j.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    @Test
    void idleCompilerThreadsRunOnlyOnAnOtherwiseIdleCore() throws Exception {
        List<String> threads = CompilerPriority.optimisingCompilerThreads();
        assertFalse(threads.isEmpty(), "this JVM has C2 compiler threads, listed in /proc/self/task");
        assumeTrue(mayRaise(), "this process may give them the normal policy back afterwards");
        long used = CompilerPriority.cpuNanos(threads);
        assertTrue(used > 0, "their CPU time is read from schedstat: " + used);
        try {
            // no work asked for, and any CPU time counts as quiet: settled at the first interval
            assertNull(CompilerPriority.idleOnceSettled(0, 1, Long.MAX_VALUE, 10), "chrt succeeded");
            for (String id : threads) {
                assertEquals(5, CompilerPriority.policy(id), "thread " + id + " is SCHED_IDLE");
            }
            assertEquals(0, CompilerPriority.policy("self"), "the process keeps the normal policy");
        } finally {
            for (String id : threads) {
                Process other = new ProcessBuilder("chrt", "--other", "--pid", "0", id).start();
                assertTrue(other.waitFor(10, TimeUnit.SECONDS));
            }
        }
        for (String id : threads) {
            assertEquals(0, CompilerPriority.policy(id), "thread " + id + " is back to SCHED_OTHER");
        }
    }

    @Test
    void theCompilerIsNotSettledBeforeItHasWorked() throws Exception {
        Thread waiting = new Thread(() -> {
            try {
                CompilerPriority.idleOnceSettled(Long.MAX_VALUE, 1, Long.MAX_VALUE, 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        waiting.join(300);
        assertTrue(waiting.isAlive(), "still waiting for the compiler's first work");
        waiting.interrupt();
        waiting.join(5000);
        assertFalse(waiting.isAlive(), "an interrupt ends the wait");
        for (String id : CompilerPriority.optimisingCompilerThreads()) {
            assertEquals(0, CompilerPriority.policy(id), "thread " + id + " keeps SCHED_OTHER");
        }
    }

    @Test
    void theCompilerHasSettledOnceItsCpuTimeStoodStillForTheLastSamples() {
        CompilerPriority.Quiet quiet = new CompilerPriority.Quiet(3, 5);
        assertFalse(quiet.add(0), "one sample is no interval");
        assertFalse(quiet.add(100), "busy");
        assertFalse(quiet.add(102), "two quiet intervals of three, one busy");
        assertFalse(quiet.add(104), "the busy one is still among the last three");
        assertTrue(quiet.add(104), "three intervals that grew by 4 in all");
        assertFalse(quiet.add(200), "busy again");
        assertFalse(quiet.add(201));
        assertFalse(quiet.add(202));
        assertTrue(quiet.add(203));
    }
}
