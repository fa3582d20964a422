package org.kea4j.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerPriorityTest {

    @Test
    void theOptimisingCompilerThreadsOfThisJvmGetTheLowerPriority() {
        List<String> threads = CompilerPriority.optimisingCompilerThreads();
        assertFalse(threads.isEmpty(), "this JVM has C2 compiler threads, listed in /proc/self/task");
        int before = CompilerPriority.nice("self");
        assumeTrue(before < CompilerPriority.NICE, "the build itself runs at that priority or lower");
        assertNull(CompilerPriority.lower(), "renice succeeded");
        for (String id : threads) {
            assertEquals(CompilerPriority.NICE, CompilerPriority.nice(id), "thread " + id);
        }
        assertEquals(before, CompilerPriority.nice("self"), "the main thread keeps its priority");
    }
}
