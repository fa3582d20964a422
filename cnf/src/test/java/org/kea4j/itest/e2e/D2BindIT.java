package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.Bind9;
import org.kea4j.itest.net.Dhcp4Exchange;
import org.kea4j.itest.net.KeaDaemon;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;
import org.kea4j.ncr.NcrJson;
import org.kea4j.ncr.NcrUdpSender;

/**
 * kea4j's D2 ({@code DhcpDdns} alone in one kea4j.jar process) updating a real BIND 9 with TSIG-signed RFC 4703
 * updates: NCRs sent by the test and by the real kea-dhcp4 2.2 become A / AAAA, PTR and DHCID records that
 * {@code dig} finds; removals take them away; another client cannot take a name over.
 */
class D2BindIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Bind9 bind;
    private static Kea4jProcess d2;
    private static Path d2Socket;
    private static int d2Port;

    @BeforeAll
    static void start() throws Exception {
        bind = Bind9.start(Files.createDirectories(dir.resolve("bind")));
        d2Port = Kea4jProcess.freeUdpPort();
        Path d2Dir = Files.createDirectories(dir.resolve("d2"));
        d2Socket = d2Dir.resolve("d2.sock");
        String servers = "[ { \"ip-address\": \"127.0.0.1\", \"port\": " + bind.port() + " } ]";
        Path config = d2Dir.resolve("d2.json");
        Files.writeString(config, """
                { "DhcpDdns": {
                    "ip-address": "127.0.0.1", "port": %d, "dns-server-timeout": 1000,
                    "tsig-keys": [ { "name": "%s", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                    "forward-ddns": { "ddns-domains": [
                        { "name": "example.com.", "key-name": "%s", "dns-servers": %s } ] },
                    "reverse-ddns": { "ddns-domains": [
                        { "name": "2.0.192.in-addr.arpa.", "key-name": "%s", "dns-servers": %s },
                        { "name": "0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", "key-name": "%s", "dns-servers": %s } ] },
                    "loggers": [ { "name": "kea-dhcp-ddns", "severity": "DEBUG", "debuglevel": 50 } ]
                } }
                """.formatted(d2Port, Bind9.KEY_NAME, Bind9.KEY_SECRET, Bind9.KEY_NAME, servers, Bind9.KEY_NAME,
                servers, Bind9.KEY_NAME, servers));
        d2 = Kea4jProcess.start(d2Dir, "-c", config.toString(), "--control-socket", d2Socket.toString());
        assertTrue(d2.awaitControl(d2Socket, 60_000), d2.output());
    }

    @AfterAll
    static void stop() throws Exception {
        if (d2 != null) {
            d2.close();
        }
        if (bind != null) {
            bind.close();
        }
    }

    private static NameChangeRequest ncr(ChangeType type, String name, String address, byte[] mac) throws Exception {
        return new NameChangeRequest(type, true, true, name, InetAddress.getByName(address),
                Dhcid.fromHwAddr(1, mac, name), Instant.now().plusSeconds(3600), 1200, true);
    }

    private static void send(NameChangeRequest... requests) throws Exception {
        try (NcrUdpSender sender = new NcrUdpSender(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", d2Port), 16, NcrJson.Style.KEA_1, (ncr, e) -> { })) {
            for (NameChangeRequest ncr : requests) {
                assertTrue(sender.send(ncr));
            }
            assertTrue(Poll.until(5_000, () -> sender.queueSize() == 0));
        }
    }

    private static long statistic(String name) throws Exception {
        JsonNode answer = JSON.readTree(ControlClient.send(d2Socket, "{\"command\": \"statistic-get\", "
                + "\"arguments\": {\"name\": \"" + name + "\"}}"));
        JsonNode samples = answer.path("arguments").path(name);
        return samples.isArray() && samples.size() > 0 ? samples.get(0).get(0).asLong() : 0;
    }

    private static void awaitRecords(String name, String type, List<String> expected) throws Exception {
        Poll.until(15_000, () -> bind.dig(name, type).equals(expected));
        assertEquals(expected, bind.dig(name, type), name + " " + type + "\n" + d2.output());
    }

    private static String dhcidText(NameChangeRequest ncr) {
        return Base64.getEncoder().encodeToString(ncr.dhcid().rdata());
    }

    @Test
    void addPutsForwardReverseAndDhcidRecordsInBindAndRemoveTakesThemAway() throws Exception {
        NameChangeRequest add = ncr(ChangeType.ADD, "host1.example.com.", "192.0.2.10", new byte[] {2, 0, 0, 0, 0, 1});
        send(add);
        awaitRecords("host1.example.com", "A", List.of("192.0.2.10"));
        awaitRecords("10.2.0.192.in-addr.arpa", "PTR", List.of("host1.example.com."));
        assertEquals(List.of(dhcidText(add)), bind.dig("host1.example.com", "DHCID"));
        assertEquals(List.of(dhcidText(add)), bind.dig("10.2.0.192.in-addr.arpa", "DHCID"));

        send(ncr(ChangeType.REMOVE, "host1.example.com.", "192.0.2.10", new byte[] {2, 0, 0, 0, 0, 1}));
        awaitRecords("host1.example.com", "A", List.of());
        awaitRecords("host1.example.com", "DHCID", List.of());
        awaitRecords("10.2.0.192.in-addr.arpa", "PTR", List.of());
        assertEquals(List.of(), bind.dig("10.2.0.192.in-addr.arpa", "DHCID"));
        assertTrue(statistic("update-signed") >= 5, "signed updates counted");
    }

    @Test
    void anotherClientCannotTakeAName() throws Exception {
        NameChangeRequest owner = ncr(ChangeType.ADD, "taken.example.com.", "192.0.2.20",
                new byte[] {2, 0, 0, 0, 0, 2});
        send(owner);
        awaitRecords("taken.example.com", "A", List.of("192.0.2.20"));
        long answered = statistic("update-success");
        send(ncr(ChangeType.ADD, "taken.example.com.", "192.0.2.21", new byte[] {2, 0, 0, 0, 0, 3}));
        // add (YXDOMAIN) then replace (NXRRSET: the DHCID is another client's): two answers, then nothing more
        assertTrue(Poll.until(15_000, () -> statistic("update-success") >= answered + 2), d2.output());
        assertEquals(List.of("192.0.2.20"), bind.dig("taken.example.com", "A"));
        assertEquals(List.of(dhcidText(owner)), bind.dig("taken.example.com", "DHCID"));
        assertEquals(List.of(), bind.dig("21.2.0.192.in-addr.arpa", "PTR"));
        assertTrue(d2.awaitOutput("DHCP_DDNS_FORWARD_REPLACE_REJECTED", 5_000), d2.output());

        // the same client with a new address keeps its name and moves it
        send(ncr(ChangeType.ADD, "taken.example.com.", "192.0.2.22", new byte[] {2, 0, 0, 0, 0, 2}));
        awaitRecords("taken.example.com", "A", List.of("192.0.2.22"));
    }

    @Test
    void ipv6AddAndRemove() throws Exception {
        NameChangeRequest add = new NameChangeRequest(ChangeType.ADD, true, true, "host6.example.com.",
                InetAddress.getByName("2001:db8:1::10"), Dhcid.fromDuid(new byte[] {0, 3, 0, 1, 2, 0, 0, 0, 0, 6},
                        "host6.example.com."), Instant.EPOCH, 1200, true);
        String reverse = "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
        send(add);
        awaitRecords("host6.example.com", "AAAA", List.of("2001:db8:1::10"));
        awaitRecords(reverse, "PTR", List.of("host6.example.com."));
        assertEquals(List.of(dhcidText(add)), bind.dig("host6.example.com", "DHCID"));
        send(new NameChangeRequest(ChangeType.REMOVE, true, true, add.fqdn(), add.ipAddress(), add.dhcid(),
                Instant.EPOCH, 1200, true));
        awaitRecords("host6.example.com", "AAAA", List.of());
        awaitRecords(reverse, "PTR", List.of());
    }

    @Test
    void badRequestsAreCountedAndD2GoesOnServing() throws Exception {
        long invalid = statistic("ncr-invalid");
        try (DatagramChannel raw = DatagramChannel.open()) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", d2Port);
            raw.send(ByteBuffer.wrap("garbage".getBytes(StandardCharsets.US_ASCII)), to);
            byte[] json = "{\"change-type\": 7}".getBytes(StandardCharsets.US_ASCII);
            raw.send(ByteBuffer.allocate(2 + json.length).putShort((short) json.length).put(json).flip(), to);
        }
        assertTrue(Poll.until(10_000, () -> statistic("ncr-invalid") == invalid + 2), d2.output());
        assertTrue(d2.awaitOutput("DHCP_DDNS_INVALID_NCR", 5_000), d2.output());
        send(ncr(ChangeType.ADD, "after-garbage.example.com.", "192.0.2.30", new byte[] {2, 0, 0, 0, 0, 4}));
        awaitRecords("after-garbage.example.com", "A", List.of("192.0.2.30"));
    }

    /** Kea 2.2's kea-dhcp4 grants a lease to a client sending its FQDN and sends its NCRs to kea4j's D2. */
    @Test
    void keaDhcp4SendsItsRequestsToKea4jD2() throws Exception {
        Path keaDir = Files.createDirectories(dir.resolve("kea"));
        int keaPort = Kea4jProcess.freeUdpPort();
        try (Dhcp4Exchange client = new Dhcp4Exchange(keaPort);
                KeaDaemon kea = KeaDaemon.start(4, null, keaDir, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ], "dhcp-socket-type": "udp" },
                    "lease-database": { "type": "memfile", "persist": false },
                    "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                    "valid-lifetime": 3600,
                    "dhcp-ddns": { "enable-updates": true, "server-ip": "127.0.0.1", "server-port": %d },
                    "ddns-qualifying-suffix": "example.com",
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.100 - 192.0.2.199" } ],
                                   "relay": { "ip-addresses": [ "127.0.0.1" ] } } ]
                } }
                """.formatted(KeaDaemon.socket(keaDir, 4), d2Port), "-p", String.valueOf(keaPort))) {
            byte[] mac = {2, 0, 0, 0, 0x55, 1};
            Pkt4 ack = client.lease(0x5501, mac, Dhcp4Exchange.fqdn(0x01, "keaclient.example.com."));
            assertNotNull(ack, "Kea acknowledges");
            String address = ack.yiaddr().getHostAddress();
            awaitRecords("keaclient.example.com", "A", List.of(address));
            String[] octets = address.split("\\.");
            awaitRecords(octets[3] + ".2.0.192.in-addr.arpa", "PTR", List.of("keaclient.example.com."));
            assertEquals(1, bind.dig("keaclient.example.com", "DHCID").size());

            client.release(0x5503, mac, ack);
            awaitRecords("keaclient.example.com", "A", List.of());
            awaitRecords(octets[3] + ".2.0.192.in-addr.arpa", "PTR", List.of());
        }
    }

    /**
     * The DNS server down, then back: D2 tries each update three times, logs the I/O errors and the failed
     * transaction, keeps serving, and the next request after the server's return is carried out.
     */
    @Test
    void dnsServerDownThenBack() throws Exception {
        int dnsPort = Bind9.freePort();
        int port = Kea4jProcess.freeUdpPort();
        Path work = Files.createDirectories(dir.resolve("d2-down"));
        Path socket = work.resolve("d2.sock");
        String servers = "[ { \"ip-address\": \"127.0.0.1\", \"port\": " + dnsPort + " } ]";
        Path config = work.resolve("d2.json");
        Files.writeString(config, """
                { "DhcpDdns": { "ip-address": "127.0.0.1", "port": %d, "dns-server-timeout": 200,
                    "tsig-keys": [ { "name": "%s", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                    "forward-ddns": { "ddns-domains": [ { "name": "example.com.", "key-name": "%s", "dns-servers": %s } ] } } }
                """.formatted(port, Bind9.KEY_NAME, Bind9.KEY_SECRET, Bind9.KEY_NAME, servers));
        try (Kea4jProcess down = Kea4jProcess.start(work, "-c", config.toString(), "--control-socket",
                socket.toString())) {
            assertTrue(down.awaitControl(socket, 60_000), down.output());
            NameChangeRequest first = new NameChangeRequest(ChangeType.ADD, true, false, "early.example.com.",
                    InetAddress.getByName("192.0.2.40"), Dhcid.fromHwAddr(1, new byte[] {2, 0, 0, 0, 0, 0x40},
                            "early.example.com."), Instant.now(), 1200, true);
            sendTo(port, first);
            assertTrue(down.awaitOutput("DHCP_DDNS_ADD_FAILED", 15_000), down.output());
            assertTrue(down.output().contains("DHCP_DDNS_FORWARD_ADD_IO_ERROR"), down.output());
            assertEquals(3, countOf(down.output(), "DHCP_DDNS_FORWARD_ADD_IO_ERROR"), "three tries on the one server");

            try (Bind9 back = Bind9.start(Files.createDirectories(work.resolve("bind")), null, dnsPort)) {
                sendTo(port, new NameChangeRequest(ChangeType.ADD, true, false, "later.example.com.",
                        InetAddress.getByName("192.0.2.41"), Dhcid.fromHwAddr(1, new byte[] {2, 0, 0, 0, 0, 0x41},
                                "later.example.com."), Instant.now(), 1200, true));
                Poll.until(15_000, () -> back.dig("later.example.com", "A").equals(List.of("192.0.2.41")));
                assertEquals(List.of("192.0.2.41"), back.dig("later.example.com", "A"), down.output());
            }
        }
    }

    private static int countOf(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }

    private static void sendTo(int port, NameChangeRequest ncr) throws Exception {
        try (NcrUdpSender sender = new NcrUdpSender(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", port), 4, NcrJson.Style.KEA_1, (n, e) -> { })) {
            assertTrue(sender.send(ncr));
        }
    }
}
