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
import java.util.function.BooleanSupplier;
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
import org.kea4j.dhcpsrv.cfg.RunningServer;

/** The running DHCPv4 server ({@link RunningServer}): a socket on each configured interface. */
final class Dhcp4Server extends RunningServer<Dhcp4Runtime> {

    private final Dhcp4Srv srv;

    /**
     * @param serving whether the service is enabled ({@code dhcp-disable}): what arrives while it is not is dropped
     */
    Dhcp4Server(Dhcp4Srv srv, LeaseReclamation4 reclamation, Supplier<Optional<LeaseMgr>> leaseMgr, int workerCount,
            BooleanSupplier serving) {
        super(Dhcp4Section.LOGGER_ROOT, srv, reclamation, leaseMgr, workerCount, serving,
                why -> Dhcp4Srv.LOG.log(DHCP4_LEASE_DATABASE_TIMERS_EXEC_FAIL, why),
                new ServerSockets.Messages(Dhcp4Srv.LOG, DHCP4_OPEN_SOCKET, DHCP4_OPEN_SOCKET_FAIL,
                        DHCP4_NO_SOCKETS_OPEN, DHCP4_PACKET_RECEIVE_FAIL));
        this.srv = srv;
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

    @Override
    protected void handle(Datagram d, Dhcp4Runtime rt, LeaseMgr leases) {
        Pkt4 query = d.addressing(new Pkt4(d.data(), d.data().length));
        workers.asClient(clientHash(d.data()), () -> {
            Dhcp4Srv.Reply reply = srv.handle(query, rt, leases);
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
}
