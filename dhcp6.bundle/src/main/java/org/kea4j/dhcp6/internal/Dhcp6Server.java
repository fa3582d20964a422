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
import java.util.function.BooleanSupplier;
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
import org.kea4j.dhcpsrv.cfg.RunningServer;

/**
 * The running DHCPv6 server ({@link RunningServer}): on each configured interface a socket on
 * All_DHCP_Relay_Agents_and_Servers (ff02::1:2) and one on each of its addresses (so that every datagram's
 * destination is known: multicast, link-local or unicast).
 */
final class Dhcp6Server extends RunningServer<Dhcp6Runtime> {

    static final InetAddress ALL_DHCP_RELAY_AGENTS_AND_SERVERS = parse("ff02::1:2");

    private final Dhcp6Srv srv;
    /** By interface name, the (scoped) address replies to what the multicast socket received go out from. */
    private volatile Map<String, InetAddress> answerFrom = Map.of();

    /**
     * @param serving whether the service is enabled ({@code dhcp-disable}): what arrives while it is not is dropped
     */
    Dhcp6Server(Dhcp6Srv srv, LeaseReclamation6 reclamation, Supplier<Optional<LeaseMgr>> leaseMgr, int workerCount,
            BooleanSupplier serving) {
        super(Dhcp6Section.LOGGER_ROOT, srv, reclamation, leaseMgr, workerCount, serving,
                why -> Dhcp6Srv.LOG.log(DHCP6_LEASE_DATABASE_TIMERS_EXEC_FAIL, why),
                new ServerSockets.Messages(Dhcp6Srv.LOG, DHCP6_OPEN_SOCKET, DHCP6_OPEN_SOCKET_FAIL,
                        DHCP6_NO_SOCKETS_OPEN, DHCP6_PACKET_RECEIVE_FAIL));
        this.srv = srv;
    }

    private static InetAddress parse(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
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

    /** Swaps in a configuration whose sockets are open, with the addresses its replies go out from. */
    @Override
    public synchronized void apply(Dhcp6Runtime next) {
        answerFrom = answerAddresses(next.listens());
        super.apply(next);
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

    @Override
    protected void handle(Datagram d, Dhcp6Runtime rt, LeaseMgr leases) {
        Pkt6 query = d.addressing(new Pkt6(d.data(), d.data().length));
        workers.asClient(clientHash(d), () -> {
            Dhcp6Srv.Reply reply = srv.handle(query, rt, leases);
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
}
