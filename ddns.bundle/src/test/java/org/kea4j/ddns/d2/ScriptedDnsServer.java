package org.kea4j.ddns.d2;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;

/**
 * A DNS server on loopback that answers each UPDATE as scripted: an RCODE, no answer at all, or a corrupt
 * answer; it keeps every message it received. With a key it verifies signed updates and signs its answers.
 */
final class ScriptedDnsServer implements AutoCloseable {

    /** No answer: the client times out. */
    static final int DROP = -1;
    /** Bytes that are not a DNS message. */
    static final int CORRUPT = -2;

    private final DatagramSocket socket;
    private final BlockingQueue<Integer> script = new LinkedBlockingQueue<>();
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<Integer> tsigErrors = new CopyOnWriteArrayList<>();
    private final TSIG key;
    private final Thread thread;

    ScriptedDnsServer(TSIG key) throws SocketException {
        this.key = key;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "scripted-dns");
        thread.setDaemon(true);
        thread.start();
    }

    ScriptedDnsServer() throws SocketException {
        this(null);
    }

    /** The answers to give, in order; when the script runs out the answer is NOERROR. */
    ScriptedDnsServer answer(int... rcodes) {
        for (int rcode : rcodes) {
            script.add(rcode);
        }
        return this;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every update received, in order. */
    List<Message> received() {
        return received;
    }

    /** The TSIG verification result of each signed update received (Rcode.NOERROR when it verified). */
    List<Integer> tsigErrors() {
        return tsigErrors;
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] wire = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                Message query = new Message(wire);
                received.add(query);
                Integer scripted = script.poll();
                int action = scripted == null ? Rcode.NOERROR : scripted;
                if (action == DROP) {
                    continue;
                }
                byte[] out;
                if (action == CORRUPT) {
                    out = new byte[] {(byte) (query.getHeader().getID() >> 8), (byte) query.getHeader().getID(), 1};
                } else {
                    Message response = new Message(query.getHeader().getID());
                    response.getHeader().setOpcode(query.getHeader().getOpcode());
                    response.getHeader().setFlag(Flags.QR);
                    response.getHeader().setRcode(action);
                    if (key != null && query.getTSIG() != null) {
                        tsigErrors.add(key.verify(query, wire, null));
                        response.setTSIG(key, Rcode.NOERROR, query.getTSIG());
                    }
                    out = response.toWire(65535);
                }
                socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
