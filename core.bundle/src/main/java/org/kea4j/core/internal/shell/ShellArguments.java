package org.kea4j.core.internal.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.kea4j.control.Answer;
import org.kea4j.core.internal.control.Json;

/**
 * Turns Gogo arguments into a command's JSON arguments: none, one JSON text
 * ({@code '{"ip-address": "192.0.2.1"}'}), or {@code key=value} pairs (numbers and booleans recognised).
 */
final class ShellArguments {

    private ShellArguments() {
    }

    static JsonNode parse(List<Object> arguments) throws IOException {
        if (arguments.isEmpty()) {
            return null;
        }
        if (arguments.size() == 1) {
            String text = String.valueOf(arguments.get(0)).trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                return Json.MAPPER.readTree(text);
            }
        }
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        for (Object argument : arguments) {
            String pair = String.valueOf(argument);
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IOException("expected JSON or key=value arguments, got '" + pair + "'");
            }
            map.set(pair.substring(0, eq), scalar(pair.substring(eq + 1)));
        }
        return map;
    }

    private static JsonNode scalar(String value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value.equals("true") || value.equals("false")) {
            return json.booleanNode(Boolean.parseBoolean(value));
        }
        if (value.matches("-?\\d{1,18}")) {
            return json.numberNode(Long.parseLong(value));
        }
        return json.textNode(value);
    }

    /** An answer as people read it. */
    static String format(Answer answer) throws IOException {
        return Json.PRETTY.writeValueAsString(answer.toJson());
    }
}
