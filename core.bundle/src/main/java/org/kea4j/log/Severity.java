package org.kea4j.log;

import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Kea's severities, from the most verbose to the least; {@link #NONE} as a threshold silences a logger. */
@ProviderType
public enum Severity {
    DEBUG, INFO, WARN, ERROR, FATAL, NONE;

    /** The highest debug level Kea accepts. */
    public static final int MAX_DEBUG_LEVEL = 99;

    /** Parses a severity name as Kea's configuration spells it (case-insensitive). */
    public static Optional<Severity> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
