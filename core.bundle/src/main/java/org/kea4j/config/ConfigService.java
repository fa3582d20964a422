package org.kea4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The running configuration and the transaction that replaces it. Every change parses and validates the
 * whole new configuration first; only when every section accepts it is it committed. On any error the
 * running configuration stays.
 */
public interface ConfigService {

    /** Loads a configuration file and makes it the file that {@link #reload} re-reads. */
    ConfigResult loadFile(Path file);

    /** Re-reads the current configuration file. */
    ConfigResult reload(ConfigTrigger trigger);

    /** Applies a configuration given as JSON (the {@code config-set} command). */
    ConfigResult apply(JsonNode config, String origin);

    /** Checks a configuration without applying it (the {@code config-test} command and {@code -t}). */
    ConfigResult test(ConfigDocument config);

    /** The running configuration, as JSON (empty map before the first one). */
    JsonNode running();

    /** The configuration file in use, if one was loaded. */
    Optional<Path> file();

    /** When the running configuration was applied, if ever. */
    Optional<Instant> lastApplied();
}
