package org.kea4j.core.internal.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt4;

/**
 * A small DHCPv4 client that talks to a server as a relay agent would (giaddr set, replies to the relay's
 * port), so it works over loopback on unprivileged ports: DISCOVER, OFFER, REQUEST, ACK and optionally
 * RELEASE.
 */
public final class Dhcp4Client implements AutoCloseable {

    /** The outcome of a four-way exchange. */
    public record Exchange(Pkt4 offer, Pkt4 ack) {
        public boolean granted() {
            return ack != null && ack.getType() == Pkt4.DHCPACK;
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Inet4Address relay;
    private final int timeoutMillis;

    public Dhcp4Client(InetSocketAddress server, Inet4Address relay, int localPort, int timeoutMillis) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(relay, localPort));
        this.server = server;
        this.relay = relay;
        this.timeoutMillis = timeoutMillis;
    }

    /** A random locally administered MAC address. */
    static byte[] randomMac() {
        byte[] mac = new byte[6];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] = (byte) ((mac[0] & 0xFE) | 0x02);
        return mac;
    }

    /** DISCOVER → OFFER → REQUEST → ACK (or NAK) for one client. */
    public Exchange dora(byte[] mac) throws IOException {
        long xid = ThreadLocalRandom.current().nextLong(0, 0xFFFF_FFFFL);
        Pkt4 discover = query(Pkt4.DHCPDISCOVER, xid, mac);
        Pkt4 offer = exchange(discover, Pkt4.DHCPOFFER);
        if (offer == null) {
            return new Exchange(null, null);
        }
        Pkt4 request = query(Pkt4.DHCPREQUEST, xid, mac);
        request.addOption(Option.ipv4(Options4.REQUESTED_ADDRESS, offer.yiaddr()));
        Option serverId = offer.getOption(Options4.SERVER_IDENTIFIER);
        if (serverId != null) {
            request.addOption(serverId);
        }
        return new Exchange(offer, exchange(request, Pkt4.DHCPACK));
    }

    /** Releases a granted address. */
    void release(byte[] mac, Pkt4 ack) throws IOException {
        Pkt4 release = query(Pkt4.DHCPRELEASE, ThreadLocalRandom.current().nextLong(0, 0xFFFF_FFFFL), mac);
        release.setCiaddr(ack.yiaddr());
        Option serverId = ack.getOption(Options4.SERVER_IDENTIFIER);
        if (serverId != null) {
            release.addOption(serverId);
        }
        send(release);
    }

    private Pkt4 query(int type, long xid, byte[] mac) {
        Pkt4 p = new Pkt4(type, xid);
        p.setHWAddr(1, mac);
        p.setGiaddr(relay);
        p.setHops(1);
        byte[] clientId = new byte[mac.length + 1];
        clientId[0] = 1;
        System.arraycopy(mac, 0, clientId, 1, mac.length);
        p.addOption(new Option(Options4.CLIENT_ID, clientId));
        p.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {1, 3, 6, 15, 28, 42, 51, 54, 58, 59}));
        return p;
    }

    private void send(Pkt4 p) throws IOException {
        byte[] data = p.pack();
        socket.send(new DatagramPacket(data, data.length, server));
    }

    /** Sends a query and waits for the reply of this transaction (NAK included); null on time-out. */
    private Pkt4 exchange(Pkt4 query, int expected) throws IOException {
        send(query);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        byte[] buf = new byte[1500];
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
                Pkt4 reply = Pkt4.parse(in.getData(), in.getLength());
                if (reply.transid() == query.transid()
                        && (reply.getType() == expected || reply.getType() == Pkt4.DHCPNAK)) {
                    return reply;
                }
            } catch (PacketParseException e) {
                // not a DHCP reply: keep waiting
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
