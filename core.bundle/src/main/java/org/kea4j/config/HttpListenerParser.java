package org.kea4j.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses Kea's HTTP control listeners: the {@code Control-agent} element of Kea 2.2 ({@code http-host},
 * {@code http-port}, {@code control-sockets} by service) and an entry of type {@code http} in a server's
 * {@code control-sockets} list (Kea 2.7+: {@code socket-address}, {@code socket-port}); both take Kea's TLS
 * elements and {@code authentication}. The key is checked when the listener starts (a commit that fails
 * leaves the running configuration).
 */
public final class HttpListenerParser {

    /** Kea 2.2's control agent port. */
    public static final int DEFAULT_PORT = 8000;
    static final Set<String> AGENT_KEYS = Set.of("http-host", "http-port", "control-sockets", "authentication",
            "trust-anchor", "cert-file", "key-file", "cert-required", "hooks-libraries", "loggers", "user-context",
            "comment");
    static final Set<String> SOCKET_KEYS = Set.of("socket-type", "socket-address", "socket-port", "authentication",
            "trust-anchor", "cert-file", "key-file", "cert-required", "http-headers", "user-context", "comment");
    private static final Set<String> SERVICES = Set.of("dhcp4", "dhcp6", "d2");
    private static final Set<String> AUTH_KEYS = Set.of("type", "realm", "directory", "clients", "comment",
            "user-context");
    private static final Set<String> CLIENT_KEYS = Set.of("user", "password", "user-file", "password-file",
            "comment", "user-context");

    private HttpListenerParser() {
    }

    /** The {@code Control-agent} element. */
    public static HttpListenerConfig agent(ConfigNode element) throws ConfigException {
        element.expectMap().checkKeys(AGENT_KEYS);
        Optional<ConfigNode> libraries = element.get("hooks-libraries");
        if (libraries.isPresent() && !libraries.get().elements().isEmpty()) {
            throw libraries.get().error("hooks libraries of the control agent are not supported: "
                    + "kea4j's hooks attach to its servers");
        }
        String host = host(element, "http-host");
        int port = element.get("http-port").isPresent() ? element.require("http-port").asInt(1, 65535) : DEFAULT_PORT;
        Map<String, Path> forwards = new LinkedHashMap<>();
        Optional<ConfigNode> sockets = element.get("control-sockets");
        if (sockets.isPresent()) {
            for (Map.Entry<String, ConfigNode> e : sockets.get().expectMap().fields().entrySet()) {
                if (!SERVICES.contains(e.getKey())) {
                    throw e.getValue().error("unknown service '" + e.getKey() + "' (expected dhcp4, dhcp6 or d2)");
                }
                forwards.put(e.getKey(), CommonElements.controlSocket(e.getValue()).path());
            }
        }
        return new HttpListenerConfig(host, port, tls(element), authentication(element), forwards);
    }

    /** An entry of type {@code http} (or {@code https}) in a server's {@code control-sockets} list. */
    public static HttpListenerConfig socket(ConfigNode entry) throws ConfigException {
        entry.expectMap().checkKeys(SOCKET_KEYS);
        String type = entry.require("socket-type").asString();
        if (!type.equals("http") && !type.equals("https")) {
            throw entry.require("socket-type").error("expected socket-type 'http' or 'https', got '" + type + "'");
        }
        Optional<TlsSetup> tls = tls(entry);
        if (type.equals("https") && tls.isEmpty()) {
            throw entry.error("socket-type 'https' needs trust-anchor, cert-file and key-file");
        }
        String host = host(entry, "socket-address");
        int port = entry.get("socket-port").isPresent() ? entry.require("socket-port").asInt(1, 65535) : DEFAULT_PORT;
        return new HttpListenerConfig(host, port, tls, authentication(entry), Map.of());
    }

    private static String host(ConfigNode element, String key) throws ConfigException {
        String host = element.getString(key, "127.0.0.1").strip();
        if (host.isEmpty()) {
            throw element.require(key).error(key + " must not be empty");
        }
        return host;
    }

    /** Kea's rule: none of trust-anchor, cert-file and key-file (plain HTTP), or all three. */
    static Optional<TlsSetup> tls(ConfigNode element) throws ConfigException {
        List<String> given = new ArrayList<>();
        for (String key : List.of("trust-anchor", "cert-file", "key-file")) {
            if (element.get(key).isPresent() && !element.require(key).asString().isBlank()) {
                given.add(key);
            }
        }
        boolean certRequired = element.getBoolean("cert-required", true);
        if (given.isEmpty()) {
            return Optional.empty(); // plain HTTP; cert-required means nothing there, as in Kea
        }
        if (given.size() < 3) {
            throw element.error("bad TLS config: trust-anchor, cert-file and key-file go together (given only "
                    + String.join(", ", given) + ")");
        }
        Path anchor = readable(element.require("trust-anchor"), true);
        Path cert = readable(element.require("cert-file"), false);
        Path key = readable(element.require("key-file"), false);
        TlsSetup setup = new TlsSetup(anchor, cert, key, certRequired);
        try {
            if (setup.anchors().isEmpty()) {
                throw element.require("trust-anchor").error("bad TLS config: no certificate in " + anchor);
            }
            if (TlsSetup.certificates(cert).isEmpty()) {
                throw element.require("cert-file").error("bad TLS config: no certificate in " + cert);
            }
        } catch (IOException e) {
            throw element.error("bad TLS config: " + e.getMessage());
        }
        return Optional.of(setup);
    }

    private static Path readable(ConfigNode node, boolean directoryAllowed) throws ConfigException {
        Path path = Path.of(node.asString());
        if (!Files.isReadable(path) || (!directoryAllowed && Files.isDirectory(path))) {
            throw node.error("bad TLS config: cannot read " + path);
        }
        return path;
    }

    /** Kea's {@code authentication}: {@code basic}, a realm, and clients with a user and a password each. */
    static Optional<BasicAuthentication> authentication(ConfigNode element) throws ConfigException {
        Optional<ConfigNode> node = element.get("authentication");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        ConfigNode auth = node.get().expectMap().checkKeys(AUTH_KEYS);
        String type = auth.require("type").asString();
        if (!type.equals("basic")) {
            throw auth.require("type").error("unsupported 'type' authentication parameter '" + type
                    + "' (only 'basic')");
        }
        String realm = auth.getString("realm", BasicAuthentication.DEFAULT_REALM);
        Path directory = Path.of(auth.getString("directory", ""));
        List<BasicAuthentication.Client> clients = new ArrayList<>();
        Optional<ConfigNode> list = auth.get("clients");
        if (list.isPresent()) {
            for (ConfigNode client : list.get().elements()) {
                clients.add(client(client.expectMap().checkKeys(CLIENT_KEYS), directory));
            }
        }
        return Optional.of(new BasicAuthentication(realm, clients));
    }

    private static BasicAuthentication.Client client(ConfigNode client, Path directory) throws ConfigException {
        String user;
        String password;
        if (client.has("user-file")) {
            if (client.has("user")) {
                throw client.error("user (" + client.require("user").asString() + ") and user-file are exclusive");
            }
            user = firstLine(client.require("user-file"), directory);
        } else if (client.has("user")) {
            user = client.require("user").asString();
        } else if (client.has("password-file")) {
            // a password file without a user holds "user:password"
            String both = firstLine(client.require("password-file"), directory);
            int colon = both.indexOf(':');
            if (colon < 0) {
                throw client.require("password-file").error("expected 'user:password' in the password file");
            }
            return new BasicAuthentication.Client(both.substring(0, colon), both.substring(colon + 1));
        } else {
            throw client.error("user is required");
        }
        if (user.isEmpty()) {
            throw client.error("user must not be empty");
        }
        if (user.contains(":")) {
            throw client.error("user '" + user + "' must not contain a ':'");
        }
        if (client.has("password-file")) {
            if (client.has("password")) {
                throw client.error("password and password-file are exclusive");
            }
            password = firstLine(client.require("password-file"), directory);
        } else {
            password = client.getString("password", "");
        }
        return new BasicAuthentication.Client(user, password);
    }

    private static String firstLine(ConfigNode node, Path directory) throws ConfigException {
        Path file = directory.resolve(node.asString());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).stripTrailing();
        } catch (IOException e) {
            throw node.error("cannot read " + file + ": " + e.getMessage());
        }
    }
}
