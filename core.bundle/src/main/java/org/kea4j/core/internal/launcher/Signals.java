package org.kea4j.core.internal.launcher;

import static org.kea4j.core.internal.config.DctlMessages.DCTL_SIGNAL_RESTORED;
import static org.kea4j.core.internal.config.DctlMessages.DCTL_SIGNAL_SETUP_FAIL;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kea4j.log.KeaLogger;

/**
 * SIGTERM and SIGINT end the process cleanly (exit code 0, as Kea); SIGHUP re-reads the configuration.
 * Uses {@code sun.misc.Signal}. The JVM installs no handler for one of these signals when it was ignored as the
 * process started (SIGHUP under {@code nohup}, SIGINT for a background job of a script, some service managers
 * and harnesses): such a signal is first set back to its default with C's {@code signal(2)} (through JNA), so
 * that kea4j handles it there, as Kea does.
 */
final class Signals {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("dctl");
    /** The signals kea4j handles, by their numbers (the same on Linux, the BSDs and macOS). */
    private static final Map<String, Integer> HANDLED = Map.of("HUP", 1, "INT", 2, "TERM", 15);
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kea-signal");
        t.setDaemon(true);
        return t;
    });

    /** The C library's {@code signal(2)}; a null handler is {@code SIG_DFL}. */
    private interface CLibrary extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    private Signals() {
    }

    /** Installs the handlers; false when the JVM offers no signal API. */
    static boolean install(Runnable onTerminate, Runnable onHangup) {
        HANDLED.forEach((name, number) -> {
            if (ignoredAtStart(number)) {
                restoreDefault(number, name);
            }
        });
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> onTerminate.run());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> onTerminate.run());
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> WORKER.execute(onHangup));
            return true;
        } catch (LinkageError | IllegalArgumentException e) {
            LOG.log(DCTL_SIGNAL_SETUP_FAIL, "kea4j", "TERM/INT/HUP", String.valueOf(e));
            return false;
        }
    }

    /** Whether the process ignores the signal (Linux: the SigIgn mask of /proc/self/status). */
    static boolean ignoredAtStart(int signal) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    return (mask & (1L << (signal - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: nothing is known, nothing is changed
        }
        return false;
    }

    private static void restoreDefault(int signal, String name) {
        try {
            Native.load("c", CLibrary.class).signal(signal, null);
            LOG.log(DCTL_SIGNAL_RESTORED, "kea4j", name);
        } catch (LinkageError | RuntimeException e) {
            LOG.log(DCTL_SIGNAL_SETUP_FAIL, "kea4j", name, String.valueOf(e));
        }
    }
}
