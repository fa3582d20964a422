package org.kea4j.ddns.d2;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kea4j.config.ControlSocketConfig;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;

/**
 * The {@code DhcpDdns} element, parsed and checked.
 *
 * @param ipAddress        where NCRs are received (loopback by default)
 * @param port             their UDP port (53001)
 * @param dnsServerTimeout milliseconds to wait for a DNS server's answer
 * @param tsigKeys         the keys by name
 * @param forward          the forward domains (none: forward updates are off)
 * @param reverse          the reverse domains (none: reverse updates are off)
 */
public record D2Config(InetAddress ipAddress, int port, int dnsServerTimeout, Map<String, TsigKeyConfig> tsigKeys,
        DdnsDomains forward, DdnsDomains reverse, Optional<ControlSocketConfig> controlSocket,
        List<LoggerConfig> loggers, List<HooksLibraryConfig> hooksLibraries) {

    /** Kea's default NCR port. */
    public static final int DEFAULT_PORT = 53001;
    /** Kea 2.2's default DNS server timeout in milliseconds. */
    public static final int DEFAULT_DNS_SERVER_TIMEOUT = 500;

    public D2Config {
        tsigKeys = Map.copyOf(tsigKeys);
        loggers = List.copyOf(loggers);
        hooksLibraries = List.copyOf(hooksLibraries);
    }
}
