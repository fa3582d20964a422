package org.kea4j.dhcpsrv.cfg;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kea4j.dhcp.transport.Datagram;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcp.transport.ServerSockets;
import org.kea4j.dhcpsrv.alloc.ReclamationTimers;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;

/**
 * A running DHCP server, the same for both families: sockets whose datagrams go to a pool of workers (pushing out
 * the oldest when the queue is full) or, warm on one CPU with nothing that can block, are handled on the receiving
 * thread ({@link PacketWorkers#handleDirectlyWhen}); the timers of expired-lease reclamation; and the
 * configuration the workers use, swapped in with one volatile write. A family says which sockets it opens, how a
 * datagram goes through its pipeline and where the reply goes.
 *
 * @param <R> what the server runs on: the configuration made ready for the packet path
 */
public abstract class RunningServer<R extends RunningServer.Runtime> implements ServerSection.Server<R> {

    /** What the server reads of its runtime. */
    public interface Runtime {
        ServerSection.Config config();
    }

    /** What the server asks of a family's packet pipeline besides running packets through it. */
    public interface Pipeline<R> {
        /** A datagram arrived while the service is disabled ({@code dhcp-disable}). */
        void serviceDisabled();

        /** A datagram was dropped before it reached the pipeline: the workers could not keep up. */
        void queueFull();

        /** The allocation engine learns a configuration's subnets. */
        void configured(R runtime, LeaseMgr leases);

        /** Whether a hooks library is loaded: its callouts may block, so packets then go to the workers. */
        boolean hooksLoaded();
    }

    /** The workers a datagram's exchange runs on ({@link PacketWorkers#asClient}). */
    protected final PacketWorkers workers;
    /** The server's sockets. */
    protected final ServerSockets sockets;
    private final Pipeline<R> pipeline;
    private final ReclamationTimers timers;
    private final Supplier<Optional<LeaseMgr>> leaseMgr;
    private final BooleanSupplier serving;
    private volatile R runtime;

    /**
     * @param daemon         the daemon's name ({@code kea-dhcp4}), which its threads' names begin with
     * @param pipeline       the family's packet pipeline
     * @param reclamation    the family's expired-lease reclamation
     * @param leaseMgr       the lease database in use
     * @param workerCount    the workers to start with
     * @param serving        whether the service is enabled ({@code dhcp-disable}): what arrives while it is not is
     *                       dropped
     * @param timersFailed   what a reclamation timer's failure logs
     * @param socketMessages what opening and reading the sockets logs
     */
    protected RunningServer(String daemon, Pipeline<R> pipeline, ReclamationTimers.Reclaimer reclamation,
            Supplier<Optional<LeaseMgr>> leaseMgr, int workerCount, BooleanSupplier serving,
            Consumer<String> timersFailed, ServerSockets.Messages socketMessages) {
        this.pipeline = pipeline;
        this.leaseMgr = leaseMgr;
        this.serving = serving;
        this.workers = new PacketWorkers(daemon + "-worker", workerCount, pipeline::queueFull);
        this.timers = new ReclamationTimers(daemon + "-reclaim", leaseMgr, reclamation, timersFailed);
        this.sockets = new ServerSockets(daemon + "-io", this::received, socketMessages);
    }

    /** The configuration the workers use now, or null. */
    @Override
    public final R runtime() {
        return runtime;
    }

    /** Puts back the sockets of the configuration before (a configuration failed after its sockets opened). */
    @Override
    public final void revertSockets() {
        sockets.revert();
    }

    /** Reclaims every expired lease now ({@code leases-reclaim}); returns how many. */
    @Override
    public final int reclaimNow(boolean remove) throws Exception {
        return timers.reclaimNow(remove);
    }

    /** Swaps in a configuration whose sockets are open, reschedules the timers and resizes the workers. */
    @Override
    public synchronized void apply(R next) {
        runtime = next;
        ServerSection.Config config = next.config();
        timers.schedule(config.expiration());
        workers.resize(config.multiThreading().workerThreads(), config.multiThreading().queueLimit());
        pipeline.configured(next, leaseMgr.get().orElse(null));
        boolean waitForNothing = DhcpConfigElements.packetsWaitForNothing(config.multiThreading(),
                config.leaseDatabase(), config.hostDatabases());
        workers.handleDirectlyWhen(() -> waitForNothing && !pipeline.hooksLoaded());
    }

    /** On the I/O thread: hand over to a worker, or handle it here once warm ({@link PacketWorkers#submit}). */
    private void received(Datagram d) {
        if (!serving.getAsBoolean()) {
            pipeline.serviceDisabled();
            return;
        }
        workers.submit(() -> process(d));
    }

    private void process(Datagram d) {
        R rt = runtime;
        Optional<LeaseMgr> lm = leaseMgr.get();
        if (rt == null || lm.isEmpty()) {
            return;
        }
        handle(d, rt, lm.get());
    }

    /**
     * Runs one datagram through the family's pipeline with this configuration and lease database, and sends the
     * reply; the same client is handled one at a time ({@link PacketWorkers#asClient}).
     */
    protected abstract void handle(Datagram d, R rt, LeaseMgr leases);

    @Override
    public synchronized void close() {
        sockets.close();
        timers.close();
        workers.close();
        runtime = null;
    }
}
