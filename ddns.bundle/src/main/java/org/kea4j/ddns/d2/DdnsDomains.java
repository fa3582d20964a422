package org.kea4j.ddns.d2;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.ReverseMap;

/**
 * The forward or the reverse domains of D2 and how a name finds its domain: the domain whose name is the longest
 * suffix of the name on a label boundary (case-insensitive; an exact match wins), else the wildcard.
 */
public record DdnsDomains(List<DdnsDomain> domains) {

    public static final DdnsDomains NONE = new DdnsDomains(List.of());

    public DdnsDomains {
        domains = List.copyOf(domains);
    }

    /** Whether updates in this direction are configured at all. */
    public boolean isEmpty() {
        return domains.isEmpty();
    }

    /** The domain of an absolute name. */
    public Optional<DdnsDomain> match(String fqdn) {
        String name = absolute(fqdn.toLowerCase(Locale.ROOT));
        DdnsDomain best = null;
        DdnsDomain wildcard = null;
        for (DdnsDomain domain : domains) {
            if (domain.isWildcard()) {
                wildcard = domain;
                continue;
            }
            String zone = domain.name();
            if (name.equals(zone)) {
                return Optional.of(domain);
            }
            boolean suffix = zone.equals(".") || name.endsWith("." + zone);
            if (suffix && (best == null || zone.length() > best.name().length())) {
                best = domain;
            }
        }
        return Optional.ofNullable(best != null ? best : wildcard);
    }

    /** The reverse name of an address: {@code 10.2.0.192.in-addr.arpa.} or the nibbles under {@code ip6.arpa.}. */
    public static String reverseName(InetAddress address) {
        return ReverseMap.fromAddress(address).toString().toLowerCase(Locale.ROOT);
    }

    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
