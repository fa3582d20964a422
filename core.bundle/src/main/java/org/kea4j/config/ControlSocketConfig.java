package org.kea4j.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code control-socket} element: Kea's {@code {"socket-type": "unix", "socket-name": PATH}}.
 *
 * @param path the socket file
 */
public record ControlSocketConfig(Path path) {

    public ControlSocketConfig {
        Objects.requireNonNull(path, "path");
    }
}
