package org.kea4j.core.internal.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The process: its version, uptime and the way it ends. Under kea4j.jar's launcher a shutdown request
 * lets the launcher's main thread return, which stops every bundle in order; in any other framework (a
 * test container) it stops the framework.
 */
@Component(service = ProcessControl.class)
public final class ProcessControl {

    /** Manifest header carrying the kea4j release (the Maven version). */
    public static final String VERSION_HEADER = "Kea4j-Version";

    private final BundleContext context;
    private final Instant started = Instant.now();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile boolean launcherOwned;

    @Activate
    public ProcessControl(BundleContext context) {
        this.context = context;
    }

    /** The kea4j version, for example {@code 0.1.0-SNAPSHOT}. */
    public String version() {
        String v = context.getBundle().getHeaders().get(VERSION_HEADER);
        return v != null ? v : context.getBundle().getVersion().toString();
    }

    /** The version with what it runs on. */
    public String extendedVersion() {
        return version() + " (kea4j: Kea 0.9.1-compatible DHCP server on OSGi)\n"
                + "framework: " + context.getBundle(0).getSymbolicName() + " " + context.getBundle(0).getVersion() + "\n"
                + "java: " + System.getProperty("java.vm.name") + " " + Runtime.version();
    }

    public long pid() {
        return ProcessHandle.current().pid();
    }

    public Duration uptime() {
        return Duration.between(started, Instant.now());
    }

    /** The launcher waits in {@link #awaitExit()}. */
    void ownedByLauncher() {
        launcherOwned = true;
    }

    /** Asks the process to end with this exit value. */
    public void requestShutdown(int exitValue) {
        if (launcherOwned) {
            exit.complete(exitValue);
            return;
        }
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException e) {
                // nothing left to tell: the framework is going away
            }
        }, "kea-shutdown");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Whether a shutdown was requested. */
    public boolean shutdownRequested() {
        return exit.isDone();
    }

    /** Blocks until a shutdown is requested; returns the exit value. */
    int awaitExit() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return 1;
        }
    }
}
