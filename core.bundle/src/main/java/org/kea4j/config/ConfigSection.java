package org.kea4j.config;

/**
 * The parser of one top-level configuration element ({@code Dhcp4}, {@code Dhcp6}, {@code DhcpDdns},
 * {@code Logging}), offered as an OSGi service by the bundle that implements it. Core knows no section
 * by name: it asks each registered section to prepare its element, and commits them all only when
 * every one prepared without error.
 */
public interface ConfigSection {

    /** The top-level key this section parses, for example {@code Dhcp4}. */
    String name();

    /**
     * The root logger name of the daemon this section configures ({@code kea-dhcp4}), or null for a
     * section that is not a daemon (Logging).
     */
    String loggerRoot();

    /**
     * Parses and validates the element into an immutable, ready-to-commit configuration. Must have no
     * side effects: a failed transaction leaves the running configuration untouched.
     */
    PreparedSection prepare(ConfigNode element, ConfigContext context) throws ConfigException;

    /** The section is no longer in the configuration: stop what it runs. */
    default void shutdown() {
    }

    /**
     * Reports that a configuration failed while this section was running or being configured, so that
     * the daemon logs it with its own message ({@code origin}: file or "command").
     */
    default void configFailed(String origin, String reason, ConfigTrigger trigger) {
    }

    /**
     * Reports that a configuration from {@code origin} (file or "command") was applied with this section in it.
     *
     * @since 1.1
     */
    default void configApplied(String origin, ConfigTrigger trigger) {
    }

    /**
     * The values of the elements a configuration may leave out, as Kea's {@code config-get} prints them; null when
     * the section has none to add.
     *
     * @since 1.1
     */
    default com.fasterxml.jackson.databind.JsonNode defaults() {
        return null;
    }

    /**
     * The running element as Kea's {@code config-get} prints it: by default {@code given} plus the
     * {@link #defaults()} of what it leaves out; a section whose inner scopes have defaults too prints them here.
     *
     * @param given the element as configured (a copy the section may change)
     * @since 1.2
     */
    default com.fasterxml.jackson.databind.JsonNode printed(com.fasterxml.jackson.databind.node.ObjectNode given) {
        com.fasterxml.jackson.databind.JsonNode defaults = defaults();
        return defaults == null ? given : withDefaults(defaults, given);
    }

    /**
     * {@code given} plus what {@code defaults} has and it lacks, map into map; the given values untouched.
     *
     * @since 1.2
     */
    static com.fasterxml.jackson.databind.node.ObjectNode withDefaults(com.fasterxml.jackson.databind.JsonNode defaults,
            com.fasterxml.jackson.databind.node.ObjectNode given) {
        com.fasterxml.jackson.databind.node.ObjectNode out = given.deepCopy();
        java.util.Iterator<String> keys = defaults.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            com.fasterxml.jackson.databind.JsonNode own = out.get(key);
            if (own == null) {
                out.set(key, defaults.get(key).deepCopy());
            } else if (own.isObject() && defaults.get(key).isObject()) {
                out.set(key, withDefaults(defaults.get(key), (com.fasterxml.jackson.databind.node.ObjectNode) own));
            }
        }
        return out;
    }

    /** Reports that this running section is about to be reconfigured from {@code origin}. */
    default void reconfigurationStarting(String origin, ConfigTrigger trigger) {
    }

    /**
     * Reports that this daemon is already run by another process on the same configuration file (its PID file
     * names a live process), so that it logs its own message, such as Kea's {@code DHCP4_ALREADY_RUNNING}.
     */
    default void alreadyRunning(String reason) {
    }
}
