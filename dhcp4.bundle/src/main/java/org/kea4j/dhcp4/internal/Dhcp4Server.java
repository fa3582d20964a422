package org.kea4j.dhcp4.internal;

import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_LEASE_DATABASE_TIMERS_EXEC_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_NO_SOCKETS_OPEN;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_RECEIVE_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_OPEN_SOCKET;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_OPEN_SOCKET_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_SEND_FAIL;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.transport.Datagram;
import org.kea4j.dhcp.transport.ListenSocket;
import org.kea4j.dhcp.transport.ServerSockets;
import org.kea4j.dhcp.transport.UdpTransport;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation4;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcpsrv.alloc.ReclamationTimers;

/**
 * The running DHCPv4 server: sockets on the configured interfaces, a pool of workers that run the
 * pipeline, and the timers of expired-lease reclamation. The I/O thread hands datagrams to the workers
 * (pushing out the oldest when the queue is full), or, warm on one CPU with nothing that can block, handles
 * them itself ({@link PacketWorkers#handleDirectlyWhen}). A new
 * configuration is swapped in with one volatile write; the sockets are reopened only when the interfaces
 * or the port changed, and a port another process holds fails the configuration.
 */
final class Dhcp4Server implements org.kea4j.dhcpsrv.cfg.ServerSection.Server<Dhcp4Runtime> {

    private final Dhcp4Srv srv;
    private final java.util.function.BooleanSupplier serving;
    private final Supplier<Optional<LeaseMgr>> leaseMgr;
    private final PacketWorkers workers;
    private final ReclamationTimers timers;
    private volatile Dhcp4Runtime runtime;
    private final ServerSockets sockets;

    /**
     * @param serving whether the service is enabled ({@code dhcp-disable}): what arrives while it is not is dropped
     */
    Dhcp4Server(Dhcp4Srv srv, LeaseReclamation4 reclamation, Supplier<Optional<LeaseMgr>> leaseMgr, int workerCount,
            java.util.function.BooleanSupplier serving) {
        this.srv = srv;
        this.serving = serving;
        this.leaseMgr = leaseMgr;
        this.workers = new PacketWorkers("kea-dhcp4-worker", workerCount, srv::queueFull);
        this.timers = new ReclamationTimers("kea-dhcp4-reclaim", leaseMgr, reclamation,
                why -> Dhcp4Srv.LOG.log(DHCP4_LEASE_DATABASE_TIMERS_EXEC_FAIL, why));
        this.sockets = new ServerSockets("kea-dhcp4-io", this::received, new ServerSockets.Messages(Dhcp4Srv.LOG,
                DHCP4_OPEN_SOCKET, DHCP4_OPEN_SOCKET_FAIL, DHCP4_NO_SOCKETS_OPEN, DHCP4_PACKET_RECEIVE_FAIL));
    }

    /** Datagrams dropped because every worker was busy and the queue full. */
    long dropped() {
        return workers.dropped();
    }

    /** The configuration the workers use now, or null. */
    @Override
    public Dhcp4Runtime runtime() {
        return runtime;
    }

    /**
     * Listens on the sockets a configuration asks for (reopened only when they changed).
     *
     * @throws ConfigException when another process holds the port: the sockets before stay
     */
    @Override
    public void listen(Dhcp4Runtime next) throws ConfigException {
        next.config().interfaces().logActivation(Dhcp4Section.LOGGER_ROOT, true);
        int port = next.config().port();
        List<ListenSocket> wanted = new ArrayList<>();
        for (InterfacesConfig.Listen l : next.listens()) {
            wanted.add(new ListenSocket(l.iface(), port, false, List.of()));
        }
        sockets.listen(wanted);
    }

    /** Puts back the sockets of the configuration before (a configuration failed after its sockets opened). */
    @Override
    public void revertSockets() {
        sockets.revert();
    }

    /** Reclaims every expired lease now ({@code leases-reclaim}); returns how many. */
    @Override
    public int reclaimNow(boolean remove) throws Exception {
        return timers.reclaimNow(remove);
    }

    /** Swaps in a configuration whose sockets are open, and reschedules the timers. */
    @Override
    public synchronized void apply(Dhcp4Runtime next) {
        runtime = next;
        timers.schedule(next.config().expiration());
        workers.resize(next.config().multiThreading().workerThreads(), next.config().multiThreading().queueLimit());
        srv.engine().configured(next.subnetList(), leaseMgr.get().orElse(null));
        boolean waitForNothing = org.kea4j.dhcpsrv.cfg.DhcpConfigElements.packetsWaitForNothing(
                next.config().multiThreading(), next.config().leaseDatabase(), next.config().hostDatabases());
        workers.handleDirectlyWhen(() -> waitForNothing && srv.hooks().libraries().isEmpty());
    }

    /** On the I/O thread: hand over to a worker, or handle it here once warm ({@link PacketWorkers#submit}). */
    private void received(Datagram d) {
        if (!serving.getAsBoolean()) {
            srv.serviceDisabled();
            return;
        }
        workers.submit(() -> process(d));
    }

    /** Runs one datagram through the pipeline and sends the reply; the same client is handled one at a time. */
    void process(Datagram d) {
        Dhcp4Runtime rt = runtime;
        Optional<LeaseMgr> lm = leaseMgr.get();
        if (rt == null || lm.isEmpty()) {
            return;
        }
        Pkt4 query = d.addressing(new Pkt4(d.data(), d.data().length));
        workers.asClient(clientHash(d.data()), () -> {
            Dhcp4Srv.Reply reply = srv.handle(query, rt, lm.get());
            if (reply != null) {
                send(reply);
            }
        });
    }

    private void send(Dhcp4Srv.Reply reply) {
        UdpTransport t = sockets.transport();
        if (t == null || !t.send(reply.iface(), false, reply.data(),
                new InetSocketAddress(reply.destination(), reply.port()),
                e -> Dhcp4Srv.LOG.log(DHCP4_PACKET_SEND_FAIL, String.valueOf(e.getMessage())))) {
            Dhcp4Srv.LOG.log(DHCP4_PACKET_SEND_FAIL, "no socket open on interface " + reply.iface());
        }
    }

    /** A client's identity, by its hardware address in the raw packet. */
    private static int clientHash(byte[] data) {
        int h = 1;
        if (data.length >= 44) {
            int hlen = Math.min(16, data[2] & 0xFF);
            for (int i = 28; i < 28 + hlen; i++) {
                h = 31 * h + data[i];
            }
        }
        return h;
    }

    @Override
    public synchronized void close() {
        sockets.close();
        timers.close();
        workers.close();
        runtime = null;
    }
}
