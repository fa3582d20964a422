package org.kea4j.core.internal.control.http;

import static org.kea4j.core.internal.control.http.HttpMessages.CTRL_AGENT_COMMAND_RECEIVED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_BAD_CLIENT_REQUEST_RECEIVED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CLIENT_REQUEST_AUTHORIZED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CLIENT_REQUEST_BAD_AUTH_HEADER;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CLIENT_REQUEST_NOT_AUTHORIZED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CLIENT_REQUEST_NO_AUTH_HEADER;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CLIENT_REQUEST_RECEIVED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CONNECTION_HANDSHAKE_FAILED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_CONNECTION_STOP;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_IDLE_CONNECTION_TIMEOUT_OCCURRED;
import static org.kea4j.core.internal.control.http.HttpMessages.HTTP_SERVER_RESPONSE_SEND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.kea4j.config.BasicAuthentication;
import org.kea4j.config.Secrets;
import org.kea4j.core.internal.control.Json;
import org.kea4j.log.KeaLogger;

/**
 * One HTTP connection of a control listener: authenticates each request, answers {@code POST} with a JSON command
 * (Kea's request; a list of answers) and {@code GET /metrics} with the statistics in Prometheus' text format.
 * Commands run on the command executor, never on the connection's thread.
 */
final class HttpControlHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("http");
    private static final KeaLogger AUTH_LOG = KeaLogger.forSubsystem("auth");
    private static final ObjectMapper JSON = org.kea4j.core.internal.control.Json.COMMANDS;

    private final Supplier<HttpControlServer.Settings> settings;
    private final CommandRouter router;
    private final Supplier<String> metrics;
    private final Executor commands;

    HttpControlHandler(Supplier<HttpControlServer.Settings> settings, CommandRouter router, Supplier<String> metrics,
            Executor commands) {
        this.settings = settings;
        this.router = router;
        this.metrics = metrics;
        this.commands = commands;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String remote = remote(ctx);
        LOG.log(HTTP_CLIENT_REQUEST_RECEIVED, remote);
        HttpControlServer.Settings current = settings.get();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            badRequest(ctx, remote, "malformed HTTP request", false);
            return;
        }
        if (current.config().authentication().isPresent()
                && !authorized(ctx, request, current.config().authentication().get(), keepAlive)) {
            return;
        }
        String path = request.uri().split("\\?", 2)[0];
        if (request.method().equals(HttpMethod.GET) && path.equals("/metrics")) {
            commands.execute(() -> {
                String body = metrics.get();
                ctx.executor().execute(() -> send(ctx, HttpResponseStatus.OK, PrometheusText.CONTENT_TYPE, body,
                        keepAlive, remote));
            });
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            badRequest(ctx, remote, "method " + request.method() + " (expected POST, or GET /metrics)", keepAlive);
            return;
        }
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            badRequest(ctx, remote, "content type '" + type + "' (expected application/json)", keepAlive);
            return;
        }
        JsonNode command;
        try {
            command = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            badRequest(ctx, remote, "invalid JSON: " + Json.firstLine(e.getMessage()), keepAlive);
            return;
        }
        if (command == null || !command.isObject()) {
            badRequest(ctx, remote, "the body is not a JSON map", keepAlive);
            return;
        }
        LOG.log(CTRL_AGENT_COMMAND_RECEIVED, command.path("command").asText("(none)"), remote);
        commands.execute(() -> {
            String body;
            try {
                body = router.route(command, current.config().forwards(), remote).toString();
            } catch (RuntimeException e) {
                body = "[" + org.kea4j.control.Answer.error("Error during command processing: " + e).toJson() + "]";
            }
            String answer = body;
            ctx.executor().execute(() -> send(ctx, HttpResponseStatus.OK, "application/json", answer, keepAlive,
                    remote));
        });
    }

    private boolean authorized(ChannelHandlerContext ctx, FullHttpRequest request, BasicAuthentication auth,
            boolean keepAlive) {
        BasicAuthentication.Outcome outcome = auth.check(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (outcome instanceof BasicAuthentication.Outcome.Authorized a) {
            AUTH_LOG.log(HTTP_CLIENT_REQUEST_AUTHORIZED, a.user());
            return true;
        } else if (outcome instanceof BasicAuthentication.Outcome.Malformed m) {
            AUTH_LOG.log(HTTP_CLIENT_REQUEST_BAD_AUTH_HEADER, m.reason());
        } else if (outcome instanceof BasicAuthentication.Outcome.Missing) {
            AUTH_LOG.log(HTTP_CLIENT_REQUEST_NO_AUTH_HEADER);
        } else {
            AUTH_LOG.log(HTTP_CLIENT_REQUEST_NOT_AUTHORIZED);
        }
        FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, "application/json",
                "{ \"result\": 401, \"text\": \"Unauthorized\" }", keepAlive);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + auth.realm() + "\"");
        write(ctx, response, keepAlive, remote(ctx));
        return false;
    }

    private void badRequest(ChannelHandlerContext ctx, String remote, String reason, boolean keepAlive) {
        LOG.log(HTTP_BAD_CLIENT_REQUEST_RECEIVED, remote, reason);
        send(ctx, HttpResponseStatus.BAD_REQUEST, "application/json",
                "{ \"result\": 400, \"text\": \"Bad Request: " + reason.replace("\\", "\\\\").replace("\"", "'") + "\" }",
                keepAlive, remote);
    }

    private void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body,
            boolean keepAlive, String remote) {
        write(ctx, response(status, type, body, keepAlive), keepAlive, remote);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, String body, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive, String remote) {
        if (LOG.isEnabled(HTTP_SERVER_RESPONSE_SEND)) {
            LOG.log(HTTP_SERVER_RESPONSE_SEND, response.status() + " "
                    + Secrets.hidden(response.content().toString(StandardCharsets.UTF_8)), remote);
        }
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            LOG.log(HTTP_CONNECTION_HANDSHAKE_FAILED, remote(ctx), Json.firstLine(String.valueOf(done.cause().getMessage())));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        LOG.log(HTTP_CONNECTION_STOP, remote(ctx));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
            LOG.log(HTTP_IDLE_CONNECTION_TIMEOUT_OCCURRED, remote(ctx));
        } else if (!(cause instanceof io.netty.handler.codec.DecoderException d
                && d.getCause() instanceof javax.net.ssl.SSLException)) {
            LOG.log(HTTP_BAD_CLIENT_REQUEST_RECEIVED, remote(ctx), Json.firstLine(String.valueOf(cause.getMessage())));
        }
        ctx.close();
    }

    private static String remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }
}
