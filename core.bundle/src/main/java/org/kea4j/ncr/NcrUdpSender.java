package org.kea4j.ncr;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends NameChangeRequests to D2 over UDP, one per datagram with Kea's 2-byte length framing, from a bounded
 * queue on a thread of its own: {@link #send} never blocks the caller. When the queue is full the request is
 * refused; on an I/O error the sender stops and says so (what Kea logs as DHCPSRV_DHCP_DDNS_NCR_REJECTED and
 * DHCPSRV_DHCP_DDNS_SENDER_STOPPED is for the owner to log: see {@link Events}).
 */
@ProviderType
public final class NcrUdpSender implements AutoCloseable {

    /** What the sender reports. Called on the sender's thread. */
    @ConsumerType
    public interface Events {
        /** A request left in a datagram. */
        default void sent(NameChangeRequest ncr) {
        }

        /** The sender met an I/O error and stopped; the request it was sending and those queued are dropped. */
        void stopped(NameChangeRequest ncr, IOException cause);
    }

    private final DatagramChannel channel;
    private final SocketAddress server;
    private final NcrJson.Style style;
    private final Events events;
    private final BlockingQueue<NameChangeRequest> queue;
    private final Thread thread;
    private volatile boolean accepting = true;

    /**
     * Opens the socket and starts the sending thread.
     *
     * @param local        the address and port to send from (port 0: any free port)
     * @param server       D2's address and port
     * @param maxQueueSize how many requests may wait; more are refused
     * @param style        the JSON spelling D2 reads
     * @throws IOException when the local address cannot be bound
     */
    public NcrUdpSender(InetSocketAddress local, InetSocketAddress server, int maxQueueSize, NcrJson.Style style,
            Events events) throws IOException {
        if (maxQueueSize < 1) {
            throw new IllegalArgumentException("max queue size must be at least 1");
        }
        this.channel = DatagramChannel.open();
        try {
            channel.bind(local);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.server = server;
        this.style = style;
        this.events = events;
        this.queue = new ArrayBlockingQueue<>(maxQueueSize);
        this.thread = new Thread(this::sendLoop, "ncr-sender " + local + " -> " + server);
        thread.setDaemon(true);
        thread.start();
    }

    /** The address the datagrams leave from. */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * Queues a request.
     *
     * @return false when the queue is full or the sender has stopped: the request is not sent
     */
    public boolean send(NameChangeRequest ncr) {
        return accepting && queue.offer(ncr);
    }

    /** The requests waiting to be sent. */
    public int queueSize() {
        return queue.size();
    }

    /** Whether the sender takes requests (it stops on close and on an I/O error). */
    public boolean isRunning() {
        return accepting;
    }

    /** The datagram of a request: 2-byte length in network order, then the JSON text. */
    public static ByteBuffer frame(NameChangeRequest ncr, NcrJson.Style style) {
        byte[] json = NcrJson.write(ncr, style).getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(2 + json.length);
        buffer.putShort((short) json.length).put(json).flip();
        return buffer;
    }

    private void sendLoop() {
        while (true) {
            NameChangeRequest ncr;
            try {
                ncr = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (ncr == null) {
                if (!accepting) {
                    break; // closed and drained
                }
                continue;
            }
            try {
                channel.send(frame(ncr, style), server);
                events.sent(ncr);
            } catch (IOException e) {
                accepting = false;
                queue.clear();
                events.stopped(ncr, e);
                break;
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing more to tell
        }
    }

    /**
     * Stops the sender: no more requests are taken, those queued are still sent (waiting at most 2 s for them),
     * then the socket closes.
     */
    @Override
    public void close() {
        accepting = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
