package org.kea4j.launch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code ctl SOCKET COMMAND [ARGUMENTS-JSON]} (or {@code ctl SOCKET '{"command": ...}'}): sends one command to a
 * control socket and prints the answer, as kea-shell does for Kea, without starting the framework. SOCKET is a
 * Unix socket's path or an HTTP control channel's URL ({@code http://127.0.0.1:8000}, {@code https://...}; the
 * user and password of basic authentication in {@code KEA4J_AUTH=user:password}, a CA file for https in
 * {@code KEA4J_CA}). The answer is printed indented on a terminal and on one line in a pipe; the exit value is its
 * {@code result} (0-3; over HTTP the highest of the list's), or 4 when no answer came.
 */
public final class Ctl {

    static final int NO_ANSWER = 4;
    private static final JsonFactory JSON = new JsonFactory();
    static final String USAGE = "usage: ctl SOCKET COMMAND [ARGUMENTS-JSON]   (or: ctl SOCKET '{\"command\": ..., "
            + "\"arguments\": ...}')";

    private Ctl() {
    }

    public static int run(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println(USAGE);
            return NO_ANSWER;
        }
        String request;
        try {
            request = request(args[2], args.length == 4 ? args[3] : null);
        } catch (IOException e) {
            System.err.println("kea4j ctl: invalid arguments: " + e.getMessage());
            return NO_ANSWER;
        }
        String answer;
        try {
            answer = args[1].startsWith("http://") || args[1].startsWith("https://")
                    ? HttpCtl.send(args[1], request) : send(Path.of(args[1]), request);
        } catch (HttpCtl.HttpStatusException e) {
            System.err.println("kea4j ctl: " + args[1] + " refused the request: " + e.getMessage());
            return NO_ANSWER;
        } catch (IOException e) {
            System.err.println("CC_NO_MSGQ unable to connect to message queue (" + args[1] + ": " + e.getMessage() + ")");
            return NO_ANSWER;
        }
        try {
            System.out.println(print(answer, System.console() != null));
            return result(answer);
        } catch (IOException e) {
            System.err.println("kea4j ctl: the answer is not JSON: " + answer);
            return NO_ANSWER;
        }
    }

    /** The request: a command name with optional JSON arguments, or a whole JSON request; checked, on one line. */
    static String request(String command, String arguments) throws IOException {
        if (command.strip().startsWith("{")) {
            return print(command, false);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("command", command);
            if (arguments != null) {
                g.writeFieldName("arguments");
                try (JsonParser p = JSON.createParser(arguments)) {
                    p.nextToken();
                    g.copyCurrentStructure(p);
                    if (p.nextToken() != null) {
                        throw new JsonProcessingException("more after the arguments' JSON value") { };
                    }
                }
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** JSON text re-written: indented, or on one line. */
    static String print(String json, boolean indented) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            if (indented) {
                g.useDefaultPrettyPrinter();
            }
            if (p.nextToken() == null) {
                throw new JsonProcessingException("no JSON value") { };
            }
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    /** The top-level {@code result} of an answer (the highest of a list's), or {@link #NO_ANSWER}. */
    static int result(String answer) throws IOException {
        try (JsonParser p = JSON.createParser(answer)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                int highest = -1;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    highest = Math.max(highest, result(p));
                }
                return highest < 0 ? NO_ANSWER : highest;
            }
            return first == JsonToken.START_OBJECT ? result(p) : NO_ANSWER;
        }
    }

    /** The {@code result} of the object the parser has just entered; leaves the parser after its end. */
    private static int result(JsonParser p) throws IOException {
        int result = NO_ANSWER;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("result") && value == JsonToken.VALUE_NUMBER_INT) {
                result = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        return result;
    }

    /** Sends a request and reads the answer until the server closes the connection. */
    static String send(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.shutdownOutput();
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
}
