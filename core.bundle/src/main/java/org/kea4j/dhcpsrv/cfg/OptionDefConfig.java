package org.kea4j.dhcpsrv.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;

/**
 * One {@code option-def} entry: a user-defined option format.
 *
 * @param name        option name
 * @param code        option code
 * @param type        data type ({@code uint32}, {@code string}, {@code record} ...)
 * @param array       an array of {@code type}
 * @param recordTypes for {@code record}: the field types
 * @param space       option space
 * @param encapsulate the space of sub-options it carries, or empty
 */
public record OptionDefConfig(String name, int code, String type, boolean array, List<String> recordTypes, String space,
        String encapsulate) {

    /** The data types of option definitions. */
    public static final Set<String> TYPES = Set.of("empty", "binary", "boolean", "int8", "int16", "int32", "uint8",
            "uint16", "uint32", "ipv4-address", "ipv6-address", "ipv6-prefix", "psid", "string", "fqdn", "record",
            "tuple", "internal");

    private static final Set<String> KEYS = Set.of("name", "code", "type", "array", "record-types", "space",
            "encapsulate");

    public OptionDefConfig {
        recordTypes = List.copyOf(recordTypes);
    }

    /** Parses an {@code option-def} list. */
    public static List<OptionDefConfig> parseList(ConfigNode list, String defaultSpace, int maxCode)
            throws ConfigException {
        List<OptionDefConfig> out = new ArrayList<>();
        for (ConfigNode entry : list.elements()) {
            entry.expectMap().checkKeys(KEYS);
            String name = entry.require("name").asString();
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw entry.require("name").error("invalid option name '" + name + "'");
            }
            int code = entry.require("code").asInt(1, maxCode);
            ConfigNode typeNode = entry.require("type");
            String type = typeNode.asString();
            if (!TYPES.contains(type)) {
                throw typeNode.error("unknown option data type '" + type + "' (" + String.join(", ", new java.util.TreeSet<>(TYPES)) + ")");
            }
            List<String> recordTypes = new ArrayList<>();
            String records = entry.getString("record-types", "");
            if (!records.isBlank()) {
                for (String t : records.split(",")) {
                    String field = t.trim();
                    if (!TYPES.contains(field) || field.equals("record") || field.equals("empty")) {
                        throw entry.require("record-types").error("invalid record field type '" + field + "'");
                    }
                    recordTypes.add(field);
                }
            }
            if (type.equals("record") && recordTypes.isEmpty()) {
                throw entry.error("a record option needs 'record-types'");
            }
            if (!type.equals("record") && !recordTypes.isEmpty()) {
                throw entry.require("record-types").error("'record-types' is only for type 'record'");
            }
            OptionDefConfig def = new OptionDefConfig(name, code, type, entry.getBoolean("array", false), recordTypes,
                    entry.getString("space", defaultSpace), entry.getString("encapsulate", ""));
            for (OptionDefConfig other : out) {
                if (other.space.equals(def.space) && (other.code == def.code || other.name.equals(def.name))) {
                    throw entry.error("option definition " + name + " (code " + code + ") duplicates "
                            + other.name + " (code " + other.code + ") in space " + def.space);
                }
            }
            out.add(def);
        }
        return out;
    }

    /** This entry as an option definition. */
    public org.kea4j.dhcp.OptionDefinition toDefinition() {
        List<org.kea4j.dhcp.OptionDataType> fields = new ArrayList<>();
        for (String t : recordTypes) {
            fields.add(org.kea4j.dhcp.OptionDataType.ofKeaName(t));
        }
        return new org.kea4j.dhcp.OptionDefinition(name, code, space, org.kea4j.dhcp.OptionDataType.ofKeaName(type),
                array, fields, encapsulate);
    }

    /**
     * The standard definitions plus these user ones.
     *
     * @throws ConfigException when a user definition clashes with a standard or another one
     */
    /**
     * The definitions a client class's option-data uses: the standard ones, the global {@code option-def}
     * entries the class does not redefine (same space and code or name), then the class's own.
     */
    public static org.kea4j.dhcp.OptionDefinitions extendForClass(org.kea4j.dhcp.OptionDefinitions standard,
            List<OptionDefConfig> global, List<OptionDefConfig> ofClass, String element) throws ConfigException {
        List<OptionDefConfig> all = new ArrayList<>();
        for (OptionDefConfig g : global) {
            boolean redefined = ofClass.stream().anyMatch(c -> c.space().equals(g.space())
                    && (c.code() == g.code() || c.name().equals(g.name())));
            if (!redefined) {
                all.add(g);
            }
        }
        all.addAll(ofClass);
        return extend(standard, all, element);
    }

    public static org.kea4j.dhcp.OptionDefinitions extend(org.kea4j.dhcp.OptionDefinitions standard,
            List<OptionDefConfig> user, String element) throws ConfigException {
        List<org.kea4j.dhcp.OptionDefinition> defs = new ArrayList<>();
        for (OptionDefConfig c : user) {
            defs.add(c.toDefinition());
        }
        try {
            return standard.with(defs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(element, e.getMessage(), null);
        }
    }
}
