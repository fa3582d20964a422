package org.kea4j.core.internal.control.http;

import static org.kea4j.core.internal.control.http.HttpMessages.CTRL_AGENT_COMMAND_FORWARDED;
import static org.kea4j.core.internal.control.http.HttpMessages.CTRL_AGENT_COMMAND_FORWARD_BEGIN;
import static org.kea4j.core.internal.control.http.HttpMessages.CTRL_AGENT_COMMAND_FORWARD_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.kea4j.core.internal.config.ServiceNames;
import org.kea4j.log.KeaLogger;

/**
 * Routes an HTTP request as Kea's control agent does: without {@code service} the process answers; with a
 * {@code service} list, each named server answers in turn, and the answers come back as a list in the order
 * asked. A service is a server of this process (its section is in the running configuration) or, failing that,
 * one the listener forwards to over its Unix control socket. A command for a server of this process is scoped to
 * it: {@code config-get} shows its section only, and another family's lease commands are not its own.
 */
final class CommandRouter {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("http");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Service names and the top-level elements of their servers. */
    static final Map<String, String> SECTIONS = ServiceNames.SECTIONS;

    private final CommandRegistry registry;
    private final Supplier<Set<String>> localServices;
    private final UnixForwarder forwarder;

    CommandRouter(CommandRegistry registry, Supplier<Set<String>> localServices, UnixForwarder forwarder) {
        this.registry = registry;
        this.localServices = localServices;
        this.forwarder = forwarder;
    }

    /** The answers to one request: a list, as Kea's agent gives it. */
    ArrayNode route(JsonNode request, Map<String, Path> forwards, String remote) {
        ArrayNode answers = JSON.arrayNode();
        JsonNode service = request != null && request.isObject() ? request.get("service") : null;
        if (service == null || service.isNull() || service.isArray() && service.isEmpty()) {
            answers.add(registry.execute(withoutService(request)).toJson());
            return answers;
        }
        if (!service.isArray()) {
            answers.add(Answer.error("service value must be a list").toJson());
            return answers;
        }
        String command = request.path("command").asText("");
        Set<String> local = localServices.get();
        for (JsonNode name : service) {
            if (!name.isTextual()) {
                answers.add(Answer.error("service value must be a list of strings").toJson());
                continue;
            }
            String server = name.textValue();
            if (local.contains(server)) {
                answers.add(scoped(server, command, registry.execute(withoutService(request))).toJson());
            } else if (forwards.containsKey(server)) {
                answers.addAll(forward(server, command, withoutService(request), forwards.get(server), remote));
            } else {
                answers.add(Answer.error("forwarding socket is not configured for the server type " + server)
                        .toJson());
            }
        }
        return answers;
    }

    private ArrayNode forward(String server, String command, JsonNode request, Path socket, String remote) {
        LOG.log(CTRL_AGENT_COMMAND_FORWARD_BEGIN, command, server);
        ArrayNode out = JSON.arrayNode();
        try {
            JsonNode answer = forwarder.send(socket, request);
            LOG.log(CTRL_AGENT_COMMAND_FORWARDED, command, server, remote);
            if (answer.isArray()) {
                out.addAll((ArrayNode) answer);
            } else {
                out.add(answer);
            }
        } catch (IOException e) {
            LOG.log(CTRL_AGENT_COMMAND_FORWARD_FAILED, command, e.getMessage());
            out.add(Answer.error("unable to forward command to the " + server + " service: " + e.getMessage()
                    + ". The server is likely to be offline").toJson());
        }
        return out;
    }

    /** A command answered by this process, as the one server asked for would answer it. */
    static Answer scoped(String server, String command, Answer answer) {
        if ((command.startsWith("lease4-") && !server.equals("dhcp4"))
                || (command.startsWith("lease6-") && !server.equals("dhcp6"))) {
            return Answer.unsupported(command);
        }
        if (command.equals("config-get") && answer.result() == Answer.SUCCESS && answer.arguments() != null
                && answer.arguments().isObject()) {
            String section = SECTIONS.get(server);
            ObjectNode only = JSON.objectNode();
            JsonNode own = answer.arguments().get(section);
            if (own != null) {
                only.set(section, own);
            }
            return new Answer(answer.result(), answer.text(), only);
        }
        return answer;
    }

    private static JsonNode withoutService(JsonNode request) {
        if (request != null && request.isObject() && request.has("service")) {
            ObjectNode copy = ((ObjectNode) request).deepCopy();
            copy.remove("service");
            return copy;
        }
        return request;
    }
}
