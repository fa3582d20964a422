package org.kea4j.core.internal.control;

import static org.kea4j.core.internal.control.CcMessages.CC_SET_TIMEOUT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.kea4j.control.CommandRegistry;
import org.kea4j.log.KeaLogger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The control sockets of the process: the one the launcher names ({@code --control-socket}) and those the
 * configuration's server sections name. All reach the same command registry.
 */
@Component(service = ControlChannel.class)
public final class ControlChannel {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ctrl");
    /** System property: milliseconds a request may stall before it is answered with a timeout. */
    public static final String TIMEOUT_PROPERTY = "kea4j.control.timeout-ms";
    /** System property: the largest request accepted, in bytes. */
    public static final String MAX_REQUEST_PROPERTY = "kea4j.control.max-request-bytes";

    private final CommandRegistry registry;
    /** Made with the first socket: a server without control sockets starts no thread for them. */
    private DomainSocketTransport transport;
    private final ExecutorService commandThread;
    private final ControlSocketServer.Limits limits;
    private final Map<Path, ControlSocketServer> open = new LinkedHashMap<>();
    private final Set<Path> processSockets = new LinkedHashSet<>();
    private Set<Path> configured = Set.of();

    @Activate
    public ControlChannel(@Reference CommandRegistry registry) {
        this.registry = registry;
        this.limits = new ControlSocketServer.Limits(Long.getLong(TIMEOUT_PROPERTY, 10_000),
                Integer.getInteger(MAX_REQUEST_PROPERTY, 1 << 20));
        this.commandThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kea-command");
            t.setDaemon(true);
            return t;
        });
        LOG.log(CC_SET_TIMEOUT, limits.timeoutMillis());
    }

    /**
     * Checks a socket path before a transaction commits.
     *
     * @return null when it can be bound, otherwise why not
     */
    public static String problem(Path socket) {
        Path dir = socket.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "directory " + dir + " does not exist";
        }
        if (!Files.isWritable(dir)) {
            return "directory " + dir + " is not writable";
        }
        return null;
    }

    /** Opens the launcher's socket; it stays open whatever the configuration says. */
    public synchronized void addProcessSocket(Path socket) throws IOException {
        Path key = socket.toAbsolutePath();
        processSockets.add(key);
        if (!open.containsKey(key)) {
            open.put(key, ControlSocketServer.open(key, transport(), registry, commandThread, limits));
        }
    }

    /**
     * Makes the configuration's sockets exactly these (the launcher's stay). On failure nothing changes.
     */
    public synchronized void configure(Set<Path> sockets) throws IOException {
        Set<Path> wanted = new LinkedHashSet<>();
        for (Path p : sockets) {
            wanted.add(p.toAbsolutePath());
        }
        List<Path> opened = new ArrayList<>();
        try {
            for (Path p : wanted) {
                if (!open.containsKey(p)) {
                    open.put(p, ControlSocketServer.open(p, transport(), registry, commandThread, limits));
                    opened.add(p);
                }
            }
        } catch (IOException e) {
            for (Path p : opened) {
                open.remove(p).close();
            }
            throw e;
        }
        for (Path p : List.copyOf(open.keySet())) {
            if (!wanted.contains(p) && !processSockets.contains(p)) {
                open.remove(p).close();
            }
        }
        configured = Set.copyOf(wanted);
    }

    /** The sockets the configuration asked for. */
    public synchronized Set<Path> configured() {
        return configured;
    }

    /** The sockets open now. */
    public synchronized Set<Path> openSockets() {
        return Set.copyOf(open.keySet());
    }

    /** The sockets' transport, made the first time a socket opens (called holding this object's lock). */
    private DomainSocketTransport transport() {
        if (transport == null) {
            transport = DomainSocketTransport.create("kea-ctrl-socket");
        }
        return transport;
    }

    @Deactivate
    public synchronized void close() {
        for (ControlSocketServer server : open.values()) {
            server.close();
        }
        open.clear();
        if (transport != null) {
            transport.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        commandThread.shutdownNow();
    }
}
