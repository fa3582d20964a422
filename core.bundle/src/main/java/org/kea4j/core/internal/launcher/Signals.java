package org.kea4j.core.internal.launcher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SIGTERM and SIGINT end the process cleanly (exit code 0, as Kea); SIGHUP re-reads the configuration.
 * Uses {@code sun.misc.Signal}; without it the JVM's default handling stays.
 */
final class Signals {

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kea-signal");
        t.setDaemon(true);
        return t;
    });

    private Signals() {
    }

    /** Installs the handlers; false when the JVM offers no signal API. */
    static boolean install(Runnable onTerminate, Runnable onHangup) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> onTerminate.run());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> onTerminate.run());
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> WORKER.execute(onHangup));
            return true;
        } catch (LinkageError | IllegalArgumentException e) {
            return false;
        }
    }
}
