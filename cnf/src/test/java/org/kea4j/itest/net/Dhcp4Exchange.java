package org.kea4j.itest.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;

/**
 * A DHCPv4 client on loopback for servers that listen on a port of their own: its queries are relayed by
 * 127.0.0.1 with the relay-port sub-option (RFC 8357), so the answers come back to its socket.
 */
public final class Dhcp4Exchange implements AutoCloseable {

    private final DatagramSocket socket;
    private final int serverPort;

    /** A client of a server on {@code serverPort}, its socket on any free port. */
    public Dhcp4Exchange(int serverPort) throws IOException {
        this(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)), serverPort);
    }

    private Dhcp4Exchange(DatagramSocket socket, int serverPort) {
        this.socket = socket;
        this.serverPort = serverPort;
    }

    /**
     * A client of a kea4j server yet to start, with a free pair of ports: the server's, and the one above it where
     * kea4j answers when its port is not 67 (the client's socket).
     */
    public static Dhcp4Exchange withPortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                port = probe.getLocalPort();
            }
            if (port >= 65535) {
                continue;
            }
            try {
                return new Dhcp4Exchange(new DatagramSocket(new InetSocketAddress("127.0.0.1", port + 1)), port);
            } catch (IOException taken) {
                // another pair
            }
        }
        throw new IOException("no free pair of UDP ports");
    }

    /** The server's port. */
    public int serverPort() {
        return serverPort;
    }

    /** A query from this hardware address, relayed, with the options given. */
    public Pkt4 query(int type, long transid, byte[] mac, Option... options) {
        Pkt4 p = new Pkt4(type, transid);
        p.setHWAddr(1, mac);
        p.setGiaddr((Inet4Address) InetAddress.getLoopbackAddress());
        p.setHops(1);
        for (Option o : options) {
            p.addOption(o);
        }
        p.addOption(new Option(82, Option.packSubOptions4(List.of(Option.uint16(19, socket.getLocalPort())))));
        return p;
    }

    /** Sends a query without waiting for an answer. */
    public void send(Pkt4 query) throws IOException {
        byte[] wire = query.pack();
        socket.send(new DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", serverPort)));
    }

    /** Sends a query and returns the answer with its transaction id, or null after 5 s. */
    public Pkt4 ask(Pkt4 query) throws IOException {
        send(query);
        byte[] buf = new byte[1500];
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException none) {
                return null;
            }
            try {
                Pkt4 reply = Pkt4.parse(p.getData(), p.getLength());
                if (reply.transid() == query.transid()) {
                    return reply;
                }
            } catch (Exception notDhcp) {
                // keep waiting
            }
        }
        return null;
    }

    /**
     * DISCOVER, OFFER, REQUEST (with the offered address and the server identifier), and the answer to the
     * REQUEST (null when there is none); the options go into both queries.
     */
    public Pkt4 lease(long transid, byte[] mac, Option... options) throws IOException {
        Pkt4 offer = ask(query(Pkt4.DHCPDISCOVER, transid, mac, options));
        if (offer == null) {
            return null;
        }
        Pkt4 request = query(Pkt4.DHCPREQUEST, transid + 1, mac, options);
        request.addOption(Option.ipv4(50, offer.yiaddr()));
        request.addOption(offer.getOption(54));
        return ask(request);
    }

    /** Releases a lease the server acknowledged. */
    public void release(long transid, byte[] mac, Pkt4 ack, Option... options) throws IOException {
        Pkt4 release = query(Pkt4.DHCPRELEASE, transid, mac, options);
        release.setCiaddr((Inet4Address) ack.yiaddr());
        release.addOption(ack.getOption(54));
        send(release);
    }

    /** Option 81 with the flags given and the name in DNS wire form (E=1 is added). */
    public static Option fqdn(int flags, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags | 0x04);
        out.write(0);
        out.write(0);
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : n.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        if (name.endsWith(".")) {
            out.write(0);
        }
        return new Option(81, out.toByteArray());
    }

    @Override
    public void close() {
        socket.close();
    }
}
