package org.kea4j.ddns.d2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;

class D2ConfigParserTest {

    private static D2Config parse(String json) throws ConfigException {
        return D2ConfigParser.parse(ConfigDocument.parse("test", "{ \"DhcpDdns\": " + json + " }").root()
                .require("DhcpDdns"));
    }

    private static String refusal(String json) {
        return assertThrows(ConfigException.class, () -> parse(json)).getMessage();
    }

    @Test
    void defaultsAreKeas() throws Exception {
        D2Config config = parse("{}");
        assertEquals(InetAddress.getByName("127.0.0.1"), config.ipAddress());
        assertEquals(53001, config.port());
        assertEquals(500, config.dnsServerTimeout());
        assertTrue(config.forward().isEmpty());
        assertTrue(config.reverse().isEmpty());
    }

    @Test
    void kea2ConfigurationWithKeysAndDomains() throws Exception {
        D2Config config = parse("""
                { "ip-address": "::1", "port": 5301, "dns-server-timeout": 250, "ncr-protocol": "UDP",
                  "ncr-format": "JSON",
                  "tsig-keys": [ { "name": "k1", "algorithm": "hmac-sha512", "secret": "LSWXnfkKZjdPJI5QxlpnfQ==" },
                                 { "name": "k2", "algorithm": "HMAC-MD5", "digest-bits": 0, "secret": "AAAA" } ],
                  "forward-ddns": { "ddns-domains": [
                      { "name": "Example.COM", "key-name": "k1",
                        "dns-servers": [ { "ip-address": "192.0.2.53" }, { "ip-address": "192.0.2.54", "port": 5353,
                                          "key-name": "k2" } ] } ] },
                  "reverse-ddns": { "ddns-domains": [
                      { "name": "2.0.192.in-addr.arpa.", "dns-servers": [ { "ip-address": "192.0.2.53" } ] } ] },
                  "user-context": { "site": "lab" } }
                """);
        assertEquals(InetAddress.getByName("::1"), config.ipAddress());
        assertEquals(5301, config.port());
        assertEquals(250, config.dnsServerTimeout());
        assertEquals("HMAC-SHA512", config.tsigKeys().get("k1").algorithm());
        DdnsDomain example = config.forward().domains().get(0);
        assertEquals("example.com.", example.name());
        assertEquals("k1", example.servers().get(0).key().name());
        assertEquals(53, example.servers().get(0).port());
        assertEquals("k2", example.servers().get(1).key().name(), "a server's own key wins");
        assertEquals(5353, example.servers().get(1).port());
        assertNull(config.reverse().domains().get(0).servers().get(0).key());
    }

    @Test
    void kea09UnderscoredKeysAreRead() throws Exception {
        D2Config config = parse("""
                { "ip_address": "127.0.0.2", "port": 5302, "dns_server_timeout": 100,
                  "tsig_keys": [ { "name": "k", "algorithm": "HMAC-SHA1", "digest_bits": 0, "secret": "AAAA" } ],
                  "forward_ddns": { "ddns_domains": [ { "name": "example.org.", "key_name": "k",
                                    "dns_servers": [ { "ip_address": "127.0.0.1", "port": 53 } ] } ] } }
                """);
        assertEquals(5302, config.port());
        assertEquals("k", config.forward().domains().get(0).servers().get(0).key().name());
    }

    @Test
    void secretsDoNotPrint() throws Exception {
        D2Config config = parse("""
                { "tsig-keys": [ { "name": "k", "algorithm": "HMAC-SHA256", "secret": "c2VjcmV0LXNlY3JldA==" } ] }
                """);
        assertTrue(!config.tsigKeys().get("k").toString().contains("c2Vj"));
    }

    @Test
    void badConfigurationsAreRefusedWithTheElementNamed() {
        assertTrue(refusal("{ \"ip-address\": \"0.0.0.0\" }").contains("wildcard"));
        assertTrue(refusal("{ \"ip-address\": \"d2.example.com\" }").contains("ip-address"));
        assertTrue(refusal("{ \"port\": 0 }").contains("port"));
        assertTrue(refusal("{ \"dns-server-timeout\": 0 }").contains("dns-server-timeout"));
        assertTrue(refusal("{ \"ncr-protocol\": \"TCP\" }").contains("not yet supported"));
        assertTrue(refusal("{ \"ncr-format\": \"XML\" }").contains("ncr-format"));
        assertTrue(refusal("{ \"bogus\": 1 }").contains("bogus"));
        assertTrue(refusal("{ \"tsig-keys\": [ { \"name\": \"k\", \"algorithm\": \"HMAC-SHA3\", \"secret\": \"AAAA\" } ] }")
                .contains("HMAC-SHA3"));
        assertTrue(refusal("{ \"tsig-keys\": [ { \"name\": \"k\", \"algorithm\": \"HMAC-MD5\", \"secret\": \"!!\" } ] }")
                .contains("base64"));
        assertTrue(refusal("{ \"tsig-keys\": [ { \"name\": \"k\", \"algorithm\": \"HMAC-SHA256\", \"digest-bits\": 120,"
                + " \"secret\": \"AAAA\" } ] }").contains("at least 128"));
        assertTrue(refusal("{ \"tsig-keys\": [ { \"name\": \"k\", \"algorithm\": \"HMAC-SHA256\", \"digest-bits\": 128,"
                + " \"secret\": \"AAAA\" } ] }").contains("not supported"));
        assertTrue(refusal("{ \"tsig-keys\": [ { \"name\": \"k\", \"algorithm\": \"HMAC-MD5\", \"secret\": \"AAAA\" },"
                + " { \"name\": \"k\", \"algorithm\": \"HMAC-MD5\", \"secret\": \"AAAA\" } ] }").contains("duplicate"));
        assertTrue(refusal("{ \"forward-ddns\": { \"ddns-domains\": [ { \"name\": \"a.\", \"key-name\": \"nokey\","
                + " \"dns-servers\": [ { \"ip-address\": \"127.0.0.1\" } ] } ] } }").contains("nokey"));
        assertTrue(refusal("{ \"forward-ddns\": { \"ddns-domains\": [ { \"name\": \"a.\", \"dns-servers\": [] } ] } }")
                .contains("no dns-servers"));
        assertTrue(refusal("{ \"forward-ddns\": { \"ddns-domains\": [ { \"name\": \"a.\", \"dns-servers\": "
                + "[ { \"hostname\": \"ns.a.\" } ] } ] } }").contains("not yet supported"));
        assertTrue(refusal("{ \"reverse-ddns\": { \"ddns-domains\": [ { \"name\": \"example.com.\", \"dns-servers\": "
                + "[ { \"ip-address\": \"127.0.0.1\" } ] } ] } }").contains("in-addr.arpa"));
        assertTrue(refusal("{ \"forward-ddns\": { \"ddns-domains\": [ { \"name\": \"a.\", \"dns-servers\": "
                + "[ { \"ip-address\": \"127.0.0.1\" } ] }, { \"name\": \"A\", \"dns-servers\": "
                + "[ { \"ip-address\": \"127.0.0.1\" } ] } ] } }").contains("duplicate"));
    }
}
