package org.kea4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs and {@code config-get}: the value of every element whose name holds
 * {@code password} or {@code secret} (a database {@code password}, a TSIG key's {@code secret}, a hook
 * library's parameter) is shown as {@code *****}, as Kea 2.x shows it.
 *
 * @since 1.2
 */
public final class Secrets {

    /** What a secret is shown as. */
    public static final String HIDDEN = "*****";
    private static final Pattern IN_TEXT = Pattern.compile(
            "(\"[^\"]*(?i:password|secret)[^\"]*\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");

    private Secrets() {
    }

    /** Whether an element of this name holds a secret. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret");
    }

    /** A copy of {@code json} with every secret hidden. */
    public static JsonNode hidden(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode copy = json.deepCopy();
        hide(copy);
        return copy;
    }

    private static void hide(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (isSecret(e.getKey()) && e.getValue().isValueNode()) {
                    e.setValue(object.textNode(HIDDEN));
                } else {
                    hide(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Secrets::hide);
        }
    }

    /** {@code text} (JSON, or what a client sent as JSON) with the value of every secret element hidden. */
    public static String hidden(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1\"" + HIDDEN + "\"");
    }
}
