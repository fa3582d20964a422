package org.kea4j.config;

import java.util.List;
import java.util.Optional;

/**
 * A parsed, validated section that has not been applied yet. Besides its own content it hands the
 * platform the elements Kea shares between daemons: hooks libraries, control socket, loggers.
 */
public interface PreparedSection {

    /** Applies this configuration. On failure the previous one must still be running. */
    void commit() throws ConfigException;

    /** {@code hooks-libraries} of this section, in order. */
    default List<HooksLibraryConfig> hooksLibraries() {
        return List.of();
    }

    /** {@code control-socket} of this section. */
    default Optional<ControlSocketConfig> controlSocket() {
        return Optional.empty();
    }

    /**
     * The HTTP control listeners of this section: Kea 2.2's {@code Control-agent}, or the {@code http} entries of
     * a server's {@code control-sockets}.
     *
     * @since 1.3
     */
    default List<HttpListenerConfig> httpControlSockets() {
        return List.of();
    }

    /** Loggers this section configures (the top-level {@code Logging}, or Kea 2.x {@code loggers}). */
    default List<LoggerConfig> loggers() {
        return List.of();
    }
}
