package org.kea4j.dhcpsrv.leasemgr;

import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_INVALID_ACCESS;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_NOTYPE_DB;
import static org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages.DHCPSRV_UNKNOWN_DB;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.log.MessageFormatter;

/**
 * Lease database access: the {@code lease-database} map of the configuration, or Kea 0.9's access string
 * {@code "type=memfile persist=true name=/var/lib/kea/kea-leases4.csv"}. Parsed in this one place;
 * {@link #toString()} never shows the password.
 *
 * @param type       {@code memfile}, {@code mysql} or {@code postgresql}
 * @param parameters every other key, as text
 */
public record DbAccess(String type, Map<String, String> parameters) {

    /** The back-end types Kea knows. */
    public static final Set<String> KNOWN_TYPES = Set.of("memfile", "mysql", "postgresql");

    /** Keys of the lease-database map (Kea 2.2, and kea4j's {@code pool-size}: SQL connections kept open). */
    public static final Set<String> KEYS = Set.of("type", "persist", "name", "lfc-interval", "max-row-errors", "host",
            "port", "user", "password", "connect-timeout", "read-timeout", "write-timeout", "tcp-user-timeout",
            "max-reconnect-tries", "reconnect-wait-time", "on-fail", "retry-on-startup", "readonly",
            "trust-anchor", "cert-file", "key-file", "cipher-list", "pool-size");

    private static final Set<String> BOOLEAN_KEYS = Set.of("persist", "readonly", "retry-on-startup");
    private static final Set<String> INTEGER_KEYS = Set.of("lfc-interval", "max-row-errors", "port", "connect-timeout",
            "read-timeout", "write-timeout", "tcp-user-timeout", "max-reconnect-tries", "reconnect-wait-time", "pool-size");

    public DbAccess {
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(parameters);
    }

    /** A parameter, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    /** A boolean parameter, or the default. */
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    /** An integer parameter, or the default. */
    public long getLong(String key, long defaultValue) {
        return get(key).map(Long::parseLong).orElse(defaultValue);
    }

    /** Parses the {@code lease-database} element: a map, or an access string. */
    public static DbAccess parse(ConfigNode element) throws ConfigException {
        if (element.json().isTextual()) {
            try {
                return parseAccessString(element.asString());
            } catch (IllegalArgumentException e) {
                throw element.error(e.getMessage());
            }
        }
        element.expectMap().checkKeys(KEYS);
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : element.fields().entrySet()) {
            String key = e.getKey();
            ConfigNode value = e.getValue();
            if (key.equals("comment") || key.equals("user-context") || key.equals("type")) {
                continue;
            }
            if (BOOLEAN_KEYS.contains(key)) {
                params.put(key, Boolean.toString(value.asBoolean()));
            } else if (INTEGER_KEYS.contains(key)) {
                params.put(key, Long.toString(value.asLong(0, key.equals("port") ? 65535 : 0xFFFF_FFFFL)));
            } else {
                params.put(key, value.asString());
            }
        }
        Optional<ConfigNode> typeNode = element.get("type");
        if (typeNode.isEmpty()) {
            throw element.error(DHCPSRV_NOTYPE_DB, redact(params));
        }
        String type = typeNode.get().asString();
        if (!KNOWN_TYPES.contains(type)) {
            throw typeNode.get().error(DHCPSRV_UNKNOWN_DB, type);
        }
        return new DbAccess(type, params);
    }

    /** Parses Kea 0.9's access string. */
    public static DbAccess parseAccessString(String access) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String token : access.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(MessageFormatter.line(DHCPSRV_INVALID_ACCESS, access));
            }
            params.put(token.substring(0, eq), token.substring(eq + 1));
        }
        String type = params.remove("type");
        if (type == null) {
            throw new IllegalArgumentException(MessageFormatter.line(DHCPSRV_NOTYPE_DB, redact(params)));
        }
        if (!KNOWN_TYPES.contains(type)) {
            throw new IllegalArgumentException(MessageFormatter.line(DHCPSRV_UNKNOWN_DB, type));
        }
        return new DbAccess(type, params);
    }

    private static String redact(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(k).append('=').append(k.equals("password") ? "*****" : v);
        });
        return sb.toString();
    }

    /** The access string, with the password hidden. */
    @Override
    public String toString() {
        String rest = redact(parameters);
        return "type=" + type + (rest.isEmpty() ? "" : " " + rest);
    }
}
