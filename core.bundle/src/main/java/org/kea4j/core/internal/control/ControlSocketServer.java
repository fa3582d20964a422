package org.kea4j.core.internal.control;

import static org.kea4j.core.internal.config.ConfigMessages.CONFIG_CCSESSION_MSG;
import static org.kea4j.core.internal.control.CcMessages.CC_DISCONNECT;
import static org.kea4j.core.internal.control.CcMessages.CC_ESTABLISHED;
import static org.kea4j.core.internal.control.CcMessages.CC_GROUP_RECEIVED;
import static org.kea4j.core.internal.control.CcMessages.CC_INVALID_LENGTHS;
import static org.kea4j.core.internal.control.CcMessages.CC_READ_ERROR;
import static org.kea4j.core.internal.control.CcMessages.CC_READ_EXCEPTION;
import static org.kea4j.core.internal.control.CcMessages.CC_REPLY;
import static org.kea4j.core.internal.control.CcMessages.CC_SUBSCRIBE;
import static org.kea4j.core.internal.control.CcMessages.CC_TIMEOUT;
import static org.kea4j.core.internal.control.CcMessages.CC_UNSUBSCRIBE;
import static org.kea4j.core.internal.control.CcMessages.CC_WRITE_ERROR;
import static org.kea4j.core.internal.control.CcMessages.CC_ZERO_LENGTH;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.kea4j.log.KeaLogger;

/**
 * One control socket: a Unix stream socket speaking Kea's JSON commands. A connection sends either a JSON
 * request (comments allowed; answered, then closed, as Kea 2.x does) or length-prefixed frames (four
 * bytes total length, two bytes header length, header JSON, command JSON; answered in kind, connection
 * kept). A frame's first byte is 0 (requests are far below 16 MiB): anything else is text, so that text that
 * is not JSON gets a JSON error. A client may end its input after the request (socat does): the answer still
 * comes, then the connection closes; input that ends inside a request is answered with the error its text
 * gives. A request that stalls past the timeout is answered with an error ({@code CC_TIMEOUT}); one larger
 * than the limit is refused. Commands run on the command thread, never on the socket's.
 */
final class ControlSocketServer {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ctrl");
    static final ObjectMapper JSON = Json.COMMANDS;

    private final Path path;
    private final Channel channel;

    private ControlSocketServer(Path path, Channel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Limits of a control socket. */
    record Limits(long timeoutMillis, int maxRequestBytes) {
    }

    /** Binds a socket file: refuses one that a live process listens on, replaces a stale one. */
    static ControlSocketServer open(Path path, DomainSocketTransport transport, CommandRegistry registry,
            ExecutorService commandThread, Limits limits) throws IOException {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (isAlive(absolute)) {
                throw new IOException("control socket " + absolute + " is in use by another process");
            }
            Files.delete(absolute);
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannel())
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, transport.halfClose())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, limits.timeoutMillis(), TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast(new Session(absolute, registry, commandThread, limits));
                    }
                });
        Channel ch;
        try {
            ch = bootstrap.bind(transport.address().apply(absolute)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + absolute, e);
        } catch (Exception e) {
            throw new IOException("cannot bind control socket " + absolute + ": " + e.getMessage(), e);
        }
        Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rw-------"));
        LOG.log(CC_SUBSCRIBE, absolute);
        return new ControlSocketServer(absolute, ch);
    }

    /** The handler of one connection (what {@link #open} installs on each), for a channel of the caller's. */
    static io.netty.channel.ChannelHandler session(Path socket, CommandRegistry registry, ExecutorService commandThread,
            Limits limits) {
        return new Session(socket, registry, commandThread, limits);
    }

    /** Whether some process accepts connections on the socket file. */
    static boolean isAlive(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    Path path() {
        return path;
    }

    /** Stops listening and removes the socket file. */
    void close() {
        try {
            channel.close().syncUninterruptibly();
        } finally {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // the file goes with the next start at the latest
            }
            LOG.log(CC_UNSUBSCRIBE, path);
        }
    }

    /** One client connection. */
    private static final class Session extends ChannelInboundHandlerAdapter {

        private final Path socket;
        private final CommandRegistry registry;
        private final ExecutorService commandThread;
        private final Limits limits;
        private ByteBuf pending;
        private Boolean framed;
        private boolean busy;
        /** The client ended its input: answer what it sent, then close. */
        private boolean inputEnded;

        Session(Path socket, CommandRegistry registry, ExecutorService commandThread, Limits limits) {
            this.socket = socket;
            this.registry = registry;
            this.commandThread = commandThread;
            this.limits = limits;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            pending = ctx.alloc().buffer();
            LOG.log(CC_ESTABLISHED);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (pending != null) {
                pending.release();
                pending = null;
            }
            LOG.log(CC_DISCONNECT);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                // a text connection carries one request: what follows it is not read; frames queue up
                if (pending == null || busy && !Boolean.TRUE.equals(framed)) {
                    return;
                }
                pending.writeBytes(in);
            } finally {
                in.release();
            }
            process(ctx);
        }

        private void process(ChannelHandlerContext ctx) {
            while (pending != null && pending.isReadable() && !busy) {
                if (framed == null) {
                    framed = JsonFramer.startsFrame(pending.getByte(pending.readerIndex()));
                }
                if (framed ? !processFrame(ctx) : !processText(ctx)) {
                    return;
                }
            }
        }

        /** @return true when a request was taken from the buffer */
        private boolean processText(ChannelHandlerContext ctx) {
            byte[] bytes = new byte[pending.readableBytes()];
            pending.getBytes(pending.readerIndex(), bytes);
            int end = JsonFramer.complete(bytes, bytes.length);
            if ((end < 0 ? bytes.length : end) > limits.maxRequestBytes()) {
                refuse(ctx, "request larger than " + limits.maxRequestBytes() + " bytes");
                return false;
            }
            if (end < 0 && !inputEnded) {
                return false;
            }
            if (end < 0) {
                // the input ended: the rest is the request, answered with its error; blanks are nothing
                if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                    pending.clear();
                    return false;
                }
                end = bytes.length;
            }
            pending.skipBytes(end);
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            run(ctx, "{}", text, false);
            return true;
        }

        /** @return true when a frame was taken from the buffer */
        private boolean processFrame(ChannelHandlerContext ctx) {
            if (pending.readableBytes() < 4) {
                return false;
            }
            long total = pending.getUnsignedInt(pending.readerIndex());
            if (total == 0) {
                LOG.log(CC_ZERO_LENGTH);
                answerAndClose(ctx, Answer.error("invalid message length (0)"), true);
                return false;
            }
            if (pending.readableBytes() < 6) {
                return false;
            }
            int header = pending.getUnsignedShort(pending.readerIndex() + 4);
            if (total < 2 || header > total - 2 || total > limits.maxRequestBytes()) {
                LOG.log(CC_INVALID_LENGTHS, total, header);
                answerAndClose(ctx, Answer.error("invalid length parameters (" + total + ", " + header + ")"), true);
                return false;
            }
            if (pending.readableBytes() < 4 + total) {
                return false;
            }
            pending.skipBytes(6);
            String headerText = pending.readCharSequence(header, StandardCharsets.UTF_8).toString();
            String body = pending.readCharSequence((int) total - 2 - header, StandardCharsets.UTF_8).toString();
            run(ctx, headerText, body, true);
            return true;
        }

        private void run(ChannelHandlerContext ctx, String header, String body, boolean keepOpen) {
            LOG.log(CC_GROUP_RECEIVED, header, org.kea4j.config.Secrets.hidden(body.strip()));
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (IOException e) {
                String reason = "invalid JSON: " + Json.firstLine(e.getMessage());
                LOG.log(CONFIG_CCSESSION_MSG, reason);
                reply(ctx, Answer.error(reason), keepOpen, !keepOpen);
                return;
            }
            busy = true;
            commandThread.execute(() -> {
                Answer answer = registry.execute(request);
                ctx.executor().execute(() -> {
                    busy = false;
                    reply(ctx, answer, keepOpen, !keepOpen);
                    if (keepOpen) {
                        process(ctx);
                        closeIfDone(ctx);
                    }
                });
            });
        }

        private void reply(ChannelHandlerContext ctx, Answer answer, boolean framedReply, boolean close) {
            byte[] json = answer.toJson().toString().getBytes(StandardCharsets.UTF_8);
            LOG.log(CC_REPLY, socket, org.kea4j.config.Secrets.hidden(answer.toJson()));
            ByteBuf out;
            if (framedReply) {
                byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
                out = Unpooled.buffer(6 + header.length + json.length);
                out.writeInt(2 + header.length + json.length);
                out.writeShort(header.length);
                out.writeBytes(header);
                out.writeBytes(json);
            } else {
                out = Unpooled.wrappedBuffer(json);
            }
            var future = ctx.writeAndFlush(out).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    LOG.log(CC_WRITE_ERROR, String.valueOf(f.cause()));
                }
            });
            if (close) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private void refuse(ChannelHandlerContext ctx, String reason) {
            LOG.log(CC_READ_ERROR, reason);
            answerAndClose(ctx, Answer.error(reason), false);
        }

        private void answerAndClose(ChannelHandlerContext ctx, Answer answer, boolean framedReply) {
            if (pending != null) {
                pending.clear();
            }
            busy = true;
            reply(ctx, answer, framedReply, true);
        }

        /** After the client ended its input: closes once nothing is left to answer. */
        private void closeIfDone(ChannelHandlerContext ctx) {
            if (!inputEnded || busy) {
                return;
            }
            if (pending != null && pending.isReadable()) {
                if (Boolean.TRUE.equals(framed)) {
                    refuseFrame(ctx, "the input ended inside a frame");
                }
                return;
            }
            ctx.close();
        }

        private void refuseFrame(ChannelHandlerContext ctx, String reason) {
            LOG.log(CC_READ_ERROR, reason);
            answerAndClose(ctx, Answer.error(reason), true);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                inputEnded = true;
                process(ctx);
                closeIfDone(ctx);
                return;
            }
            if (evt instanceof IdleStateEvent && !busy) {
                LOG.log(CC_TIMEOUT);
                answerAndClose(ctx, Answer.error("Connection over control channel timed out"), Boolean.TRUE.equals(framed));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof IOException) {
                LOG.log(CC_READ_ERROR, Json.firstLine(cause.getMessage()));
            } else {
                LOG.log(CC_READ_EXCEPTION, String.valueOf(cause));
            }
            ctx.close();
        }
    }
}
