package org.kea4j.config;

/** What started a configuration change. */
public enum ConfigTrigger {
    /** The configuration file given at start. */
    STARTUP,
    /** SIGHUP: re-read the configuration file. */
    SIGNAL,
    /** A control command ({@code config-reload}, {@code config-set}). */
    COMMAND
}
