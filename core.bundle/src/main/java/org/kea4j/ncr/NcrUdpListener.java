package org.kea4j.ncr;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives NameChangeRequests over UDP (Kea's framing: a 2-byte length in network order, then the JSON text) on
 * a thread of its own and hands each to a {@link Receiver}. It can pause — stop reading, leaving datagrams to
 * the socket's buffer — while its owner's queue is full.
 */
@ProviderType
public final class NcrUdpListener implements AutoCloseable {

    /** Where the requests go. Called on the listener's thread, one datagram at a time. */
    @ConsumerType
    public interface Receiver {
        /** A well-formed request arrived. */
        void received(NameChangeRequest ncr);

        /** A datagram that is not a request arrived; it is dropped. */
        void invalid(InetSocketAddress from, String reason);
    }

    private static final int MAX_DATAGRAM = 65_535;
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final Receiver receiver;
    private final Thread thread;
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean open = true;

    private NcrUdpListener(DatagramChannel channel, Receiver receiver) throws IOException {
        this.channel = channel;
        this.receiver = receiver;
        this.thread = new Thread(this::receiveLoop, "ncr-listener " + channel.getLocalAddress());
        thread.setDaemon(true);
    }

    /**
     * Binds the address and starts listening.
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static NcrUdpListener open(InetSocketAddress local, Receiver receiver) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            // room for bursts while the owner's queue drains (the kernel caps it at net.core.rmem_max)
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(local);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        NcrUdpListener listener = new NcrUdpListener(channel, receiver);
        listener.thread.start();
        return listener;
    }

    /** The address and port it listens on. */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Stops reading until {@link #resume()}; datagrams wait in the socket's buffer (or are lost when it is full). */
    public void pause() {
        paused = true;
    }

    /** Reads again after {@link #pause()}. */
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** Whether reading is paused. */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Reads one datagram's request.
     *
     * @throws NcrException when the framing or the JSON is wrong
     */
    public static NameChangeRequest unframe(ByteBuffer datagram) throws NcrException {
        if (datagram.remaining() < 2) {
            throw new NcrException("datagram of " + datagram.remaining() + " bytes is too short for an NCR");
        }
        int length = datagram.getShort() & 0xFFFF;
        if (length > datagram.remaining()) {
            throw new NcrException("NCR length " + length + " exceeds the " + datagram.remaining()
                    + " bytes that follow it");
        }
        byte[] json = new byte[length];
        datagram.get(json);
        return NcrJson.read(new String(json, StandardCharsets.UTF_8));
    }

    private void awaitResume() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && open) {
                pauseLock.wait(200);
            }
        }
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (open) {
            try {
                awaitResume();
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                buffer.flip();
                awaitResume(); // a datagram read while pausing is held until resumed
                NameChangeRequest ncr;
                try {
                    ncr = unframe(buffer);
                } catch (NcrException e) {
                    receiver.invalid(from, e.getMessage());
                    continue;
                }
                receiver.received(ncr);
            } catch (ClosedChannelException | InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (open) {
                    receiver.invalid(null, "receive failed: " + e);
                }
            }
        }
    }

    /** Closes the socket and stops the thread. */
    @Override
    public void close() {
        open = false;
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing more to tell
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
