package org.kea4j.dhcp.transport;

import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_SOCKETS_NIO;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kea4j.config.ConfigException;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageId;

/**
 * The UDP sockets of one DHCP server, changed only when the sockets a configuration asks for change. A socket
 * whose port another process holds (on that interface) fails the change: kea4j does not share a port with
 * another server, which would answer its clients. The sockets open before are then open again. Other failures
 * (an interface gone, an address not yet usable) are logged and that socket is skipped, as in Kea.
 */
public final class ServerSockets implements AutoCloseable {

    /**
     * What a server logs about its sockets, with its own message IDs.
     *
     * @param log      the server's logger
     * @param opening  the sockets are being opened on a port ({@code DHCP4_OPEN_SOCKET}, argument: the port)
     * @param failed   a socket could not be opened ({@code DHCP4_OPEN_SOCKET_FAIL}, argument: which and why)
     * @param noneOpen no socket is open ({@code DHCP4_NO_SOCKETS_OPEN})
     * @param readFailed reading a datagram failed ({@code DHCP4_PACKET_RECEIVE_FAIL}, argument: where and why)
     */
    public record Messages(KeaLogger log, MessageId opening, MessageId failed, MessageId noneOpen,
            MessageId readFailed) {
    }

    private final String threadName;
    private final Consumer<Datagram> receiver;
    private final Messages messages;
    private List<ListenSocket> requested;
    private List<List<Object>> requestedKey;
    /** The sockets asked for before the last change, for {@link #revert()}. */
    private List<ListenSocket> previous;
    private volatile UdpTransport transport;

    /**
     * @param threadName the I/O thread's name
     * @param receiver   called on the I/O thread for each datagram
     * @param messages   the server's messages
     */
    public ServerSockets(String threadName, Consumer<Datagram> receiver, Messages messages) {
        this.threadName = threadName;
        this.receiver = receiver;
        this.messages = messages;
    }

    /**
     * Listens on exactly these sockets; nothing changes when they are the ones asked for already.
     *
     * @throws ConfigException (of {@code interfaces-config}) when another process holds the port of one of them:
     *                         the sockets asked for before are open again
     */
    public synchronized void listen(List<ListenSocket> sockets) throws ConfigException {
        List<List<Object>> key = sockets.stream().map(ServerSockets::key).toList();
        if (key.equals(requestedKey)) {
            previous = requested; // nothing changed: nothing to put back
            return;
        }
        List<ListenSocket> before = requested;
        List<List<Object>> beforeKey = requestedKey;
        closeTransport();
        String inUse = open(sockets);
        if (inUse != null) {
            closeTransport();
            if (before != null) {
                open(before);
            }
            requested = before;
            requestedKey = beforeKey;
            throw new ConfigException("interfaces-config", inUse, null);
        }
        previous = before;
        requested = List.copyOf(sockets);
        requestedKey = key;
    }

    /**
     * Puts back the sockets asked for before the last change (none before the first one): the configuration
     * that asked for them failed after its sockets opened.
     */
    public synchronized void revert() {
        List<ListenSocket> back = previous;
        if (back != null && back.equals(requested)) {
            return;
        }
        closeTransport();
        requested = null;
        requestedKey = null;
        previous = null;
        if (back != null) {
            open(back);
            requested = back;
            requestedKey = back.stream().map(ServerSockets::key).toList();
        }
    }

    /**
     * What makes a socket the same socket: its interface (name and index), port, family, address and groups; not
     * the interface's other details, which each detection of the interfaces reads afresh.
     */
    private static List<Object> key(ListenSocket s) {
        return List.of(s.iface().name(), s.iface().index(), s.port(), s.v6(), String.valueOf(s.bindAddress()),
                s.multicastGroups());
    }

    /** Opens the sockets; returns which one could not be because its port is held by another process, or null. */
    private String open(List<ListenSocket> sockets) {
        if (sockets.isEmpty()) {
            messages.log().log(messages.noneOpen());
            return null;
        }
        if (!Transports.epoll()) {
            messages.log().log(DHCPSRV_SOCKETS_NIO, Transports.whyNio());
        }
        messages.log().log(messages.opening(), sockets.get(0).port());
        List<String> inUse = new ArrayList<>();
        UdpTransport opened = UdpTransport.open(threadName, sockets, receiver, (socket, e) -> {
            messages.log().log(messages.failed(), describe(socket) + ": " + e.getMessage());
            if (portInUse(e)) {
                inUse.add(describe(socket) + " is in use by another process");
            }
        }, (iface, e) -> messages.log().log(messages.readFailed(), "interface " + iface.name() + ": " + e));
        transport = opened;
        if (inUse.isEmpty() && opened.openSockets().isEmpty()) {
            messages.log().log(messages.noneOpen());
        }
        return inUse.isEmpty() ? null : inUse.get(0);
    }

    private static String describe(ListenSocket socket) {
        return "interface " + socket.iface().name() + (socket.bindAddress() == null ? ""
                : ", address " + socket.bindAddress().getHostAddress()) + ", port " + socket.port();
    }

    /** Whether a bind failed because the address and port are taken (EADDRINUSE). */
    static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /** The open sockets, for sending; null when none was asked for. */
    public UdpTransport transport() {
        return transport;
    }

    private void closeTransport() {
        UdpTransport t = transport;
        transport = null;
        if (t != null) {
            t.close();
        }
    }

    @Override
    public synchronized void close() {
        closeTransport();
        requested = null;
        requestedKey = null;
    }
}
