package org.kea4j.ddns.d2;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kea4j.config.CommonElements;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.config.ControlSocketConfig;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.config.LoggerConfig;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Parses {@code DhcpDdns} as Kea does, in Kea 2.x's hyphenated keys or 0.9's underscored ones
 * ({@code ip_address}, {@code tsig_keys}, {@code ddns_domains}, ...).
 */
public final class D2ConfigParser {

    private static final List<String> TOP = List.of("ip-address", "port", "dns-server-timeout", "ncr-protocol",
            "ncr-format", "tsig-keys", "forward-ddns", "reverse-ddns", "control-socket", "loggers",
            "hooks-libraries");

    private D2ConfigParser() {
    }

    /** The element's configuration; the error names the element at fault. */
    public static D2Config parse(ConfigNode element) throws ConfigException {
        element.expectMap().checkKeys(bothSpellings(TOP));
        InetAddress ip = address(optional(element, "ip-address"), "127.0.0.1");
        if (ip.isAnyLocalAddress()) {
            throw optional(element, "ip-address").get()
                    .error("D2 cannot listen on the wildcard address " + ip.getHostAddress() + ": name one address");
        }
        int port = optional(element, "port").isPresent()
                ? optional(element, "port").get().asInt(1, 65535) : D2Config.DEFAULT_PORT;
        int timeout = optional(element, "dns-server-timeout").isPresent()
                ? optional(element, "dns-server-timeout").get().asInt(1, Integer.MAX_VALUE)
                : D2Config.DEFAULT_DNS_SERVER_TIMEOUT;
        Optional<ConfigNode> protocol = optional(element, "ncr-protocol");
        if (protocol.isPresent()) {
            String p = protocol.get().asString().toUpperCase(Locale.ROOT);
            if (p.equals("TCP")) {
                throw protocol.get().error("ncr-protocol TCP is not yet supported (as in Kea): use UDP");
            }
            if (!p.equals("UDP")) {
                throw protocol.get().error("invalid ncr-protocol '" + protocol.get().asString() + "': use UDP");
            }
        }
        Optional<ConfigNode> format = optional(element, "ncr-format");
        if (format.isPresent() && !format.get().asString().equalsIgnoreCase("JSON")) {
            throw format.get().error("invalid ncr-format '" + format.get().asString() + "': use JSON");
        }
        Map<String, TsigKeyConfig> keys = new LinkedHashMap<>();
        Optional<ConfigNode> keyList = optional(element, "tsig-keys");
        if (keyList.isPresent()) {
            for (ConfigNode key : keyList.get().elements()) {
                TsigKeyConfig parsed = tsigKey(key);
                if (keys.putIfAbsent(parsed.name(), parsed) != null) {
                    throw key.error("duplicate TSIG key name '" + parsed.name() + "'");
                }
            }
        }
        DdnsDomains forward = domains(optional(element, "forward-ddns"), keys, false);
        DdnsDomains reverse = domains(optional(element, "reverse-ddns"), keys, true);
        Optional<ControlSocketConfig> socket = element.get("control-socket").isPresent()
                ? Optional.of(CommonElements.controlSocket(element.require("control-socket"))) : Optional.empty();
        List<LoggerConfig> loggers = element.get("loggers").isPresent()
                ? CommonElements.loggers(element.require("loggers")) : List.of();
        List<HooksLibraryConfig> hooks = element.get("hooks-libraries").isPresent()
                ? CommonElements.hooksLibraries(element.require("hooks-libraries")) : List.of();
        return new D2Config(ip, port, timeout, keys, forward, reverse, socket, loggers, hooks);
    }

    private static Set<String> bothSpellings(List<String> keys) {
        Set<String> all = new HashSet<>(keys);
        for (String key : keys) {
            all.add(key.replace('-', '_'));
        }
        return all;
    }

    /** A key in Kea 2.x spelling, found in either spelling. */
    private static Optional<ConfigNode> optional(ConfigNode map, String hyphenated) throws ConfigException {
        Optional<ConfigNode> node = map.get(hyphenated);
        return node.isPresent() ? node : map.get(hyphenated.replace('-', '_'));
    }

    private static ConfigNode required(ConfigNode map, String hyphenated) throws ConfigException {
        return optional(map, hyphenated).orElseThrow(() -> map.error("mandatory '" + hyphenated
                + "' parameter is missing"));
    }

    private static InetAddress address(Optional<ConfigNode> node, String defaultText) throws ConfigException {
        String text = node.isPresent() ? node.get().asString() : defaultText;
        if (!text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw node.get().error("invalid address '" + text + "': an IPv4 or IPv6 address is expected");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw node.get().error("invalid address '" + text + "'");
        }
    }

    private static TsigKeyConfig tsigKey(ConfigNode key) throws ConfigException {
        key.expectMap().checkKeys(bothSpellings(List.of("name", "algorithm", "digest-bits", "secret")));
        String name = required(key, "name").asString();
        if (name.isBlank()) {
            throw key.error("TSIG key name must not be blank");
        }
        ConfigNode algorithmNode = required(key, "algorithm");
        String algorithm = TsigKeyConfig.canonicalAlgorithm(algorithmNode.asString());
        if (!TsigKeyConfig.ALGORITHMS.containsKey(algorithm)) {
            throw algorithmNode.error("TSIG key algorithm '" + algorithmNode.asString() + "' is not one of "
                    + String.join(", ", new java.util.TreeSet<>(TsigKeyConfig.ALGORITHMS.keySet())));
        }
        int digestBits = 0;
        Optional<ConfigNode> bits = optional(key, "digest-bits");
        if (bits.isPresent()) {
            digestBits = bits.get().asInt(0, 512);
            if (digestBits != 0) {
                if (digestBits % 8 != 0 || digestBits < TsigKeyConfig.minimumDigestBits(algorithm)) {
                    throw bits.get().error("TSIG key digest-bits " + digestBits + " must be a multiple of 8 and at"
                            + " least " + TsigKeyConfig.minimumDigestBits(algorithm) + " for " + algorithm);
                }
                throw bits.get().error("truncated TSIG MACs (digest-bits " + digestBits
                        + ") are not supported: use 0 for the full MAC");
            }
        }
        ConfigNode secretNode = required(key, "secret");
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(secretNode.asString());
        } catch (IllegalArgumentException e) {
            throw secretNode.error("TSIG key secret is not valid base64");
        }
        if (secret.length == 0) {
            throw secretNode.error("TSIG key secret is empty");
        }
        return new TsigKeyConfig(name, algorithm, digestBits, secret);
    }

    private static DdnsDomains domains(Optional<ConfigNode> map, Map<String, TsigKeyConfig> keys, boolean reverse)
            throws ConfigException {
        if (map.isEmpty()) {
            return DdnsDomains.NONE;
        }
        map.get().expectMap().checkKeys(bothSpellings(List.of("ddns-domains")));
        Optional<ConfigNode> list = optional(map.get(), "ddns-domains");
        if (list.isEmpty()) {
            return DdnsDomains.NONE;
        }
        List<DdnsDomain> domains = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode domain : list.get().elements()) {
            domain.expectMap().checkKeys(bothSpellings(List.of("name", "key-name", "dns-servers")));
            ConfigNode nameNode = required(domain, "name");
            String name = zone(nameNode);
            if (!names.add(name)) {
                throw nameNode.error("duplicate domain name '" + name + "'");
            }
            if (reverse && !name.equals("*") && !name.endsWith("in-addr.arpa.") && !name.endsWith("ip6.arpa.")) {
                throw nameNode.error("reverse domain '" + name + "' is not under in-addr.arpa. or ip6.arpa.");
            }
            TsigKeyConfig key = keyOf(optional(domain, "key-name"), keys);
            List<DnsServerConfig> servers = new ArrayList<>();
            ConfigNode serverList = required(domain, "dns-servers");
            for (ConfigNode server : serverList.elements()) {
                server.expectMap().checkKeys(bothSpellings(List.of("ip-address", "port", "hostname", "key-name")));
                if (optional(server, "hostname").isPresent()) {
                    throw optional(server, "hostname").get().error("dns-server hostname is not yet supported: use"
                            + " ip-address");
                }
                InetAddress address = address(Optional.of(required(server, "ip-address")), null);
                int port = optional(server, "port").isPresent() ? optional(server, "port").get().asInt(1, 65535) : 53;
                TsigKeyConfig serverKey = keyOf(optional(server, "key-name"), keys);
                servers.add(new DnsServerConfig(address, port, serverKey != null ? serverKey : key));
            }
            if (servers.isEmpty()) {
                throw serverList.error("domain '" + name + "' has no dns-servers");
            }
            domains.add(new DdnsDomain(name, servers));
        }
        return new DdnsDomains(domains);
    }

    private static String zone(ConfigNode node) throws ConfigException {
        String text = node.asString().trim();
        if (text.equals("*")) {
            return text;
        }
        try {
            return Name.fromString(DdnsDomains.absolute(text)).toString().toLowerCase(Locale.ROOT);
        } catch (TextParseException e) {
            throw node.error("invalid domain name '" + text + "': " + e.getMessage());
        }
    }

    private static TsigKeyConfig keyOf(Optional<ConfigNode> keyName, Map<String, TsigKeyConfig> keys)
            throws ConfigException {
        if (keyName.isEmpty() || keyName.get().asString().isEmpty()) {
            return null;
        }
        TsigKeyConfig key = keys.get(keyName.get().asString());
        if (key == null) {
            throw keyName.get().error("TSIG key '" + keyName.get().asString() + "' is not defined in tsig-keys");
        }
        return key;
    }
}
