package org.kea4j.core.internal.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Control-socket input, fuzzed (Jazzer), in both of Kea's framings (text, and the length-prefixed frames a first
 * byte 0 announces), cut into pieces as a socket delivers them and ended by a half-close: the connection's
 * handler never throws, and everything it writes back is a Kea answer ({@code {"result": ...}}), framed when
 * the request was.
 */
class ControlSocketFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs commands on the caller's thread, so that one input is one deterministic run. */
    private static final class Direct extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    @FuzzTest
    void requests(byte[] input) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(ControlSocketServer.session(Path.of("fuzz.sock"),
                new CommandRegistryImpl(null), new Direct(), new ControlSocketServer.Limits(10_000, 65_536)));
        // the first byte says in how many pieces the rest arrives (1 to 4, as a socket may cut a request)
        int pieces = input.length == 0 ? 1 : 1 + (input[0] & 3);
        int from = Math.min(1, input.length);
        int size = (input.length - from) / pieces + 1;
        for (int at = from; at < input.length && channel.isOpen(); at += size) {
            byte[] piece = java.util.Arrays.copyOfRange(input, at, Math.min(input.length, at + size));
            channel.writeInbound(Unpooled.wrappedBuffer(piece));
            channel.runPendingTasks();
        }
        if (channel.isOpen()) {
            channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
            channel.runPendingTasks();
        }
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf answer = (ByteBuf) out;
            try {
                byte[] bytes = new byte[answer.readableBytes()];
                answer.readBytes(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (bytes.length > 0 && bytes[0] == 0) {
                    int header = ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF);
                    text = new String(bytes, 6 + header, bytes.length - 6 - header, StandardCharsets.UTF_8);
                }
                JsonNode node = JSON.readTree(text);
                assertTrue(node.path("result").isInt(), text);
            } finally {
                answer.release();
            }
        }
        channel.finishAndReleaseAll();
    }
}
