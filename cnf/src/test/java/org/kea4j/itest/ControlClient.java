package org.kea4j.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A plain client of a Unix control socket, as scripts use one. */
public final class ControlClient {

    private ControlClient() {
    }

    /** Sends raw bytes and reads until the server closes the connection (bounded by the socket timeout). */
    public static String send(Path socket, byte[] request) throws IOException {
        return send(socket, request, false);
    }

    /**
     * Sends the request, ends the connection's output (a half-close, as socat does at the end of its input) and
     * reads the answer until the server closes the connection.
     */
    public static String sendThenEndInput(Path socket, String request) throws IOException {
        return send(socket, request.getBytes(StandardCharsets.UTF_8), true);
    }

    private static String send(Path socket, byte[] request, boolean halfClose) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            if (halfClose) {
                channel.shutdownOutput();
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(65536);
            while (channel.read(in) >= 0) {
                in.flip();
                answer.write(in.array(), 0, in.limit());
                in.clear();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    public static String send(Path socket, String request) throws IOException {
        return send(socket, request.getBytes(StandardCharsets.UTF_8));
    }

    /** A length-prefixed frame: total length, header length, header, body. */
    public static byte[] frame(String header, String body) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(6 + h.length + b.length);
        buf.putInt(2 + h.length + b.length).putShort((short) h.length).put(h).put(b);
        return buf.array();
    }
}
