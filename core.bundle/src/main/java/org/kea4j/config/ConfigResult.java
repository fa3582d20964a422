package org.kea4j.config;

/**
 * The outcome of loading, testing or applying a configuration.
 *
 * @param success whether it was (or would be) applied
 * @param text    a human-readable answer: the error, or a success note
 */
public record ConfigResult(boolean success, String text) {

    public static ConfigResult ok(String text) {
        return new ConfigResult(true, text);
    }

    public static ConfigResult failed(String text) {
        return new ConfigResult(false, text);
    }
}
