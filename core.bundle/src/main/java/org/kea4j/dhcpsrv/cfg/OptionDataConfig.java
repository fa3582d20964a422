package org.kea4j.dhcpsrv.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;

/**
 * One {@code option-data} entry as configured; turned into an option by the server's option definitions.
 *
 * @param name       option name, or null
 * @param code       option code, or -1 when only the name is given
 * @param space      option space ({@code dhcp4}, {@code dhcp6}, {@code vendor-4491} ...)
 * @param data       the data: comma-separated values, or hex when {@code csvFormat} is false
 * @param csvFormat  whether {@code data} is comma-separated values
 * @param alwaysSend send even when the client did not ask
 * @param path       where it was configured (for errors)
 * @param location   {@code origin:line:column}, or null
 */
public record OptionDataConfig(String name, int code, String space, String data, boolean csvFormat,
        boolean alwaysSend, String path, String location) {

    private static final Set<String> KEYS = Set.of("name", "code", "space", "data", "csv-format", "always-send",
            "never-send");

    /** Parses an {@code option-data} list; {@code defaultSpace} is {@code dhcp4} or {@code dhcp6}. */
    public static List<OptionDataConfig> parseList(ConfigNode list, String defaultSpace, int maxCode)
            throws ConfigException {
        List<OptionDataConfig> out = new ArrayList<>();
        for (ConfigNode entry : list.elements()) {
            entry.expectMap().checkKeys(KEYS);
            String name = entry.getString("name", null);
            int code = (int) entry.getLong("code", 0, maxCode, -1);
            if (name == null && code < 0) {
                throw entry.error("option data must have a 'name' or a 'code'");
            }
            if (name != null && name.isBlank()) {
                throw entry.require("name").error("option name must not be empty");
            }
            if (name != null && !name.matches("[A-Za-z0-9_.-]+")) {
                throw entry.require("name").error("invalid option name '" + name + "'");
            }
            String space = entry.getString("space", defaultSpace);
            Optional<ConfigNode> data = entry.get("data");
            out.add(new OptionDataConfig(name, code, space, data.isPresent() ? data.get().asString() : "",
                    entry.getBoolean("csv-format", true), entry.getBoolean("always-send", false), entry.path(),
                    entry.document().locationOf(entry.path())));
        }
        return out;
    }

    /** An error about this entry. */
    public ConfigException error(String reason) {
        return new ConfigException(path, reason, location);
    }
}
