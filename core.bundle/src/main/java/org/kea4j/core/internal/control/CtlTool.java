package org.kea4j.core.internal.control;

import static org.kea4j.core.internal.control.CcMessages.CC_ESTABLISH;
import static org.kea4j.core.internal.control.CcMessages.CC_NO_MSGQ;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.kea4j.control.CommandLineTool;
import org.kea4j.log.KeaLogger;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ctl SOCKET COMMAND [ARGUMENTS-JSON]}: sends one command to a control socket and prints the answer,
 * as kea-shell does for Kea. The exit code is the answer's result (0-3), or 4 when no answer came.
 */
@Component(property = CommandLineTool.NAME_PROPERTY + "=ctl")
public final class CtlTool implements CommandLineTool {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ctrl");
    static final int NO_ANSWER = 4;

    @Override
    public String usage() {
        return "ctl SOCKET COMMAND [ARGUMENTS-JSON]   (or: ctl SOCKET '{\"command\": ..., \"arguments\": ...}')";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            err.println("usage: " + usage());
            return NO_ANSWER;
        }
        String request;
        try {
            request = request(arguments.get(1), arguments.size() == 3 ? arguments.get(2) : null);
        } catch (IOException e) {
            err.println("kea4j ctl: invalid arguments: " + e.getMessage());
            return NO_ANSWER;
        }
        Path socket = Path.of(arguments.get(0));
        LOG.log(CC_ESTABLISH, socket);
        String answer;
        try {
            answer = send(socket, request);
        } catch (IOException e) {
            LOG.log(CC_NO_MSGQ, socket + ": " + e.getMessage());
            err.println("kea4j ctl: cannot reach " + socket + ": " + e.getMessage());
            return NO_ANSWER;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(answer);
            out.println(Json.PRETTY.writeValueAsString(node));
            JsonNode result = node.get("result");
            return result != null && result.isInt() ? result.intValue() : NO_ANSWER;
        } catch (IOException e) {
            err.println("kea4j ctl: the answer is not JSON: " + answer);
            return NO_ANSWER;
        }
    }

    /** The request text: a command name with optional JSON arguments, or a whole JSON request. */
    static String request(String command, String arguments) throws IOException {
        if (command.trim().startsWith("{")) {
            return ControlSocketServer.JSON.readTree(command).toString();
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("command", command);
        if (arguments != null) {
            node.set("arguments", ControlSocketServer.JSON.readTree(arguments));
        }
        return node.toString();
    }

    /** Sends a request and reads the answer until the server closes the connection. */
    static String send(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
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
}
