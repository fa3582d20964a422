package org.kea4j.ddns.d2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdnsDomainsTest {

    private static DdnsDomain domain(String name) {
        return new DdnsDomain(name, List.of());
    }

    private static String match(DdnsDomains domains, String fqdn) {
        return domains.match(fqdn).map(DdnsDomain::name).orElse("none");
    }

    @Test
    void longestSuffixOnALabelBoundaryWins() {
        DdnsDomains domains = new DdnsDomains(List.of(domain("example.com."), domain("lab.example.com."),
                domain("com.")));
        assertEquals("lab.example.com.", match(domains, "host.lab.example.com."));
        assertEquals("example.com.", match(domains, "host.example.com."));
        assertEquals("example.com.", match(domains, "HOST.Example.Com"));
        assertEquals("lab.example.com.", match(domains, "lab.example.com."), "exact match");
        assertEquals("com.", match(domains, "host.xlab.example.org.com."));
        assertEquals("com.", match(domains, "hostexample.com."), "not on a label boundary");
        assertEquals("none", match(domains, "host.example.org."));
    }

    @Test
    void wildcardTakesWhatNothingElseMatches() {
        DdnsDomains domains = new DdnsDomains(List.of(domain("*"), domain("example.com.")));
        assertEquals("example.com.", match(domains, "a.example.com."));
        assertEquals("*", match(domains, "a.example.org."));
        assertTrue(DdnsDomains.NONE.match("a.example.com.").isEmpty());
    }

    @Test
    void reverseNames() throws Exception {
        assertEquals("10.2.0.192.in-addr.arpa.", DdnsDomains.reverseName(InetAddress.getByName("192.0.2.10")));
        assertEquals("0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                DdnsDomains.reverseName(InetAddress.getByName("2001:db8:1::10")));
        DdnsDomains reverse = new DdnsDomains(List.of(domain("2.0.192.in-addr.arpa."), domain("192.in-addr.arpa."),
                domain("0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.")));
        assertEquals("2.0.192.in-addr.arpa.", match(reverse, "10.2.0.192.in-addr.arpa."));
        assertEquals("192.in-addr.arpa.", match(reverse, "10.3.0.192.in-addr.arpa."));
        assertEquals("0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                match(reverse, DdnsDomains.reverseName(InetAddress.getByName("2001:db8:1::10"))));
    }
}
