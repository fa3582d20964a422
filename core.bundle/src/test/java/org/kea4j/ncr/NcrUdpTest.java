package org.kea4j.ncr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Sender and listener over real loopback sockets. */
class NcrUdpTest {

    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    static NameChangeRequest ncr(String name) throws Exception {
        return new NameChangeRequest(ChangeType.ADD, true, true, name, InetAddress.getByName("192.0.2.10"),
                Dhcid.fromHwAddr(1, new byte[] {1, 2, 3, 4, 5, 6}, name), Instant.parse("2026-12-01T10:00:00Z"), 1200,
                true);
    }

    /** Collects what a listener hands over. */
    static final class Collector implements NcrUdpListener.Receiver {
        final BlockingQueue<NameChangeRequest> received = new LinkedBlockingQueue<>();
        final BlockingQueue<String> invalid = new LinkedBlockingQueue<>();

        @Override
        public void received(NameChangeRequest ncr) {
            received.add(ncr);
        }

        @Override
        public void invalid(InetSocketAddress from, String reason) {
            invalid.add(reason);
        }
    }

    @Test
    void requestsArriveInOrderInBothStyles() throws Exception {
        Collector collector = new Collector();
        try (NcrUdpListener listener = NcrUdpListener.open(ANY_LOOPBACK, collector)) {
            for (NcrJson.Style style : NcrJson.Style.values()) {
                try (NcrUdpSender sender = new NcrUdpSender(ANY_LOOPBACK, listener.localAddress(), 16, style,
                        (ncr, cause) -> { })) {
                    for (int i = 0; i < 10; i++) {
                        assertTrue(sender.send(ncr("host" + i + ".example.com.")));
                    }
                    for (int i = 0; i < 10; i++) {
                        NameChangeRequest got = collector.received.poll(10, TimeUnit.SECONDS);
                        assertEquals(ncr("host" + i + ".example.com."), got, style.name());
                    }
                }
            }
        }
    }

    @Test
    void badDatagramsAreReportedAndTheListenerGoesOn() throws Exception {
        Collector collector = new Collector();
        try (NcrUdpListener listener = NcrUdpListener.open(ANY_LOOPBACK, collector);
                DatagramChannel raw = DatagramChannel.open()) {
            InetSocketAddress to = listener.localAddress();
            raw.send(ByteBuffer.wrap(new byte[] {7}), to);
            raw.send(ByteBuffer.wrap(new byte[] {0, 100, '{', '}'}), to);
            byte[] json = "{\"change-type\":0}".getBytes(StandardCharsets.US_ASCII);
            raw.send(ByteBuffer.allocate(2 + json.length).putShort((short) json.length).put(json).flip(), to);
            raw.send(NcrUdpSender.frame(ncr("good.example.com."), NcrJson.Style.KEA_1), to);
            assertEquals(ncr("good.example.com."), collector.received.poll(10, TimeUnit.SECONDS));
            assertTrue(collector.invalid.poll(1, TimeUnit.SECONDS).contains("too short"));
            assertTrue(collector.invalid.poll(1, TimeUnit.SECONDS).contains("exceeds"));
            assertTrue(collector.invalid.poll(1, TimeUnit.SECONDS).contains("forward-change"));
        }
    }

    @Test
    void pausedListenerReadsNothingUntilResumed() throws Exception {
        Collector collector = new Collector();
        try (NcrUdpListener listener = NcrUdpListener.open(ANY_LOOPBACK, collector);
                NcrUdpSender sender = new NcrUdpSender(ANY_LOOPBACK, listener.localAddress(), 4, NcrJson.Style.KEA_1,
                        (ncr, cause) -> { })) {
            listener.pause();
            assertTrue(sender.send(ncr("later.example.com.")));
            assertEquals(null, collector.received.poll(500, TimeUnit.MILLISECONDS));
            listener.resume();
            assertNotNull(collector.received.poll(10, TimeUnit.SECONDS));
            assertFalse(listener.isPaused());
        }
    }

    @Test
    void fullQueueRefusesAndClosedSenderRefuses() throws Exception {
        // a server address nobody reads: the sender thread may take at most one request off the queue meanwhile
        NcrUdpSender sender = new NcrUdpSender(ANY_LOOPBACK, new InetSocketAddress("127.0.0.1", 9), 2,
                NcrJson.Style.KEA_1, (ncr, cause) -> { });
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            if (sender.send(ncr("h" + i + ".example.com."))) {
                accepted++;
            }
        }
        assertTrue(accepted < 1000, "a bounded queue refuses some of 1000 requests offered at once");
        sender.close();
        assertFalse(sender.isRunning());
        assertFalse(sender.send(ncr("after.example.com.")));
    }

    @Test
    void ioErrorStopsTheSenderAndSaysSo() throws Exception {
        AtomicReference<IOException> stopped = new AtomicReference<>();
        // IPv4 socket sending to an IPv6 server: every send fails
        try (NcrUdpSender sender = new NcrUdpSender(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("::1", 53001), 4, NcrJson.Style.KEA_1, (ncr, cause) -> stopped.set(cause))) {
            assertTrue(sender.send(ncr("x.example.com.")));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stopped.get() == null && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertNotNull(stopped.get());
            assertFalse(sender.isRunning());
            assertFalse(sender.send(ncr("y.example.com.")));
        }
    }

    @Test
    void listenerRefusesAnAddressInUse() throws Exception {
        try (NcrUdpListener listener = NcrUdpListener.open(ANY_LOOPBACK, new Collector())) {
            assertThrows(IOException.class, () -> NcrUdpListener.open(listener.localAddress(), new Collector()));
        }
    }
}
