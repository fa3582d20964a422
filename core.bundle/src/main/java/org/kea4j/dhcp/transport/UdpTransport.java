package org.kea4j.dhcp.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * UDP sockets of a DHCP server, on Netty's epoll transport each bound to its interface (SO_BINDTODEVICE) so
 * that each datagram's interface is known: for DHCPv4 one socket on the wildcard address (it receives
 * broadcasts, and the kernel reports each datagram's destination); for DHCPv6 one socket per address
 * (the multicast group, the link-local and unicast addresses), so that the destination is the socket's.
 * Received datagrams go to a handler on the I/O thread, which must hand them off at once; sends may come
 * from any thread. Where epoll is not available (or {@code kea4j.transport=nio}), Java's NIO transport serves
 * instead, with the limits {@link #open} gives.
 */
public final class UdpTransport implements AutoCloseable {

    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int IFNAMSIZ = 16;
    private static final RawUnixChannelOption BIND_TO_DEVICE = new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET,
            SO_BINDTODEVICE, IFNAMSIZ);

    private final EventLoopGroup group;
    static {
        // Netty records a stack trace for about 1 in 128 buffers to report leaks: a cost on every server's packet
        // path; -Dio.netty.leakDetection.level=simple (or paranoid) still asks for it
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /** Direct sends: a buffer per sending thread (the descriptor wants native memory). */
    private static final ThreadLocal<ByteBuffer> SEND_BUFFER = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(65536));

    private final Map<SocketKey, OpenSocket> channels = new LinkedHashMap<>();
    private final Map<SocketKey, ListenSocket> specs = new LinkedHashMap<>();

    private final boolean epoll;

    private UdpTransport(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /**
     * Opens the sockets. A socket that cannot be opened is reported to {@code failed} (with the interface
     * and the reason) and skipped; the others open.
     *
     * <p>On the NIO transport (see {@link Transports}) a socket cannot be bound to its interface nor learn a
     * datagram's destination, so an IPv4 socket on the wildcard address becomes one socket per address of the
     * interface: it then receives only what is sent to that address (relayed and unicast traffic, as Kea's
     * {@code "dhcp-socket-type": "udp"}); IPv6 sockets are bound to addresses already.
     *
     * @param name     thread name prefix
     * @param sockets  sockets to open
     * @param receiver   called on the I/O thread for each datagram
     * @param failed     called for each socket that could not be opened
     * @param readFailed called when reading from an open socket fails (one datagram; the socket stays open)
     */
    public static UdpTransport open(String name, List<ListenSocket> sockets, Consumer<Datagram> receiver,
            java.util.function.BiConsumer<ListenSocket, Exception> failed,
            java.util.function.BiConsumer<Iface, Throwable> readFailed) {
        boolean epoll = Transports.epoll();
        UdpTransport t = new UdpTransport(new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name, true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory()), epoll);
        for (ListenSocket requested : sockets) {
            List<ListenSocket> actual = epoll ? List.of(requested) : nioSockets(requested);
            if (actual.isEmpty()) {
                failed.accept(requested, new IOException("no IPv4 address to bind on " + requested.iface().name()
                        + " (the NIO transport, " + Transports.whyNio() + ", receives only what is sent to an address)"));
            }
            for (ListenSocket spec : actual) {
                try {
                    t.bind(spec, receiver, readFailed);
                } catch (Exception e) {
                    failed.accept(spec, e);
                }
            }
        }
        return t;
    }

    /** The sockets NIO opens for one requested socket: an IPv4 wildcard socket becomes one per address. */
    static List<ListenSocket> nioSockets(ListenSocket requested) {
        if (requested.v6() || requested.bindAddress() != null) {
            return List.of(requested);
        }
        List<ListenSocket> out = new ArrayList<>();
        for (InetAddress a : requested.iface().v4Addresses()) {
            out.add(new ListenSocket(requested.iface(), requested.port(), false, a, requested.multicastGroups()));
        }
        return out;
    }

    private void bind(ListenSocket spec, Consumer<Datagram> receiver,
            java.util.function.BiConsumer<Iface, Throwable> readFailed) throws IOException, InterruptedException {
        Iface iface = spec.iface();
        InternetProtocolFamily family = spec.v6() ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
        Bootstrap b = new Bootstrap().group(group)
                .channelFactory(() -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
                .option(ChannelOption.SO_BROADCAST, !spec.v6())
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new Receiver(iface, spec.port(), spec.bindAddress(), receiver, readFailed));
        if (epoll) {
            b.option(EpollChannelOption.IP_RECVORIGDSTADDR, true).option(BIND_TO_DEVICE, deviceName(iface.name()));
        }
        InetAddress local = spec.bindAddress() != null ? spec.bindAddress()
                : InetAddress.getByName(spec.v6() ? "::" : "0.0.0.0");
        var future = b.bind(new InetSocketAddress(local, spec.port())).await();
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        }
        DatagramChannel channel = (DatagramChannel) future.channel();
        for (InetAddress group : spec.multicastGroups()) {
            var joined = channel.joinGroup(new InetSocketAddress(group, spec.port()), NetworkInterface.getByIndex(iface.index())).await();
            if (!joined.isSuccess()) {
                channel.close();
                throw new IOException("cannot join " + group.getHostAddress() + " on " + iface.name() + ": "
                        + joined.cause().getMessage(), joined.cause());
            }
        }
        synchronized (channels) {
            SocketKey key = new SocketKey(iface.name(), spec.v6(), spec.bindAddress());
            OpenSocket previous = channels.put(key, new OpenSocket(channel));
            specs.put(key, spec);
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** A socket's interface, family and bound address (null: the wildcard); no text built per reply. */
    private record SocketKey(String iface, boolean v6, InetAddress bound) {
    }

    /**
     * An open socket. On epoll, the thread that made a reply sends it on the socket's descriptor itself (one
     * sendto), instead of queueing it for the I/O thread and waking that thread for it; the I/O thread writes only
     * what the kernel's send buffer could not take at once. The descriptor is closed only once no thread is
     * sending on it (a closed descriptor's number may belong to another file a moment later).
     */
    static final class OpenSocket {
        final Channel channel;
        private final io.netty.channel.unix.Socket descriptor;
        private final AtomicInteger sending = new AtomicInteger();
        private volatile boolean closing;

        OpenSocket(Channel channel) {
            this.channel = channel;
            this.descriptor = channel instanceof EpollDatagramChannel epoll
                    && epoll.fd() instanceof io.netty.channel.unix.Socket socket ? socket : null;
        }

        /**
         * Sends from the calling thread; false when the datagram must go through the I/O thread instead (not
         * epoll, the socket closing, the send buffer full).
         *
         * @throws IOException the kernel refused the datagram
         */
        boolean sendNow(byte[] data, InetSocketAddress destination) throws IOException {
            if (descriptor == null || data.length > 65536) {
                return false;
            }
            sending.incrementAndGet();
            try {
                if (closing) {
                    return false;
                }
                ByteBuffer buffer = SEND_BUFFER.get().clear();
                buffer.put(data).flip();
                return descriptor.sendTo(buffer, 0, data.length, destination.getAddress(), destination.getPort()) > 0;
            } finally {
                sending.decrementAndGet();
            }
        }

        /** Stops the direct sends, waits (at most a second) for those under way, then closes the channel. */
        io.netty.channel.ChannelFuture close() {
            closing = true;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
            while (sending.get() > 0 && System.nanoTime() < deadline) {
                Thread.yield();
            }
            return channel.close();
        }
    }

    private static ByteBuffer deviceName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name too long: " + name);
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(IFNAMSIZ);
        buf.put(bytes);
        buf.position(0);
        return buf;
    }

    /** The sockets that are open, as requested. */
    public List<ListenSocket> openSockets() {
        synchronized (channels) {
            return new ArrayList<>(specs.values());
        }
    }

    /**
     * Sends a datagram out of an interface's wildcard socket.
     *
     * @return false when no such socket is open
     */
    public boolean send(String iface, boolean v6, byte[] data, InetSocketAddress destination,
            Consumer<Throwable> onFailure) {
        return send(iface, v6, null, data, destination, onFailure);
    }

    /**
     * Sends a datagram from the socket of an interface bound to {@code from} (null: the wildcard socket).
     *
     * @return false when no such socket is open
     */
    public boolean send(String iface, boolean v6, InetAddress from, byte[] data, InetSocketAddress destination,
            Consumer<Throwable> onFailure) {
        OpenSocket socket;
        synchronized (channels) {
            socket = channels.get(new SocketKey(iface, v6, from));
            if (socket == null && from == null && !epoll) {
                // NIO has no wildcard socket: any socket of the interface sends
                socket = channels.entrySet().stream()
                        .filter(e -> e.getKey().iface().equals(iface) && e.getKey().v6() == v6)
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
        }
        if (socket == null) {
            return false;
        }
        try {
            if (socket.sendNow(data, destination)) {
                return true;
            }
        } catch (IOException e) {
            onFailure.accept(e);
            return true;
        }
        if (socket.closing) {
            return false; // closed meanwhile: as if it had not been open (its I/O thread would only fail the write)
        }
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        socket.channel.writeAndFlush(new DatagramPacket(buf, destination)).addListener(f -> {
            if (!f.isSuccess()) {
                onFailure.accept(f.cause());
            }
        });
        return true;
    }

    @Override
    public void close() {
        List<OpenSocket> toClose;
        synchronized (channels) {
            toClose = new ArrayList<>(channels.values());
            channels.clear();
            specs.clear();
        }
        for (OpenSocket c : toClose) {
            c.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }

    /** Hands each datagram of a socket to the server; a read error to the server's report. */
    @ChannelHandler.Sharable
    static final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Iface iface;
        private final int port;
        private final InetAddress bound;
        private final Consumer<Datagram> receiver;
        private final java.util.function.BiConsumer<Iface, Throwable> readFailed;

        Receiver(Iface iface, int port, InetAddress bound, Consumer<Datagram> receiver,
                java.util.function.BiConsumer<Iface, Throwable> readFailed) {
            this.iface = iface;
            this.port = port;
            this.bound = bound;
            this.receiver = receiver;
            this.readFailed = readFailed;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            byte[] data = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), data);
            InetAddress destination = bound;
            if (destination == null) {
                InetSocketAddress recipient = packet.recipient();
                destination = recipient == null ? null : recipient.getAddress();
            }
            receiver.accept(new Datagram(data, iface.name(), iface.index(), packet.sender(), destination, port));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a read error on a datagram socket concerns one datagram; the socket stays open, the server says so
            readFailed.accept(iface, cause);
        }
    }
}
