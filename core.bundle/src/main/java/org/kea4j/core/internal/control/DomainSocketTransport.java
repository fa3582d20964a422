package org.kea4j.core.internal.control;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.function.Function;
import org.kea4j.dhcp.transport.Transports;

/**
 * The Netty transport of the control sockets: epoll where it is available, because it honours a client's
 * half-close (socat, Kea's scripts: the request, then end of input, then the answer is read); NIO otherwise,
 * where a client that half-closes loses its answer ({@code CC_WRITE_ERROR}).
 */
record DomainSocketTransport(EventLoopGroup group, Class<? extends ServerChannel> serverChannel,
        Function<Path, SocketAddress> address, boolean halfClose) {

    /** The transport for this host (see {@link Transports#epoll()}), on one thread named {@code threadName}. */
    static DomainSocketTransport create(String threadName) {
        DefaultThreadFactory threads = new DefaultThreadFactory(threadName, true);
        if (Transports.epoll()) {
            return new DomainSocketTransport(new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory()),
                    EpollServerDomainSocketChannel.class, p -> new DomainSocketAddress(p.toFile()), true);
        }
        return new DomainSocketTransport(new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory()),
                NioServerDomainSocketChannel.class, UnixDomainSocketAddress::of, false);
    }
}
