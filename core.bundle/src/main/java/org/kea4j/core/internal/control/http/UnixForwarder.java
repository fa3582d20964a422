package org.kea4j.core.internal.control.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.kea4j.core.internal.control.JsonFramer;

/**
 * Sends one command to a server's Unix control socket (kea4j's or Kea's own) and reads its answer: the request
 * is written, the answer read until it is a complete JSON value or the server closes, within a time limit.
 */
final class UnixForwarder {

    /** Made with the first forwarded command (a holder class: not at start, where most servers forward none). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final long timeoutMillis;

    UnixForwarder(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    JsonNode send(Path socket, JsonNode request) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new IOException("cannot connect to " + socket + ": " + e.getMessage(), e);
            }
            ByteBuffer out = ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(request));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IOException("no answer from " + socket + " within " + timeoutMillis + " ms");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int n = channel.read(in);
                if (n > 0) {
                    answer.write(in.array(), 0, in.position());
                    in.clear();
                    byte[] bytes = answer.toByteArray();
                    if (JsonFramer.complete(bytes, bytes.length) > 0) {
                        return Json.MAPPER.readTree(bytes);
                    }
                } else if (n < 0) {
                    String text = answer.toString(StandardCharsets.UTF_8);
                    if (text.isBlank()) {
                        throw new IOException("the server at " + socket + " closed without answering");
                    }
                    return Json.MAPPER.readTree(text);
                }
            }
        }
    }
}
