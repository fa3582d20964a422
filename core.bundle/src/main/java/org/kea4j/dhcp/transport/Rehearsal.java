package org.kea4j.dhcp.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;

/**
 * Synthetic exchanges through a server's packet path before it opens its sockets.
 *
 * <p>The first time the packet path runs, the JVM loads its classes (Netty's receive and send paths among them),
 * links each lambda and string concatenation, and interprets: without a rehearsal the first clients after a start
 * waited 30-60 ms for their answers, and those behind them as long (measured with the benchmark's {@code --cold}
 * runs, the server on one core). A rehearsal runs {@value #DEFAULT_EXCHANGES} made-up clients through a pipeline
 * of the server's own code with no hooks library, its own statistics, a lease file in a temporary directory
 * (deleted after) and its log lines formatted but not written; the first {@value #THROUGH_SOCKETS} go through a
 * socket on the loopback address. The start takes those costs instead (0.1-0.3 s on one core), and the first
 * clients are answered in 10-20 ms.
 *
 * <p>{@code -Dkea4j.rehearsal=N} sets how many exchanges (0: none). A rehearsal stops after {@value #BUDGET_MILLIS}
 * ms whatever the count; one that fails is logged and the server starts as it would have without it.
 */
public final class Rehearsal {

    /** Exchanges rehearsed unless {@code -Dkea4j.rehearsal} says otherwise. */
    public static final int DEFAULT_EXCHANGES = 64;
    /** Exchanges of a rehearsal that go through a socket on the loopback address ({@link Loopback}). */
    public static final int THROUGH_SOCKETS = 16;
    /** The most a rehearsal may add to a start. */
    public static final long BUDGET_MILLIS = 1000;
    private static final KeaLogger LOG = KeaLogger.forSubsystem("dhcpsrv");

    private Rehearsal() {
    }

    /** The exchanges of one server family, on the pipeline {@link Pipeline} made. */
    @FunctionalInterface
    public interface Exchanges {
        /** One exchange of made-up client number {@code client} (the made-up clients are all different). */
        void exchange(int client) throws Exception;
    }

    /**
     * Makes the pipeline of a rehearsal with its files in {@code directory}; what it adds to {@code closeAfter} is
     * closed after the last exchange, the last added first, whatever happens.
     */
    @FunctionalInterface
    interface Setup {
        Exchanges open(Path directory, Deque<AutoCloseable> closeAfter) throws Exception;
    }

    /** Makes the exchanges of a server family on a pipeline of its own. */
    @FunctionalInterface
    public interface Pipeline {
        /**
         * @param hooks    a hooks manager without libraries ({@link HooksManager#rehearsal()})
         * @param leases   an empty lease database of the rehearsal's own (closed by the rehearsal)
         * @param loopback the sockets for the first {@value Rehearsal#THROUGH_SOCKETS} exchanges, or null where the
         *                 loopback interface has no address of the family (closed by the rehearsal)
         */
        Exchanges open(HooksManager hooks, LeaseMgr leases, Loopback loopback) throws Exception;
    }

    /**
     * Rehearses a server's packet path: {@link #exchanges()} exchanges of {@code pipeline} on a hooks manager
     * without libraries, a memfile database in a directory of the rehearsal's own, counted in statistics of its
     * own, and a {@link Loopback} of the server's family.
     *
     * @param universe 4 or 6
     * @return the exchanges run
     */
    public static int run(String server, int universe, HooksManager hooks, LeaseDatabases databases,
            Pipeline pipeline) {
        return run(server, exchanges(), (dir, closeAfter) -> {
            LeaseMgr leases = databases.openDetached(new DbAccess("memfile", Map.of("persist", "true", "name",
                    dir.resolve("leases" + universe + ".csv").toString(), "lfc-interval", "0")), universe);
            closeAfter.push(leases::close);
            Loopback loopback = Loopback.open(universe == 6);
            if (loopback != null) {
                closeAfter.push(loopback);
            }
            return pipeline.open(hooks.rehearsal(), leases, loopback);
        });
    }

    /** How many exchanges a rehearsal runs ({@code -Dkea4j.rehearsal}). */
    public static int exchanges() {
        return Integer.getInteger("kea4j.rehearsal", DEFAULT_EXCHANGES);
    }

    /**
     * Runs {@code wanted} exchanges (within {@value #BUDGET_MILLIS} ms) on what {@code setup} makes.
     *
     * @return the exchanges run
     */
    static int run(String server, int wanted, Setup setup) {
        if (wanted <= 0) {
            return 0;
        }
        int[] done = {0};
        Exception[] failed = {null};
        long start = System.nanoTime();
        Path directory = null;
        try {
            directory = Files.createTempDirectory("kea4j-rehearsal");
            Path dir = directory;
            KeaLogger.quietly(() -> {
                long deadline = start + BUDGET_MILLIS * 1_000_000;
                Deque<AutoCloseable> closeAfter = new ArrayDeque<>();
                try {
                    Exchanges exchanges = setup.open(dir, closeAfter);
                    while (done[0] < wanted && System.nanoTime() < deadline) {
                        exchanges.exchange(done[0]);
                        done[0]++;
                    }
                } catch (Exception e) {
                    failed[0] = e;
                } finally {
                    close(closeAfter, failed);
                }
            });
        } catch (IOException e) {
            failed[0] = e;
        } finally {
            delete(directory);
        }
        if (failed[0] != null) {
            LOG.log(DhcpsrvMessages.DHCPSRV_REHEARSAL_FAILED, server, String.valueOf(failed[0]));
        } else {
            LOG.log(DhcpsrvMessages.DHCPSRV_REHEARSAL_DONE, server, done[0], (System.nanoTime() - start) / 1_000_000);
        }
        return done[0];
    }

    /**
     * A server socket on the loopback address, opened as a server's are, and a client socket that talks to it: the
     * first exchanges of a rehearsal go through the server's transport (receive, then send on the socket's
     * descriptor) as a client's would. Each wait is bounded ({@value #WAIT_MILLIS} ms).
     */
    public static final class Loopback implements AutoCloseable {

        private static final long WAIT_MILLIS = 1000;
        private final UdpTransport transport;
        private final DatagramChannel client;
        private final Selector selector;
        private final BlockingQueue<Datagram> received = new LinkedBlockingQueue<>();
        private final InetSocketAddress server;
        private final Iface iface;
        private final boolean v6;

        private Loopback(Iface iface, InetAddress address, boolean v6) throws IOException {
            this.iface = iface;
            this.v6 = v6;
            int port;
            try (DatagramChannel probe = DatagramChannel.open(family(v6))) {
                probe.bind(new InetSocketAddress(address, 0));
                port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
            }
            this.server = new InetSocketAddress(address, port);
            List<Exception> failures = new java.util.ArrayList<>();
            this.transport = UdpTransport.open("kea-rehearsal-io", List.of(new ListenSocket(iface, port, v6,
                    address, List.of())), received::add, (socket, e) -> failures.add(e), (i, e) -> { });
            if (!failures.isEmpty()) {
                transport.close();
                throw new IOException("no rehearsal socket on " + server + ": " + failures.get(0).getMessage());
            }
            this.client = DatagramChannel.open(family(v6));
            client.bind(new InetSocketAddress(address, 0));
            client.configureBlocking(false);
            this.selector = Selector.open();
            client.register(selector, SelectionKey.OP_READ);
        }

        private static StandardProtocolFamily family(boolean v6) {
            return v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        }

        /** Opens one on the loopback interface ({@code ::1} or {@code 127.0.0.1}); null where there is none. */
        public static Loopback open(boolean v6) {
            for (Iface i : Iface.detect()) {
                for (InetAddress a : i.addresses()) {
                    if (i.loopback() && i.up() && a.isLoopbackAddress() && (a instanceof java.net.Inet6Address) == v6) {
                        try {
                            return new Loopback(i, a, v6);
                        } catch (IOException e) {
                            return null;
                        }
                    }
                }
            }
            return null;
        }

        /** The loopback interface, which the rehearsal's configuration lists. */
        public Iface iface() {
            return iface;
        }

        /**
         * One exchange through the sockets: {@code query} sent from the client socket, received by the server's,
         * handed to {@code pipeline}, its answer sent back from the server's socket.
         *
         * @return the answer as the client socket received it, or null when the pipeline gave none
         */
        public byte[] exchange(byte[] query, java.util.function.Function<Datagram, byte[]> pipeline)
                throws IOException, InterruptedException {
            Datagram d = receive(query);
            byte[] answer = pipeline.apply(d);
            return answer == null ? null : answer(d, answer);
        }

        private Datagram receive(byte[] query) throws IOException, InterruptedException {
            client.send(ByteBuffer.wrap(query), server);
            Datagram d = received.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (d == null) {
                throw new IOException("the rehearsal socket " + server + " received nothing");
            }
            return d;
        }

        private byte[] answer(Datagram query, byte[] answer) throws IOException {
            Throwable[] failed = {null};
            if (!transport.send(iface.name(), v6, server.getAddress(), answer, query.source(), e -> failed[0] = e)) {
                throw new IOException("no rehearsal socket to answer from");
            }
            ByteBuffer in = ByteBuffer.allocate(65536);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (failed[0] == null && System.nanoTime() < deadline) {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                selector.selectedKeys().clear();
                if (client.receive(in) != null) {
                    return Arrays.copyOf(in.array(), in.position());
                }
            }
            throw new IOException("the rehearsal client received no answer"
                    + (failed[0] == null ? "" : ": " + failed[0].getMessage()));
        }

        @Override
        public void close() {
            transport.close();
            try {
                selector.close();
                client.close();
            } catch (IOException e) {
                // closing a loopback socket: nothing to do about it
            }
        }
    }

    private static void close(Deque<AutoCloseable> resources, Exception[] failed) {
        for (AutoCloseable r; (r = resources.poll()) != null;) {
            try {
                r.close();
            } catch (Exception e) {
                if (failed[0] == null) {
                    failed[0] = e;
                }
            }
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
