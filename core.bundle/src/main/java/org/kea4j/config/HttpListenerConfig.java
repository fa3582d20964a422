package org.kea4j.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP control listener: where it binds, its TLS and authentication, and the Unix sockets of servers
 * outside this process that it forwards commands to, by service name ({@code dhcp4}, {@code dhcp6}, {@code d2}).
 */
public record HttpListenerConfig(String host, int port, Optional<TlsSetup> tls,
        Optional<BasicAuthentication> authentication, Map<String, Path> forwards) {

    public HttpListenerConfig {
        Objects.requireNonNull(host, "host");
        tls = Objects.requireNonNullElse(tls, Optional.empty());
        authentication = Objects.requireNonNullElse(authentication, Optional.empty());
        forwards = Map.copyOf(forwards);
    }

    /** The address and port, as logged. */
    public String endpoint() {
        return host + ":" + port;
    }
}
