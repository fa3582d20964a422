package org.kea4j.ddns.d2;

import java.util.List;

/**
 * A {@code ddns-domains} entry: a zone (absolute, lower case; {@code *} is the wildcard) and the servers that
 * take its updates, tried in order.
 */
public record DdnsDomain(String name, List<DnsServerConfig> servers) {

    public DdnsDomain {
        servers = List.copyOf(servers);
    }

    /** Whether this is the wildcard domain, which matches any name. */
    public boolean isWildcard() {
        return name.equals("*");
    }
}
