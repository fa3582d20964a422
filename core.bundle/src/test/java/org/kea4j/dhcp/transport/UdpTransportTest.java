package org.kea4j.dhcp.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UdpTransportTest {

    private static Iface loopback() {
        for (Iface i : Iface.detect()) {
            if (i.loopback()) {
                return i;
            }
        }
        throw new AssertionError("no loopback interface");
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void receivesWithInterfaceAndDestinationAndAnswers() throws Exception {
        Iface lo = loopback();
        int port = freePort();
        BlockingQueue<Datagram> received = new ArrayBlockingQueue<>(4);
        List<Exception> failures = new CopyOnWriteArrayList<>();
        try (UdpTransport t = UdpTransport.open("test-udp", List.of(new ListenSocket(lo, port, false, List.of())),
                received::add, (s, e) -> failures.add(e), UdpTransportTest::unexpected);
                DatagramSocket client = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            assertTrue(failures.isEmpty(), failures.toString());
            assertEquals(1, t.openSockets().size());
            byte[] payload = {1, 2, 3};
            client.send(new DatagramPacket(payload, 3, new InetSocketAddress("127.0.0.1", port)));
            Datagram d = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(d);
            assertArrayEquals(payload, d.data());
            assertEquals(lo.name(), d.iface());
            assertEquals(InetAddress.getByName("127.0.0.1"), d.destination());
            assertEquals(client.getLocalPort(), d.source().getPort());

            assertTrue(t.send(lo.name(), false, new byte[] {9}, d.source(), Throwable::printStackTrace));
            client.setSoTimeout(5000);
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            client.receive(reply);
            assertEquals(1, reply.getLength());
            assertEquals(9, reply.getData()[0]);
            assertEquals(port, reply.getPort());
        }
    }

    /** Replies sent by many threads at once arrive from the server's port; a close waits for the sends under way. */
    @Test
    void repliesFromManyThreadsArriveAndACloseWaitsForThoseUnderWay() throws Exception {
        assertTrue(Transports.epoll(), "epoll, whose sockets the sending threads write to themselves");
        Iface lo = loopback();
        int port = freePort();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            client.setReceiveBufferSize(4 << 20);
            UdpTransport t = UdpTransport.open("test-udp", List.of(new ListenSocket(lo, port, false, List.of())),
                    d -> { }, (s, e) -> failures.add(e), UdpTransportTest::unexpected);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", client.getLocalPort());
            java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(4);
            List<Thread> senders = new java.util.ArrayList<>();
            for (int n = 0; n < 4; n++) {
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < 2000; i++) {
                        if (i == 100) {
                            halfway.countDown();
                        }
                        if (t.send(lo.name(), false, new byte[] {7, (byte) i}, to, failures::add)) {
                            sent.incrementAndGet();
                        }
                    }
                });
                senders.add(sender);
                sender.start();
            }
            assertTrue(halfway.await(10, TimeUnit.SECONDS));
            t.close(); // while the senders are sending
            for (Thread sender : senders) {
                sender.join(10_000);
                assertTrue(!sender.isAlive());
            }
            assertEquals(false, t.send(lo.name(), false, new byte[] {1}, to, failures::add), "closed: nothing sent");
            assertTrue(failures.isEmpty(), failures.toString());
            assertTrue(sent.get() >= 400, "sent before the close: " + sent.get());
            client.setSoTimeout(2000);
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            client.receive(reply);
            assertEquals(port, reply.getPort(), "from the server's socket");
            assertEquals(7, reply.getData()[0]);
        }
    }

    /** A datagram the kernel refuses (an IPv6 destination on an IPv4 socket) is reported, not lost silently. */
    @Test
    void aRefusedReplyIsReported() throws Exception {
        Iface lo = loopback();
        int port = freePort();
        BlockingQueue<Throwable> failures = new ArrayBlockingQueue<>(4);
        try (UdpTransport t = UdpTransport.open("test-udp", List.of(new ListenSocket(lo, port, false, List.of())),
                d -> { }, (s, e) -> failures.add(e), UdpTransportTest::unexpected)) {
            assertTrue(t.send(lo.name(), false, new byte[] {1}, new InetSocketAddress("::1", 9), failures::add));
            assertNotNull(failures.poll(5, TimeUnit.SECONDS), "the refusal reached the caller's report");
        }
    }

    @Test
    void reportsASocketThatCannotOpen() throws Exception {
        Iface ghost = new Iface("nosuchif0", 999, List.of(), true, false, null);
        List<Exception> failures = new CopyOnWriteArrayList<>();
        try (UdpTransport t = UdpTransport.open("test-udp", List.of(new ListenSocket(ghost, freePort(), false,
                List.of())), d -> { }, (s, e) -> failures.add(e), UdpTransportTest::unexpected)) {
            assertEquals(1, failures.size());
            assertTrue(t.openSockets().isEmpty());
            assertEquals(false, t.send("nosuchif0", false, new byte[1], new InetSocketAddress("127.0.0.1", 9), e -> { }));
        }
    }

    @Test
    void anIpv6SocketBoundToAnAddressReportsItAsTheDestination() throws Exception {
        Iface lo = loopback();
        int port = freePort();
        BlockingQueue<Datagram> received = new ArrayBlockingQueue<>(4);
        InetAddress v6Loopback = InetAddress.getByName("::1");
        try (UdpTransport t = UdpTransport.open("test-udp6", List.of(new ListenSocket(lo, port, true, v6Loopback,
                List.of())),
                received::add, (s, e) -> { throw new AssertionError(e); }, UdpTransportTest::unexpected);
                DatagramSocket client = new DatagramSocket(0, InetAddress.getByName("::1"))) {
            client.send(new DatagramPacket(new byte[] {4}, 1, new InetSocketAddress("::1", port)));
            Datagram d = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(d);
            assertEquals(InetAddress.getByName("::1"), d.destination());
            assertTrue(t.send(lo.name(), true, v6Loopback, new byte[] {5}, d.source(), Throwable::printStackTrace));
            client.setSoTimeout(5000);
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            client.receive(reply);
            assertEquals(5, reply.getData()[0]);
        }
    }

    /** The NIO fallback: an IPv4 wildcard socket becomes one per address, which receives and answers. */
    @Test
    void theNioTransportServesOnTheInterfacesAddresses() throws Exception {
        String before = System.getProperty(Transports.PROPERTY);
        System.setProperty(Transports.PROPERTY, "nio");
        try {
            Iface lo = loopback();
            int port = freePort();
            BlockingQueue<Datagram> received = new ArrayBlockingQueue<>(4);
            List<Exception> failures = new CopyOnWriteArrayList<>();
            try (UdpTransport t = UdpTransport.open("test-udp", List.of(new ListenSocket(lo, port, false, List.of())),
                    received::add, (s, e) -> failures.add(e), UdpTransportTest::unexpected);
                    DatagramSocket client = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                assertTrue(failures.isEmpty(), failures.toString());
                assertEquals(lo.v4Addresses().size(), t.openSockets().size(), "one socket per IPv4 address");
                client.send(new DatagramPacket(new byte[] {5}, 1, new InetSocketAddress("127.0.0.1", port)));
                Datagram d = received.poll(5, TimeUnit.SECONDS);
                assertNotNull(d);
                assertEquals(lo.name(), d.iface());
                assertEquals(InetAddress.getByName("127.0.0.1"), d.destination());
                assertTrue(t.send(lo.name(), false, new byte[] {6}, d.source(), Throwable::printStackTrace),
                        "a reply goes out of a socket of the interface");
                client.setSoTimeout(5000);
                DatagramPacket reply = new DatagramPacket(new byte[16], 16);
                client.receive(reply);
                assertEquals(6, reply.getData()[0]);
            }
        } finally {
            if (before == null) {
                System.clearProperty(Transports.PROPERTY);
            } else {
                System.setProperty(Transports.PROPERTY, before);
            }
        }
    }

    private static void unexpected(Iface iface, Throwable e) {
        throw new AssertionError("read error on " + iface.name(), e);
    }

    /** A read error on a socket concerns one datagram: it is reported with the interface, and reading goes on. */
    @Test
    void aReadErrorIsReportedAndTheSocketKeepsReceiving() throws Exception {
        Iface lo = loopback();
        List<String> errors = new CopyOnWriteArrayList<>();
        BlockingQueue<Datagram> received = new ArrayBlockingQueue<>(4);
        UdpTransport.Receiver receiver = new UdpTransport.Receiver(lo, 67, null, received::add,
                (iface, e) -> errors.add(iface.name() + ": " + e.getMessage()));
        io.netty.channel.embedded.EmbeddedChannel channel = new io.netty.channel.embedded.EmbeddedChannel(receiver);
        channel.pipeline().fireExceptionCaught(new java.io.IOException("No buffer space available"));
        assertEquals(List.of(lo.name() + ": No buffer space available"), errors);
        channel.writeInbound(new io.netty.channel.socket.DatagramPacket(io.netty.buffer.Unpooled.wrappedBuffer(
                new byte[] {1}), new InetSocketAddress("127.0.0.1", 67), new InetSocketAddress("127.0.0.1", 68)));
        assertNotNull(received.poll(1, TimeUnit.SECONDS), "the next datagram still arrives");
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }
}
