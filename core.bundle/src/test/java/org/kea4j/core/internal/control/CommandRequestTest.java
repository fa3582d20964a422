package org.kea4j.core.internal.control;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CommandRequestTest {

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void wellFormedRequestsPass() throws Exception {
        assertNull(CommandRegistryImpl.problem(json("{\"command\": \"list-commands\"}")));
        assertNull(CommandRegistryImpl.problem(json("{\"command\": \"x\", \"arguments\": {\"a\": 1}, \"service\": [\"dhcp4\"]}")));
    }

    @Test
    void malformedRequestsAreExplained() throws Exception {
        assertTrue(CommandRegistryImpl.problem(json("[1, 2]")).contains("expected a map"));
        assertTrue(CommandRegistryImpl.problem(json("{\"arguments\": {}}")).contains("'command' element is missing"));
        assertTrue(CommandRegistryImpl.problem(json("{\"command\": 5}")).contains("non-empty string"));
        assertTrue(CommandRegistryImpl.problem(json("{\"command\": \"x\", \"bogus\": 1}")).contains("unexpected element 'bogus'"));
    }
}
