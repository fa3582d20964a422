package org.kea4j.dhcp6.internal;

import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_LEASE_DATABASE_TIMERS_EXEC_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_NO_SOCKETS_OPEN;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PACKET_RECEIVE_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_OPEN_SOCKET;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_OPEN_SOCKET_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PACKET_SEND_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SOCKET_UNICAST;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcp.transport.Datagram;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.ListenSocket;
import org.kea4j.dhcp.transport.ServerSockets;
import org.kea4j.dhcp.transport.UdpTransport;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.cfg.InterfacesConfig;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation6;
import org.kea4j.dhcp.transport.PacketWorkers;
import org.kea4j.dhcpsrv.alloc.ReclamationTimers;

/**
 * The running DHCPv6 server: on each configured interface a socket on All_DHCP_Relay_Agents_and_Servers
 * (ff02::1:2) and one on each of its addresses (so that every datagram's destination is known: multicast,
 * link-local or unicast), the workers, and the reclamation timers.
 */
final class Dhcp6Server implements org.kea4j.dhcpsrv.cfg.ServerSection.Server<Dhcp6Runtime> {

    static final InetAddress ALL_DHCP_RELAY_AGENTS_AND_SERVERS = parse("ff02::1:2");

    private final Dhcp6Srv srv;
    private final java.util.function.BooleanSupplier serving;
    private final Supplier<Optional<LeaseMgr>> leaseMgr;
    private final PacketWorkers workers;
    private final ReclamationTimers timers;
    private volatile Dhcp6Runtime runtime;
    /** By interface name, the (scoped) address replies to what the multicast socket received go out from. */
    private volatile Map<String, InetAddress> answerFrom = Map.of();
    private final ServerSockets sockets;

    /**
     * @param serving whether the service is enabled ({@code dhcp-disable}): what arrives while it is not is dropped
     */
    Dhcp6Server(Dhcp6Srv srv, LeaseReclamation6 reclamation, Supplier<Optional<LeaseMgr>> leaseMgr, int workerCount,
            java.util.function.BooleanSupplier serving) {
        this.srv = srv;
        this.serving = serving;
        this.leaseMgr = leaseMgr;
        this.workers = new PacketWorkers("kea-dhcp6-worker", workerCount, srv::queueFull);
        this.timers = new ReclamationTimers("kea-dhcp6-reclaim", leaseMgr, reclamation,
                why -> Dhcp6Srv.LOG.log(DHCP6_LEASE_DATABASE_TIMERS_EXEC_FAIL, why));
        this.sockets = new ServerSockets("kea-dhcp6-io", this::received, new ServerSockets.Messages(Dhcp6Srv.LOG,
                DHCP6_OPEN_SOCKET, DHCP6_OPEN_SOCKET_FAIL, DHCP6_NO_SOCKETS_OPEN, DHCP6_PACKET_RECEIVE_FAIL));
    }

    private static InetAddress parse(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Dhcp6Runtime runtime() {
        return runtime;
    }

    /**
     * Listens on the sockets a configuration asks for (reopened only when they changed).
     *
     * @throws ConfigException when another process holds the port: the sockets before stay
     */
    @Override
    public void listen(Dhcp6Runtime next) throws ConfigException {
        next.config().interfaces().logActivation(Dhcp6Section.LOGGER_ROOT, false);
        int port = next.config().port();
        List<ListenSocket> wanted = new ArrayList<>();
        for (InterfacesConfig.Listen l : next.listens()) {
            Iface iface = l.iface();
            if (!iface.loopback()) { // loopback has no multicast: only relayed traffic reaches it
                wanted.add(new ListenSocket(iface, port, true, scoped(ALL_DHCP_RELAY_AGENTS_AND_SERVERS, iface),
                        List.of(ALL_DHCP_RELAY_AGENTS_AND_SERVERS)));
            }
            for (Inet6Address a : iface.v6Addresses()) {
                if (next.unicastAllowed(iface.name(), a)) {
                    Dhcp6Srv.LOG.log(DHCP6_SOCKET_UNICAST, Addresses.format(a), iface.name());
                }
                wanted.add(new ListenSocket(iface, port, true, scoped(a, iface), List.of()));
            }
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
    public synchronized void apply(Dhcp6Runtime next) {
        answerFrom = answerAddresses(next.listens());
        runtime = next;
        timers.schedule(next.config().expiration());
        workers.resize(next.config().multiThreading().workerThreads(), next.config().multiThreading().queueLimit());
        srv.engine().configured(next.subnetList(), leaseMgr.get().orElse(null));
        boolean waitForNothing = org.kea4j.dhcpsrv.cfg.DhcpConfigElements.packetsWaitForNothing(
                next.config().multiThreading(), next.config().leaseDatabase(), next.config().hostDatabases());
        workers.handleDirectlyWhen(() -> waitForNothing && srv.hooks().libraries().isEmpty());
    }

    /**
     * The address with the interface's scope (its index) when it is link-local (or link-scope multicast). Called
     * for every reply: the index alone, because a NetworkInterface lookup lists every interface of the host.
     */
    static InetAddress scoped(InetAddress address, Iface iface) {
        boolean linkScope = address.isLinkLocalAddress() || address.isMCLinkLocal();
        if (!linkScope) {
            return address;
        }
        try {
            return Inet6Address.getByAddress(null, address.getAddress(), iface.index());
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private void received(Datagram d) {
        if (!serving.getAsBoolean()) {
            srv.serviceDisabled();
            return;
        }
        workers.submit(() -> process(d));
    }

    void process(Datagram d) {
        Dhcp6Runtime rt = runtime;
        Optional<LeaseMgr> lm = leaseMgr.get();
        if (rt == null || lm.isEmpty()) {
            return;
        }
        Pkt6 query = d.addressing(new Pkt6(d.data(), d.data().length));
        workers.asClient(clientHash(d), () -> {
            Dhcp6Srv.Reply reply = srv.handle(query, rt, lm.get());
            if (reply != null) {
                send(reply, d);
            }
        });
    }

    /** A client's identity: its own address, or for a relayed message the peer address of the relay. */
    private static int clientHash(Datagram d) {
        byte[] data = d.data();
        if (data.length >= 34 && (data[0] & 0xFF) == Pkt6.RELAY_FORW) {
            return java.util.Arrays.hashCode(java.util.Arrays.copyOfRange(data, 18, 34));
        }
        return d.source().getAddress().hashCode();
    }

    private void send(Dhcp6Srv.Reply reply, Datagram received) {
        UdpTransport t = sockets.transport();
        InetAddress from = reply.from();
        if (from == null) {
            // received on the multicast socket: answer from the link-local address of the interface
            from = answerFrom.get(reply.iface());
        }
        if (t == null || from == null || !t.send(reply.iface(), true, from, reply.data(),
                new InetSocketAddress(reply.destination(), reply.port()),
                e -> Dhcp6Srv.LOG.log(DHCP6_PACKET_SEND_FAIL, String.valueOf(e.getMessage())))) {
            Dhcp6Srv.LOG.log(DHCP6_PACKET_SEND_FAIL, "no socket to answer " + received.source() + " on "
                    + reply.iface());
        }
    }

    /** Each interface's first link-local address (else its first IPv6 address), scoped: once per configuration. */
    private static Map<String, InetAddress> answerAddresses(List<InterfacesConfig.Listen> listens) {
        Map<String, InetAddress> out = new java.util.HashMap<>();
        for (InterfacesConfig.Listen l : listens) {
            firstLinkLocal(l.iface()).ifPresent(a -> out.put(l.iface().name(), scoped(a, l.iface())));
        }
        return Map.copyOf(out);
    }

    /** The interface's first link-local address, else its first IPv6 address (the interface is listed once). */
    private static Optional<Inet6Address> firstLinkLocal(Iface iface) {
        List<Inet6Address> addresses = iface.v6Addresses();
        for (Inet6Address a : addresses) {
            if (a.isLinkLocalAddress()) {
                return Optional.of(a);
            }
        }
        return addresses.stream().findFirst();
    }

    @Override
    public synchronized void close() {
        sockets.close();
        timers.close();
        workers.close();
        runtime = null;
    }
}
