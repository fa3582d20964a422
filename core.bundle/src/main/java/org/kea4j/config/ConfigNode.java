package org.kea4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kea4j.log.MessageFormatter;
import org.kea4j.log.MessageId;

/**
 * One element of a configuration, with its path ({@code Dhcp4/subnet4[0]/pools[1]}) so that every error
 * names the element, the reason and the line. Accessors check types and throw {@link ConfigException}.
 */
public final class ConfigNode {

    private final ConfigDocument document;
    private final String path;
    private final JsonNode json;

    ConfigNode(ConfigDocument document, String path, JsonNode json) {
        this.document = document;
        this.path = path;
        this.json = json;
    }

    /** The element path, empty for the document root. */
    public String path() {
        return path;
    }

    /** The JSON value. */
    public JsonNode json() {
        return json;
    }

    /** The document this node belongs to. */
    public ConfigDocument document() {
        return document;
    }

    /** An error about this element. */
    public ConfigException error(String reason) {
        return new ConfigException(path, reason, document.locationOf(path));
    }

    /** An error about this element that carries a Kea message ID: "ID text" with the arguments filled in. */
    public ConfigException error(MessageId id, Object... args) {
        return error(MessageFormatter.line(id, args));
    }

    /** The last segment of the path: a key, or the key of the list this element is in. */
    public String key() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    // ----- maps

    /** Checks that this element is a map. */
    public ConfigNode expectMap() throws ConfigException {
        if (!json.isObject()) {
            throw error("expected a map, got " + typeName(json));
        }
        return this;
    }

    /** Whether this map has the key. */
    public boolean has(String key) {
        return json.isObject() && json.has(key);
    }

    /** The child with this key, if present (and not JSON null). */
    public Optional<ConfigNode> get(String key) throws ConfigException {
        expectMap();
        JsonNode child = json.get(key);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(document, childPath(key), child));
    }

    /** The child with this key; an error names it when it is missing. */
    public ConfigNode require(String key) throws ConfigException {
        return get(key).orElseThrow(() -> error("mandatory '" + key + "' parameter is missing"));
    }

    /** The children of this map, in source order. */
    public Map<String, ConfigNode> fields() throws ConfigException {
        expectMap();
        Map<String, ConfigNode> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), new ConfigNode(document, childPath(e.getKey()), e.getValue()));
        }
        return fields;
    }

    /**
     * Checks that this map has no keys but the allowed ones: an unknown keyword is an error, as in Kea.
     * {@code comment} and {@code user-context} are always allowed.
     */
    public ConfigNode checkKeys(Collection<String> allowed) throws ConfigException {
        expectMap();
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name) && !name.equals("comment") && !name.equals("user-context")) {
                ConfigNode child = new ConfigNode(document, childPath(name), json.get(name));
                String where = path.isEmpty() ? "the top level" : "'" + path + "'";
                throw child.error("unknown keyword '" + name + "' in " + where
                        + " (accepted: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "/" + key;
    }

    // ----- lists

    /** The elements of this list. */
    public List<ConfigNode> elements() throws ConfigException {
        if (!json.isArray()) {
            throw error("expected a list, got " + typeName(json));
        }
        List<ConfigNode> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(new ConfigNode(document, path + "[" + i + "]", json.get(i)));
        }
        return out;
    }

    // ----- scalars

    /** This element as a string. */
    public String asString() throws ConfigException {
        if (!json.isTextual()) {
            throw error("expected a string, got " + typeName(json));
        }
        return json.textValue();
    }

    /** This element as a boolean. */
    public boolean asBoolean() throws ConfigException {
        if (!json.isBoolean()) {
            throw error("expected a boolean, got " + typeName(json));
        }
        return json.booleanValue();
    }

    /** This element as an integer within [min, max]. */
    public long asLong(long min, long max) throws ConfigException {
        if (!json.isIntegralNumber()) {
            throw error("expected an integer, got " + typeName(json));
        }
        if (!json.canConvertToLong()) {
            throw error("integer out of range");
        }
        long value = json.longValue();
        if (value < min || value > max) {
            throw error("value " + value + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    /** This element as an int within [min, max]. */
    public int asInt(int min, int max) throws ConfigException {
        return (int) asLong(min, max);
    }

    /** A 32-bit unsigned value, as Kea's lifetimes and timers. */
    public long asUint32() throws ConfigException {
        return asLong(0, 0xFFFF_FFFFL);
    }

    // ----- optional children with defaults

    /** A string child, or the default when absent. */
    public String getString(String key, String defaultValue) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        return child.isPresent() ? child.get().asString() : defaultValue;
    }

    /** A boolean child, or the default when absent. */
    public boolean getBoolean(String key, boolean defaultValue) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        return child.isPresent() ? child.get().asBoolean() : defaultValue;
    }

    /** An integer child within [min, max], or the default when absent. */
    public long getLong(String key, long min, long max, long defaultValue) throws ConfigException {
        Optional<ConfigNode> child = get(key);
        return child.isPresent() ? child.get().asLong(min, max) : defaultValue;
    }

    /** A JSON type name for messages. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "a map";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a real number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public String toString() {
        return path + "=" + json;
    }
}
