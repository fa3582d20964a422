package org.kea4j.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed configuration: the JSON tree and where each element was in the source, so that errors can
 * name a line. Comments are allowed as Kea 2.x allows them: {@code #} and {@code //} to the end of the
 * line, and {@code /* ... *}{@code /} blocks.
 */
public final class ConfigDocument {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS) // Kea takes "t1-percent": .45
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String origin;
    private final JsonNode root;
    private final Map<String, String> locations;

    private ConfigDocument(String origin, JsonNode root, Map<String, String> locations) {
        this.origin = origin;
        this.root = root;
        this.locations = locations;
    }

    /** Reads a configuration file. Errors: the file cannot be read, or it is not valid JSON. */
    public static ConfigDocument read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "cannot open " + file + ": no such file", null);
        } catch (IOException e) {
            throw new ConfigException("", "cannot open " + file + ": " + e.getMessage(), null);
        }
        return parse(file.toString(), text);
    }

    /** Parses configuration text; {@code origin} names it in errors (a file name, or "command"). */
    public static ConfigDocument parse(String origin, String text) throws ConfigException {
        Map<String, String> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException("", "empty configuration", origin + ":1:1");
            }
            JsonNode root = readValue(parser, "", origin, locations);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new ConfigException("", "unexpected content after the configuration",
                        location(origin, parser.currentTokenLocation()));
            }
            return new ConfigDocument(origin, root, Collections.unmodifiableMap(locations));
        } catch (JsonParseException e) {
            throw new ConfigException("", cleanJacksonMessage(e.getOriginalMessage()),
                    location(origin, e.getLocation()));
        } catch (IOException e) {
            throw new ConfigException("", e.getMessage(), origin);
        }
    }

    /** Wraps an already parsed tree (for example the arguments of a control command). */
    public static ConfigDocument of(String origin, JsonNode root) {
        return new ConfigDocument(origin, root, Map.of());
    }

    private static JsonNode readValue(JsonParser p, String path, String origin, Map<String, String> locations)
            throws IOException {
        JsonToken token = p.currentToken();
        locations.put(path, location(origin, p.currentTokenLocation()));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    String childPath = path.isEmpty() ? field : path + "/" + field;
                    p.nextToken();
                    object.set(field, readValue(p, childPath, origin, locations));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(p, path + "[" + index + "]", origin, locations));
                    index++;
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return nodes.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                try {
                    return nodes.numberNode(p.getDecimalValue());
                } catch (NumberFormatException e) {
                    // an exponent beyond BigDecimal's range (found by fuzzing): a parse error with its place
                    throw new JsonParseException(p, "number out of range: " + p.getText());
                }
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + token);
        }
    }

    private static String cleanJacksonMessage(String message) {
        if (message == null) {
            return "syntax error";
        }
        int cut = message.indexOf("\n at [Source");
        return cut >= 0 ? message.substring(0, cut) : message;
    }

    private static String location(String origin, JsonLocation loc) {
        if (loc == null) {
            return origin;
        }
        return origin + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** Where the document came from. */
    public String origin() {
        return origin;
    }

    /** The JSON tree. */
    public JsonNode json() {
        return root;
    }

    /** The root element as a node. */
    public ConfigNode root() {
        return new ConfigNode(this, "", root);
    }

    /** {@code origin:line:column} of an element path, or null when unknown. */
    public String locationOf(String path) {
        return locations.get(path);
    }
}
