package org.kea4j.config;

import static org.kea4j.log.LogMessages.LOG_BAD_SEVERITY;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kea4j.log.Severity;

/**
 * Parsers of the elements every Kea daemon shares: {@code hooks-libraries}, {@code control-socket} and
 * {@code loggers}. Server sections call them for their own elements.
 */
public final class CommonElements {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LOGGER_KEYS = Set.of("name", "severity", "debuglevel", "output_options",
            "output-options");
    private static final Set<String> OUTPUT_KEYS = Set.of("output", "maxsize", "maxver", "flush", "pattern");
    private static final Set<String> SOCKET_KEYS = Set.of("socket-type", "socket-name");
    private static final Set<String> LIBRARY_KEYS = Set.of("library", "parameters");

    /** Kea 0.9.2's default size that triggers log file rotation. */
    public static final long DEFAULT_LOG_MAXSIZE = 204800;
    /** The most rotated log files kept (logback's fixed window allows 20). */
    public static final int MAX_LOG_MAXVER = 20;

    private CommonElements() {
    }

    /**
     * {@code hooks-libraries}: Kea 0.9's list of strings, or the later list of
     * {@code {"library": ..., "parameters": {...}}} maps.
     */
    public static List<HooksLibraryConfig> hooksLibraries(ConfigNode list) throws ConfigException {
        List<HooksLibraryConfig> out = new ArrayList<>();
        for (ConfigNode entry : list.elements()) {
            if (entry.json().isTextual()) {
                out.add(new HooksLibraryConfig(nonBlank(entry), Map.of()));
                continue;
            }
            entry.expectMap().checkKeys(LIBRARY_KEYS);
            String library = nonBlank(entry.require("library"));
            Map<String, Object> parameters = Map.of();
            Optional<ConfigNode> params = entry.get("parameters");
            if (params.isPresent()) {
                params.get().expectMap();
                @SuppressWarnings("unchecked")
                Map<String, Object> converted = MAPPER.convertValue(params.get().json(), Map.class);
                parameters = converted;
            }
            out.add(new HooksLibraryConfig(library, parameters));
        }
        return out;
    }

    private static String nonBlank(ConfigNode node) throws ConfigException {
        String value = node.asString().trim();
        if (value.isEmpty()) {
            throw node.error("hooks library name must not be blank");
        }
        return value;
    }

    /** {@code control-socket}: {@code {"socket-type": "unix", "socket-name": PATH}}. */
    public static ControlSocketConfig controlSocket(ConfigNode map) throws ConfigException {
        map.expectMap().checkKeys(SOCKET_KEYS);
        String type = map.getString("socket-type", "unix");
        if (!type.equals("unix")) {
            throw map.require("socket-type").error("unsupported socket-type '" + type + "' (only 'unix')");
        }
        ConfigNode nameNode = map.require("socket-name");
        String name = nameNode.asString();
        if (name.isBlank()) {
            throw nameNode.error("socket-name must not be empty");
        }
        return new ControlSocketConfig(Path.of(name));
    }

    /** A {@code loggers} list. */
    public static List<LoggerConfig> loggers(ConfigNode list) throws ConfigException {
        List<LoggerConfig> out = new ArrayList<>();
        for (ConfigNode entry : list.elements()) {
            entry.expectMap().checkKeys(LOGGER_KEYS);
            ConfigNode nameNode = entry.require("name");
            String name = nameNode.asString().trim();
            if (name.isEmpty()) {
                throw nameNode.error("logger name must not be empty");
            }
            Severity severity = Severity.INFO;
            Optional<ConfigNode> severityNode = entry.get("severity");
            if (severityNode.isPresent()) {
                String text = severityNode.get().asString();
                severity = Severity.parse(text).orElseThrow(() -> severityNode.get().error(LOG_BAD_SEVERITY, text));
            }
            int debugLevel = (int) entry.getLong("debuglevel", 0, Severity.MAX_DEBUG_LEVEL, 0);
            List<LoggerConfig.LogOutput> outputs = new ArrayList<>();
            Optional<ConfigNode> options = entry.get("output_options");
            if (options.isEmpty()) {
                options = entry.get("output-options");
            }
            if (options.isPresent()) {
                for (ConfigNode option : options.get().elements()) {
                    outputs.add(output(option));
                }
            }
            out.add(new LoggerConfig(name, severity, debugLevel, outputs));
        }
        return out;
    }

    private static LoggerConfig.LogOutput output(ConfigNode option) throws ConfigException {
        option.expectMap().checkKeys(OUTPUT_KEYS);
        ConfigNode outputNode = option.require("output");
        String output = outputNode.asString().trim();
        if (output.isEmpty()) {
            throw outputNode.error("output must not be empty");
        }
        long maxSize = option.getLong("maxsize", 0, Long.MAX_VALUE, DEFAULT_LOG_MAXSIZE);
        int maxVer = (int) option.getLong("maxver", 1, MAX_LOG_MAXVER, 1);
        boolean flush = option.getBoolean("flush", true);
        String pattern = option.getString("pattern", null);
        return new LoggerConfig.LogOutput(output, maxSize, maxVer, flush, pattern == null || pattern.isEmpty() ? null
                : pattern);
    }
}
