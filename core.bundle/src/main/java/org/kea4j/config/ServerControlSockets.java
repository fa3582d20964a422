package org.kea4j.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server's control sockets: Kea 2.2's single {@code control-socket} (Unix), or Kea 2.7's {@code control-sockets}
 * list of Unix and HTTP entries.
 *
 * @param unix the Unix socket, if any
 * @param http the HTTP listeners
 */
public record ServerControlSockets(Optional<ControlSocketConfig> unix, List<HttpListenerConfig> http) {

    public static final ServerControlSockets NONE = new ServerControlSockets(Optional.empty(), List.of());

    public ServerControlSockets {
        Objects.requireNonNull(unix, "unix");
        http = List.copyOf(http);
    }

    /** A server section's {@code control-socket} or {@code control-sockets} (not both). */
    public static ServerControlSockets of(ConfigNode section) throws ConfigException {
        Optional<ConfigNode> single = section.get("control-socket");
        Optional<ConfigNode> list = section.get("control-sockets");
        if (single.isPresent() && list.isPresent()) {
            throw list.get().error("control-socket and control-sockets are exclusive");
        }
        if (single.isPresent()) {
            return new ServerControlSockets(Optional.of(CommonElements.controlSocket(single.get())), List.of());
        }
        if (list.isEmpty()) {
            return NONE;
        }
        Optional<ControlSocketConfig> unix = Optional.empty();
        List<HttpListenerConfig> http = new java.util.ArrayList<>();
        for (ConfigNode entry : list.get().elements()) {
            String type = entry.expectMap().getString("socket-type", "unix");
            if (type.equals("unix")) {
                if (unix.isPresent()) {
                    throw entry.error("only one unix control socket per server is supported");
                }
                unix = Optional.of(CommonElements.controlSocket(entry));
            } else {
                http.add(HttpListenerParser.socket(entry));
            }
        }
        return new ServerControlSockets(unix, http);
    }
}
