package org.kea4j.core.internal.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt6;

/**
 * A small DHCPv6 client that reaches the server through a relay layer it adds itself (RELAY-FORW to the
 * server's unicast address), so it works over loopback on unprivileged ports: SOLICIT, ADVERTISE,
 * REQUEST, REPLY for one IA_NA and optionally one IA_PD, and optionally RELEASE.
 */
final class Dhcp6Client implements AutoCloseable {

    /** The outcome of an exchange. */
    record Exchange(Pkt6 advertise, Pkt6 reply) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Inet6Address linkAddress;
    private final int timeoutMillis;

    Dhcp6Client(InetSocketAddress server, Inet6Address linkAddress, int localPort, int timeoutMillis)
            throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(localPort));
        this.server = server;
        this.linkAddress = linkAddress;
        this.timeoutMillis = timeoutMillis;
    }

    /** A DUID-LL of a MAC address. */
    static byte[] duid(byte[] mac) {
        byte[] d = new byte[4 + mac.length];
        d[1] = 3;
        d[3] = 1;
        System.arraycopy(mac, 0, d, 4, mac.length);
        return d;
    }

    /** SOLICIT → ADVERTISE → REQUEST → REPLY. */
    Exchange sarr(byte[] duid, boolean address, boolean prefix) throws IOException {
        long xid = ThreadLocalRandom.current().nextLong(0, 0xFFFFFF);
        Pkt6 solicit = message(Pkt6.SOLICIT, xid, duid, address, prefix);
        Pkt6 advertise = exchange(solicit, Pkt6.ADVERTISE, duid);
        if (advertise == null) {
            return new Exchange(null, null);
        }
        Pkt6 request = new Pkt6(Pkt6.REQUEST, xid + 1);
        request.addOption(new Option(Options6.CLIENTID, duid));
        request.addOption(advertise.getOption(Options6.SERVERID));
        for (Option o : advertise.options()) {
            if (o.code() == Options6.IA_NA || o.code() == Options6.IA_PD) {
                request.addOption(o);
            }
        }
        request.addOption(new Option(Options6.ORO, new byte[] {0, 23, 0, 24}));
        return new Exchange(advertise, exchange(request, Pkt6.REPLY, duid));
    }

    /** RELEASE of everything a REPLY granted. */
    Pkt6 release(byte[] duid, Pkt6 reply) throws IOException {
        Pkt6 release = new Pkt6(Pkt6.RELEASE, ThreadLocalRandom.current().nextLong(0, 0xFFFFFF));
        release.addOption(new Option(Options6.CLIENTID, duid));
        release.addOption(reply.getOption(Options6.SERVERID));
        for (Option o : reply.options()) {
            if (o.code() == Options6.IA_NA || o.code() == Options6.IA_PD) {
                release.addOption(o);
            }
        }
        return exchange(release, Pkt6.REPLY, duid);
    }

    private static Pkt6 message(int type, long xid, byte[] duid, boolean address, boolean prefix) {
        Pkt6 p = new Pkt6(type, xid);
        p.addOption(new Option(Options6.CLIENTID, duid));
        p.addOption(new Option(Options6.ELAPSED_TIME, new byte[2]));
        if (address) {
            p.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of()).toOption());
        }
        if (prefix) {
            p.addOption(new Options6.Ia(Options6.IA_PD, 2, 0, 0, List.of()).toOption());
        }
        p.addOption(new Option(Options6.ORO, new byte[] {0, 23, 0, 24}));
        return p;
    }

    private Pkt6 exchange(Pkt6 query, int expected, byte[] duid) throws IOException {
        byte[] peer = new byte[16];
        peer[0] = (byte) 0xfe;
        peer[1] = (byte) 0x80;
        System.arraycopy(duid, duid.length - 6, peer, 10, 6);
        byte[] wire = Pkt6.relayForward(query.pack(), 0, linkAddress,
                (Inet6Address) java.net.InetAddress.getByAddress(peer), new ArrayList<>());
        socket.send(new DatagramPacket(wire, wire.length, server));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        byte[] buf = new byte[4096];
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) left);
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                return null;
            }
            try {
                Pkt6 reply = Pkt6.parse(in.getData(), in.getLength());
                if (reply.transid() == query.transid() && reply.getType() == expected) {
                    return reply;
                }
            } catch (PacketParseException e) {
                // not ours: keep waiting
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
