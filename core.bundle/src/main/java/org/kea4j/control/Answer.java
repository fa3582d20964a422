package org.kea4j.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A command's answer in Kea's shape: {@code {"result": 0|1|2|3, "text": ..., "arguments": ...}}.
 */
@ProviderType
public final class Answer {

    private final int result;
    private final String text;
    private final JsonNode arguments;

    public Answer(int result, String text, JsonNode arguments) {
        this.result = result;
        this.text = text;
        this.arguments = arguments;
    }


    public static final int SUCCESS = 0;
    public static final int ERROR = 1;
    public static final int UNSUPPORTED = 2;
    public static final int EMPTY = 3;

    public static Answer success(String text) {
        return new Answer(SUCCESS, text, null);
    }

    public static Answer success(String text, JsonNode arguments) {
        return new Answer(SUCCESS, text, arguments);
    }

    public static Answer error(String text) {
        return new Answer(ERROR, text, null);
    }

    public static Answer empty(String text) {
        return new Answer(EMPTY, text, null);
    }

    /** Kea's answer to a command nobody registered. */
    public static Answer unsupported(String command) {
        return new Answer(UNSUPPORTED, "'" + command + "' command not supported.", null);
    }

    /** The answer as Kea's JSON map. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("result", result);
        if (text != null) {
            node.put("text", text);
        }
        if (arguments != null) {
            node.set("arguments", arguments);
        }
        return node;
    }

    /** {@link #SUCCESS}, {@link #ERROR}, {@link #UNSUPPORTED} or {@link #EMPTY}. */
    public int result() {
        return result;
    }

    /** Human-readable text, or null. */
    public String text() {
        return text;
    }

    /** The answer's data, or null. */
    public JsonNode arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answer o && o.result == result && java.util.Objects.equals(o.text, text) && java.util.Objects.equals(o.arguments, arguments);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(result, text, arguments);
    }

    @Override
    public String toString() {
        return "Answer[result=" + result + ", text=" + text + ", arguments=" + arguments + "]";
    }
}
