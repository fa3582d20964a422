package org.kea4j.dhcp.transport;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One garbage collection of the process, once, before its first server opens its sockets.
 *
 * <p>Starting the framework and the bundles leaves some 100 MB of garbage and about 25 MB of class metadata. Left
 * alone, the JVM collected them in the first second of service: a young collection copying everything the start-up
 * kept (29 ms, measured with the JVM's defaults on one core) and, once the class metadata passed its first
 * threshold, a full collection (52 ms): pauses every packet of that second waited through. Collected here, the
 * start takes those milliseconds instead, the metadata threshold is raised, and later young collections copy only
 * the packets' objects (5-10 ms). {@code -Dkea4j.startup-gc=false} leaves it to the JVM.
 */
public final class StartupHeap {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private StartupHeap() {
    }

    /** Collects the start-up's garbage the first time it is called in the process. */
    public static void collectOnce() {
        if (Boolean.parseBoolean(System.getProperty("kea4j.startup-gc", "true")) && DONE.compareAndSet(false, true)) {
            System.gc();
        }
    }
}
