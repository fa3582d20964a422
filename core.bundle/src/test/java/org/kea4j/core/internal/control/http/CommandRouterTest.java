package org.kea4j.core.internal.control.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;

class CommandRouterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A registry answering config-get with two sections and recording what it ran. */
    private static final class Recording implements CommandRegistry {
        final List<JsonNode> ran = new ArrayList<>();

        @Override
        public Answer execute(String command, JsonNode arguments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Answer execute(JsonNode request) {
            ran.add(request);
            if (request.path("command").asText().equals("config-get")) {
                return new Answer(0, "Configuration returned.", JSON.createObjectNode()
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("Dhcp4", JSON.createObjectNode())
                        .set("Dhcp6", JSON.createObjectNode()));
            }
            return Answer.success("ran " + request.path("command").asText());
        }

        @Override
        public SortedSet<String> commands() {
            return new TreeSet<>();
        }
    }

    private static JsonNode request(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void withoutServiceTheProcessAnswersOnce() throws Exception {
        Recording registry = new Recording();
        CommandRouter router = new CommandRouter(registry, () -> Set.of("dhcp4"), new UnixForwarder(1000));
        ArrayNode answers = router.route(request("{\"command\": \"version-get\"}"), Map.of(), "127.0.0.1");
        assertEquals(1, answers.size());
        assertEquals("ran version-get", answers.get(0).path("text").asText());
        assertFalse(registry.ran.get(0).has("service"));
    }

    @Test
    void eachServiceAnswersInOrderScopedToItsServer() throws Exception {
        Recording registry = new Recording();
        CommandRouter router = new CommandRouter(registry, () -> Set.of("dhcp4", "dhcp6"), new UnixForwarder(1000));
        ArrayNode answers = router.route(request("{\"command\": \"config-get\", \"service\": [\"dhcp6\", \"dhcp4\", \"d2\"]}"),
                Map.of(), "127.0.0.1");
        assertEquals(3, answers.size(), answers.toString());
        assertTrue(answers.get(0).path("arguments").has("Dhcp6") && !answers.get(0).path("arguments").has("Dhcp4"));
        assertTrue(answers.get(1).path("arguments").has("Dhcp4") && !answers.get(1).path("arguments").has("Dhcp6"));
        assertEquals("forwarding socket is not configured for the server type d2", answers.get(2).path("text").asText());
        assertEquals(2, registry.ran.size(), "the missing server ran nothing");
        assertFalse(registry.ran.get(0).has("service"), "the server sees Kea's request without the agent's element");
    }

    @Test
    void anotherFamilysLeaseCommandIsNotTheServers() {
        assertEquals(Answer.UNSUPPORTED, CommandRouter.scoped("dhcp6", "lease4-get-all", Answer.success("x")).result());
        assertEquals(Answer.SUCCESS, CommandRouter.scoped("dhcp4", "lease4-get-all", Answer.success("x")).result());
    }

    @Test
    void aServiceThatIsNotAListIsRefused() throws Exception {
        Recording registry = new Recording();
        CommandRouter router = new CommandRouter(registry, Set::of, new UnixForwarder(1000));
        ArrayNode answers = router.route(request("{\"command\": \"config-get\", \"service\": \"dhcp4\"}"), Map.of(), "x");
        assertEquals(1, answers.get(0).path("result").intValue());
        assertTrue(registry.ran.isEmpty());
    }

    @Test
    void anOfflineForwardTargetIsAnErrorAnswer() throws Exception {
        CommandRouter router = new CommandRouter(new Recording(), Set::of, new UnixForwarder(1000));
        ArrayNode answers = router.route(request("{\"command\": \"version-get\", \"service\": [\"dhcp4\"]}"),
                Map.of("dhcp4", java.nio.file.Path.of("/nonexistent/kea4j-test.sock")), "x");
        assertEquals(1, answers.get(0).path("result").intValue());
        assertTrue(answers.get(0).path("text").asText().contains("The server is likely to be offline"), answers.toString());
    }
}
