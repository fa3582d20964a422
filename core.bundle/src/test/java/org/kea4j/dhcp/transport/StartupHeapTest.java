package org.kea4j.dhcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class StartupHeapTest {

    /** Collections by the collector that runs a full collection (the old generation's). */
    private static long fullCollections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName();
            if (name.contains("Old") || name.contains("MarkSweep") || name.contains("Full")) {
                count += gc.getCollectionCount();
            }
        }
        return count;
    }

    @Test
    void collectsOncePerProcess() {
        long before = fullCollections();
        StartupHeap.collectOnce();
        long afterFirst = fullCollections();
        assertTrue(afterFirst > before, "the first call collects the heap");
        StartupHeap.collectOnce();
        assertEquals(afterFirst, fullCollections(), "later calls (a second server, a new configuration) do not");
    }
}
