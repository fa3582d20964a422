package org.kea4j.dhcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigException;

class ServerSocketsTest {

    private static final ServerSockets.Messages MESSAGES = TestSocketMessages.MESSAGES;

    private static Iface loopback() {
        return Iface.detect().stream().filter(Iface::loopback).findFirst().orElseThrow();
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Sends one datagram to the port on loopback; whether it arrived. */
    private static boolean reaches(int port, BlockingQueue<Datagram> received) throws Exception {
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.send(new DatagramPacket(new byte[] {7}, 1, new InetSocketAddress("127.0.0.1", port)));
        }
        return received.poll(5, TimeUnit.SECONDS) != null;
    }

    @Test
    void theSameSocketsOnAFreshlyDetectedInterfaceAreNotReopened() throws Exception {
        int port = freePort();
        try (ServerSockets sockets = new ServerSockets("test-io", d -> { }, MESSAGES)) {
            sockets.listen(List.of(new ListenSocket(loopback(), port, false, List.of())));
            UdpTransport first = sockets.transport();
            assertNotNull(first);
            sockets.listen(List.of(new ListenSocket(loopback(), port, false, List.of())));
            assertSame(first, sockets.transport(), "an unchanged configuration keeps its sockets");
        }
    }

    @Test
    void aPortHeldByAnotherSocketFailsTheChangeAndThePreviousSocketsServeAgain() throws Exception {
        int held = freePort();
        int mine = freePort();
        BlockingQueue<Datagram> received = new ArrayBlockingQueue<>(8);
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress("0.0.0.0", held));
                ServerSockets sockets = new ServerSockets("test-io", received::add, MESSAGES)) {
            sockets.listen(List.of(new ListenSocket(loopback(), mine, false, List.of())));
            assertTrue(reaches(mine, received));
            ConfigException e = assertThrows(ConfigException.class,
                    () -> sockets.listen(List.of(new ListenSocket(loopback(), held, false, List.of()))));
            assertEquals("interface " + loopback().name() + ", port " + held + " is in use by another process",
                    e.reason());
            assertEquals("interfaces-config", e.element());
            assertTrue(reaches(mine, received), "the sockets before serve again");
            assertEquals(1, sockets.transport().openSockets().size());
            assertEquals(mine, sockets.transport().openSockets().get(0).port());
        }
    }

    @Test
    void aFirstListenOnAHeldPortLeavesNoSocket() throws Exception {
        int held = freePort();
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress("0.0.0.0", held));
                ServerSockets sockets = new ServerSockets("test-io", d -> { }, MESSAGES)) {
            assertThrows(ConfigException.class,
                    () -> sockets.listen(List.of(new ListenSocket(loopback(), held, false, List.of()))));
            assertNull(sockets.transport());
        }
    }

    @Test
    void revertPutsBackTheSocketsBeforeTheLastChange() throws Exception {
        int first = freePort();
        int second = freePort();
        BlockingQueue<Datagram> received = new ArrayBlockingQueue<>(8);
        try (ServerSockets sockets = new ServerSockets("test-io", received::add, MESSAGES)) {
            sockets.listen(List.of(new ListenSocket(loopback(), first, false, List.of())));
            sockets.listen(List.of(new ListenSocket(loopback(), second, false, List.of())));
            assertTrue(reaches(second, received));
            sockets.revert();
            assertTrue(reaches(first, received), "the sockets before the change serve again");
            assertEquals(first, sockets.transport().openSockets().get(0).port());

            UdpTransport kept = sockets.transport();
            sockets.listen(List.of(new ListenSocket(loopback(), first, false, List.of())));
            sockets.revert();
            assertSame(kept, sockets.transport(), "after a listen that changed nothing, revert changes nothing");
        }
        try (ServerSockets sockets = new ServerSockets("test-io", received::add, MESSAGES)) {
            sockets.listen(List.of(new ListenSocket(loopback(), first, false, List.of())));
            sockets.revert();
            assertNull(sockets.transport(), "before the first configuration there were no sockets");
        }
    }
}
