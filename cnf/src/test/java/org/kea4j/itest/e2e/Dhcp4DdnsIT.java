package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.Bind9;
import org.kea4j.itest.net.Dhcp4Exchange;
import org.kea4j.itest.net.External;

/**
 * kea4j's DHCPv4 server and its D2 in one process (Dhcp4 and DhcpDdns in one file), a real BIND 9 behind: the
 * DDNS side of the server is ddns.bundle's callouts. Clients that send their FQDN or host name get A, PTR and
 * DHCID records; release and expiry remove them; a second client cannot take a name.
 */
class Dhcp4DdnsIT {

    @TempDir
    static Path dir;

    private static Bind9 bind;

    @BeforeAll
    static void startBind() throws Exception {
        bind = Bind9.start(Files.createDirectories(dir.resolve("bind")));
    }

    @AfterAll
    static void stopBind() throws Exception {
        if (bind != null) {
            bind.close();
        }
    }

    /**
     * kea4j.jar with Dhcp4 (DDNS on, the lifetime given) and DhcpDdns, serving 192.0.2.0/24 to relay 127.0.0.1 from a
     * pool of its own (192.0.2.{@code first} on: the tests share one BIND).
     */
    private static Kea4jProcess start(String name, Dhcp4Exchange client, int validLifetime, String ddnsKeys, int first)
            throws Exception {
        return start(name, client, validLifetime, ddnsKeys, first, 0);
    }

    /** As above; with {@code externalD2} not 0, kea4j runs no D2 and sends its requests to that port. */
    private static Kea4jProcess start(String name, Dhcp4Exchange client, int validLifetime, String ddnsKeys, int first,
            int externalD2) throws Exception {
        return start(name, client, validLifetime, ddnsKeys, first, externalD2, "");
    }

    /** As above, with more keys in the subnet ({@code subnetKeys}, ending with a comma). */
    private static Kea4jProcess start(String name, Dhcp4Exchange client, int validLifetime, String ddnsKeys, int first,
            int externalD2, String subnetKeys) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        int d2Port = externalD2 != 0 ? externalD2 : Kea4jProcess.freeUdpPort();
        Path config = work.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "valid-lifetime": %d, "renew-timer": %d, "rebind-timer": %d,
                    "expired-leases-processing": { "reclaim-timer-wait-time": 1, "hold-reclaimed-time": 0 },
                    "dhcp-ddns": { "enable-updates": true, "server-ip": "127.0.0.1", "server-port": %d },
                    "ddns-qualifying-suffix": "example.com",
                    %s
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", %s "pools": [ { "pool": "192.0.2.%d - 192.0.2.%d" } ],
                                   "relay": { "ip-addresses": [ "127.0.0.1" ] } } ]
                  }%s }
                """.formatted(validLifetime, validLifetime / 4, validLifetime / 2, d2Port, ddnsKeys, subnetKeys, first, first + 19,
                externalD2 != 0 ? "" : ",\n\"DhcpDdns\": " + d2Element(d2Port, null)));
        Path socket = work.resolve("ctrl.sock");
        Kea4jProcess server = Kea4jProcess.start(work, "-c", config.toString(), "-p",
                String.valueOf(client.serverPort()), "-d", "--control-socket", socket.toString());
        assertTrue(server.awaitControl(socket, 60_000), server.output());
        return server;
    }

    /** A DhcpDdns element updating the test's BIND (with a control socket when one is named). */
    private static String d2Element(int port, Path socket) {
        String servers = "[ { \"ip-address\": \"127.0.0.1\", \"port\": " + bind.port() + " } ]";
        return """
                {
                    "ip-address": "127.0.0.1", "port": %d,%s
                    "tsig-keys": [ { "name": "%s", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                    "forward-ddns": { "ddns-domains": [ { "name": "example.com.", "key-name": "%s", "dns-servers": %s } ] },
                    "reverse-ddns": { "ddns-domains": [
                        { "name": "2.0.192.in-addr.arpa.", "key-name": "%s", "dns-servers": %s } ] }
                }""".formatted(port, socket == null ? "" : " \"control-socket\": { \"socket-type\": \"unix\","
                + " \"socket-name\": \"" + socket + "\" },", Bind9.KEY_NAME, Bind9.KEY_SECRET, Bind9.KEY_NAME, servers,
                Bind9.KEY_NAME, servers);
    }

    private static void awaitRecords(Kea4jProcess server, String name, String type, List<String> expected)
            throws Exception {
        Poll.until(15_000, () -> bind.dig(name, type).equals(expected));
        assertEquals(expected, bind.dig(name, type), name + " " + type + "\n" + server.output());
    }

    private static String reverse(Pkt4 ack) {
        return ack.yiaddr().getHostAddress().split("\\.")[3] + ".2.0.192.in-addr.arpa";
    }

    @Test
    void fqdnClientGetsItsNamesUntilItReleasesAndAnotherClientCannotTakeThem() throws Exception {
        try (Dhcp4Exchange client = Dhcp4Exchange.withPortPair();
                Kea4jProcess server = start("fqdn", client, 3600, "", 100)) {
            byte[] mac = {2, 0, 0, 0, 0x11, 1};
            Pkt4 ack = client.lease(0x1101, mac, Dhcp4Exchange.fqdn(0x01, "laptop.example.com."));
            assertNotNull(ack, server.output());
            assertEquals(Pkt4.DHCPACK, ack.getType());
            Option answered = ack.getOption(81);
            assertNotNull(answered, "the ACK carries the Client FQDN option");
            assertEquals(0x05, answered.data()[0], "S=1, E=1, N=0, O=0");
            String address = ack.yiaddr().getHostAddress();
            awaitRecords(server, "laptop.example.com", "A", List.of(address));
            awaitRecords(server, reverse(ack), "PTR", List.of("laptop.example.com."));
            assertEquals(1, bind.dig("laptop.example.com", "DHCID").size());

            byte[] other = {2, 0, 0, 0, 0x11, 2};
            Pkt4 otherAck = client.lease(0x1201, other, Dhcp4Exchange.fqdn(0x01, "laptop.example.com."));
            assertNotNull(otherAck);
            assertTrue(server.awaitOutput("DHCP_DDNS_FORWARD_REPLACE_REJECTED", 15_000), server.output());
            assertEquals(List.of(address), bind.dig("laptop.example.com", "A"), "the name stays the first client's");
            assertEquals(List.of(), bind.dig(reverse(otherAck), "PTR"));

            client.release(0x1103, mac, ack);
            awaitRecords(server, "laptop.example.com", "A", List.of());
            awaitRecords(server, reverse(ack), "PTR", List.of());
        }
    }

    @Test
    void partialNamesAreQualifiedAndHostNameClientsGetBothUpdates() throws Exception {
        try (Dhcp4Exchange client = Dhcp4Exchange.withPortPair();
                Kea4jProcess server = start("hostname", client, 3600, "", 120)) {
            Pkt4 ack = client.lease(0x2101, new byte[] {2, 0, 0, 0, 0x21, 1},
                    new Option(12, "printer".getBytes(StandardCharsets.US_ASCII)));
            assertNotNull(ack, server.output());
            assertEquals("printer.example.com", ack.getOption(12).text());
            awaitRecords(server, "printer.example.com", "A", List.of(ack.yiaddr().getHostAddress()));
            awaitRecords(server, reverse(ack), "PTR", List.of("printer.example.com."));

            Pkt4 partial = client.lease(0x2201, new byte[] {2, 0, 0, 0, 0x21, 2}, Dhcp4Exchange.fqdn(0x01, "scanner"));
            assertNotNull(partial);
            awaitRecords(server, "scanner.example.com", "A", List.of(partial.yiaddr().getHostAddress()));

            // S=0: the client does its forward update itself: the server only does the reverse one
            Pkt4 reverseOnly = client.lease(0x2301, new byte[] {2, 0, 0, 0, 0x21, 3},
                    Dhcp4Exchange.fqdn(0x00, "selfie.example.com."));
            assertNotNull(reverseOnly);
            assertEquals(0x04, reverseOnly.getOption(81).data()[0], "S=0, N=0, E=1");
            awaitRecords(server, reverse(reverseOnly), "PTR", List.of("selfie.example.com."));
            assertEquals(List.of(), bind.dig("selfie.example.com", "A"));
        }
    }

    @Test
    void generatedNamesWhenTheServerReplacesThem() throws Exception {
        try (Dhcp4Exchange client = Dhcp4Exchange.withPortPair();
                Kea4jProcess server = start("generated", client, 3600,
                        "\"ddns-replace-client-name\": \"always\", \"ddns-generated-prefix\": \"dyn\",", 140)) {
            Pkt4 ack = client.lease(0x3101, new byte[] {2, 0, 0, 0, 0x31, 1},
                    Dhcp4Exchange.fqdn(0x01, "whatever.example.com."));
            assertNotNull(ack, server.output());
            String name = "dyn-" + ack.yiaddr().getHostAddress().replace('.', '-') + ".example.com";
            awaitRecords(server, name, "A", List.of(ack.yiaddr().getHostAddress()));
            assertEquals(List.of(), bind.dig("whatever.example.com", "A"));
        }
    }

    @Test
    void aReservedHostnameWins() throws Exception {
        try (Dhcp4Exchange client = Dhcp4Exchange.withPortPair();
                Kea4jProcess server = start("reserved", client, 3600, "", 200, 0, """
                        "reservations": [ { "hw-address": "02:00:00:00:61:01", "hostname": "frontdesk" } ],""")) {
            Pkt4 ack = client.lease(0x6101, new byte[] {2, 0, 0, 0, 0x61, 1},
                    Dhcp4Exchange.fqdn(0x01, "mylaptop.example.com."));
            assertNotNull(ack, server.output());
            awaitRecords(server, "frontdesk.example.com", "A", List.of(ack.yiaddr().getHostAddress()));
            assertEquals(List.of(), bind.dig("mylaptop.example.com", "A"));
        }
    }

    @Test
    void expiredLeasesLoseTheirNames() throws Exception {
        try (Dhcp4Exchange client = Dhcp4Exchange.withPortPair();
                Kea4jProcess server = start("expiry", client, 4, "", 160)) {
            Pkt4 ack = client.lease(0x4101, new byte[] {2, 0, 0, 0, 0x41, 1},
                    Dhcp4Exchange.fqdn(0x01, "shortlived.example.com."));
            assertNotNull(ack, server.output());
            awaitRecords(server, "shortlived.example.com", "A", List.of(ack.yiaddr().getHostAddress()));
            // the lease expires after 4 s and is reclaimed within a second or two: its names go
            awaitRecords(server, "shortlived.example.com", "A", List.of());
            awaitRecords(server, reverse(ack), "PTR", List.of());
        }
    }

    /** kea4j's DHCPv4 server sends its requests to Kea 2.2's own D2, kea-dhcp-ddns, which updates BIND. */
    @Test
    void keaDhcpDdnsTakesKea4jsRequests() throws Exception {
        Path keaDir = Files.createDirectories(dir.resolve("kea-d2"));
        int keaD2Port = Kea4jProcess.freeUdpPort();
        Path socket = keaDir.resolve("d2.sock");
        Path config = keaDir.resolve("kea-dhcp-ddns.json");
        Files.writeString(config, "{ \"DhcpDdns\": " + d2Element(keaD2Port, socket) + " }");
        ProcessBuilder builder = new ProcessBuilder(External.program("kea-dhcp-ddns").toString(), "-c",
                config.toString()).redirectErrorStream(true).redirectOutput(keaDir.resolve("kea-d2.out").toFile());
        builder.environment().put("KEA_LOCKFILE_DIR", keaDir.toString());
        builder.environment().put("KEA_PIDFILE_DIR", keaDir.toString());
        Process keaD2 = builder.start();
        try (Dhcp4Exchange client = Dhcp4Exchange.withPortPair()) {
            assertTrue(Poll.until(20_000, () -> {
                try {
                    return Files.exists(socket) && ControlClient.send(socket, "{\"command\": \"list-commands\"}")
                            .contains("\"result\"");
                } catch (java.io.IOException notYet) {
                    return false;
                }
            }), "kea-dhcp-ddns answers: " + Files.readString(keaDir.resolve("kea-d2.out")));
            try (Kea4jProcess server = start("to-kea-d2", client, 3600, "", 180, keaD2Port)) {
                Pkt4 ack = client.lease(0x5101, new byte[] {2, 0, 0, 0, 0x51, 1},
                        Dhcp4Exchange.fqdn(0x01, "tokea.example.com."));
                assertNotNull(ack, server.output());
                awaitRecords(server, "tokea.example.com", "A", List.of(ack.yiaddr().getHostAddress()));
                awaitRecords(server, reverse(ack), "PTR", List.of("tokea.example.com."));
                client.release(0x5103, new byte[] {2, 0, 0, 0, 0x51, 1}, ack);
                awaitRecords(server, "tokea.example.com", "A", List.of());
            }
        } finally {
            keaD2.destroy();
            if (!keaD2.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                keaD2.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
