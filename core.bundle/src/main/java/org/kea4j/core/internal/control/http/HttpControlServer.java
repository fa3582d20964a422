package org.kea4j.core.internal.control.http;

import static org.kea4j.core.internal.control.http.HttpMessages.CTRL_AGENT_HTTPS_SERVICE_STARTED;
import static org.kea4j.core.internal.control.http.HttpMessages.CTRL_AGENT_HTTP_SERVICE_STARTED;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kea4j.config.HttpListenerConfig;
import org.kea4j.log.KeaLogger;

/**
 * One bound HTTP control listener. Its settings (TLS, authentication, forwarding) can change while it stays
 * bound: a reconfiguration that keeps the address and port keeps the socket, and the connection that carried
 * the {@code config-set} keeps its answer; new connections use the new settings.
 */
final class HttpControlServer {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("http");
    /** Seconds a connection may stay idle between requests. */
    static final int IDLE_SECONDS = 30;

    /** What a listener does: its configuration and the TLS context built from it. */
    record Settings(HttpListenerConfig config, Optional<SslContext> tls) {
        static Settings of(HttpListenerConfig config) throws IOException {
            return new Settings(config, config.tls().isPresent()
                    ? Optional.of(TlsContexts.server(config.tls().get())) : Optional.empty());
        }
    }

    private final Channel channel;
    private volatile Settings settings;

    private HttpControlServer(Channel channel, Settings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    static HttpControlServer open(Settings settings, EventLoopGroup group, CommandRouter router,
            Supplier<String> metrics, Executor commands, int maxRequestBytes) throws IOException {
        HttpControlServer[] self = new HttpControlServer[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Settings now = self[0].settings;
                        now.tls().ifPresent(tls -> ch.pipeline().addLast(tls.newHandler(ch.alloc())));
                        ch.pipeline().addLast(new ReadTimeoutHandler(IDLE_SECONDS, TimeUnit.SECONDS));
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpObjectAggregator(maxRequestBytes));
                        ch.pipeline().addLast(new HttpControlHandler(() -> now, router, metrics, commands));
                    }
                });
        HttpListenerConfig config = settings.config();
        Channel ch;
        try {
            ch = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + config.endpoint(), e);
        } catch (Exception e) {
            throw new IOException("cannot bind HTTP control socket " + config.endpoint() + ": " + e.getMessage(), e);
        }
        self[0] = new HttpControlServer(ch, settings);
        LOG.log(settings.tls().isPresent() ? CTRL_AGENT_HTTPS_SERVICE_STARTED : CTRL_AGENT_HTTP_SERVICE_STARTED,
                config.host(), ((InetSocketAddress) ch.localAddress()).getPort());
        return self[0];
    }

    void update(Settings next) {
        settings = next;
    }

    Settings settings() {
        return settings;
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    void close() {
        channel.close().syncUninterruptibly();
    }
}
