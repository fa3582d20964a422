package org.kea4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpListenerParserTest {

    @TempDir
    Path dir;

    private static ConfigNode node(String json) throws ConfigException {
        return ConfigDocument.parse("t.json", "{\"x\": " + json + "}").root().require("x");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAgentDefaultsToKeasLoopbackPort() throws ConfigException {
        HttpListenerConfig agent = HttpListenerParser.agent(node("{}"));
        assertEquals("127.0.0.1:8000", agent.endpoint());
        assertTrue(agent.tls().isEmpty() && agent.authentication().isEmpty() && agent.forwards().isEmpty());
    }

    @Test
    void controlSocketsNameTheServicesToForwardTo() throws ConfigException {
        HttpListenerConfig agent = HttpListenerParser.agent(node("""
                { "http-host": "::1", "http-port": 8001, "control-sockets": {
                    "dhcp4": { "socket-type": "unix", "socket-name": "/run/kea/kea4-ctrl-socket" },
                    "d2": { "socket-type": "unix", "socket-name": "/run/kea/kea-ddns-ctrl-socket" } } }"""));
        assertEquals("::1:8001", agent.endpoint());
        assertEquals(Map.of("dhcp4", Path.of("/run/kea/kea4-ctrl-socket"), "d2",
                Path.of("/run/kea/kea-ddns-ctrl-socket")), agent.forwards());
        ConfigException e = assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node(
                "{ \"control-sockets\": { \"dhcp5\": { \"socket-name\": \"/x\" } } }")));
        assertTrue(e.getMessage().contains("unknown service 'dhcp5'"), e.getMessage());
        assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node("{ \"http-port\": 70000 }")));
        assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node("{ \"http-prt\": 8000 }")));
        assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node(
                "{ \"hooks-libraries\": [ { \"library\": \"/usr/lib/kea/hooks/libdhcp_lease_cmds.so\" } ] }")));
    }

    @Test
    void basicAuthenticationChecksEveryClientAndHidesPasswords() throws Exception {
        Files.writeString(dir.resolve("user"), "ops\n");
        Files.writeString(dir.resolve("password"), "from-a-file\n");
        Files.writeString(dir.resolve("both"), "robot:p:with:colons\n");
        HttpListenerConfig agent = HttpListenerParser.agent(node("""
                { "authentication": { "type": "basic", "directory": "%s", "clients": [
                    { "user": "admin", "password": "1234" },
                    { "user-file": "user", "password-file": "password" },
                    { "password-file": "both" } ] } }""".formatted(dir)));
        BasicAuthentication auth = agent.authentication().orElseThrow();
        assertEquals(BasicAuthentication.DEFAULT_REALM, auth.realm());
        assertEquals(new BasicAuthentication.Outcome.Authorized("admin"), auth.check(basic("admin", "1234")));
        assertEquals(new BasicAuthentication.Outcome.Authorized("ops"), auth.check(basic("ops", "from-a-file")));
        assertEquals(new BasicAuthentication.Outcome.Authorized("robot"), auth.check(basic("robot", "p:with:colons")));
        assertInstanceOf(BasicAuthentication.Outcome.NotMatching.class, auth.check(basic("admin", "12345")));
        assertInstanceOf(BasicAuthentication.Outcome.Missing.class, auth.check(null));
        assertInstanceOf(BasicAuthentication.Outcome.Malformed.class, auth.check("Bearer abc"));
        assertInstanceOf(BasicAuthentication.Outcome.Malformed.class, auth.check("Basic %%%"));
        assertFalse(auth.toString().contains("1234") || auth.toString().contains("from-a-file"), auth.toString());
        assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node(
                "{ \"authentication\": { \"type\": \"digest\", \"clients\": [] } }")));
        assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node(
                "{ \"authentication\": { \"type\": \"basic\", \"clients\": [ { \"user\": \"a:b\", \"password\": \"x\" } ] } }")));
    }

    @Test
    void tlsNeedsAllThreeFiles() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node(
                "{ \"cert-file\": \"/etc/ssl/certs/x.pem\" }")));
        assertTrue(e.getMessage().contains("go together"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        e = assertThrows(ConfigException.class, () -> HttpListenerParser.agent(node("""
                { "trust-anchor": "%s", "cert-file": "%s", "key-file": "%s" }""".formatted(empty, empty, empty))));
        assertTrue(e.getMessage().contains("bad TLS config"), e.getMessage());
    }

    @Test
    void aServersHttpControlSocketIsKea27s() throws ConfigException {
        HttpListenerConfig socket = HttpListenerParser.socket(node("""
                { "socket-type": "http", "socket-address": "127.0.0.1", "socket-port": 8004 }"""));
        assertEquals("127.0.0.1:8004", socket.endpoint());
        assertThrows(ConfigException.class, () -> HttpListenerParser.socket(node("{ \"socket-type\": \"https\" }")));
        assertThrows(ConfigException.class, () -> HttpListenerParser.socket(node("{ \"socket-type\": \"unix\" }")));
    }
}
