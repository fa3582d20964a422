package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.Bind9;
import org.xbill.DNS.ReverseMap;

/**
 * kea4j's DHCPv6 server and its D2 in one process, a real BIND 9 behind, clients relayed from ::1: a client sending
 * the Client FQDN option (39) gets AAAA, ip6.arpa PTR and DHCID records; another client cannot take its name;
 * release and expiry remove the records.
 */
class Dhcp6DdnsIT {

    private static final Inet6Address LOOPBACK = v6("::1");

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

    private static Inet6Address v6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A kea4j.jar and the relay socket its answers come to (on the port above the server's). */
    private record Server(Kea4jProcess process, int port, DatagramSocket relay) implements AutoCloseable {

        Pkt6 ask(Pkt6 query) throws Exception {
            send(query);
            byte[] buf = new byte[1500];
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                relay.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    relay.receive(p);
                } catch (SocketTimeoutException none) {
                    return null;
                }
                Pkt6 reply = Pkt6.parse(p.getData(), p.getLength());
                if (reply.transid() == query.transid()) {
                    return reply;
                }
            }
            return null;
        }

        void send(Pkt6 query) throws IOException {
            byte[] wire = Pkt6.relayForward(query.pack(), 0, v6("2001:db8:1::1"), v6("fe80::1"), List.of());
            relay.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(LOOPBACK, port)));
        }

        @Override
        public void close() {
            relay.close();
            process.close();
        }
    }

    private static Server start(String name, int validLifetime, String pool) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        DatagramSocket relay = null;
        int port = 0;
        for (int attempt = 0; relay == null && attempt < 20; attempt++) {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                port = probe.getLocalPort();
            }
            try {
                relay = new DatagramSocket(new InetSocketAddress(LOOPBACK, port + 1));
            } catch (IOException taken) {
                // another pair
            }
        }
        assertNotNull(relay, "a free pair of ports");
        int d2Port = Kea4jProcess.freeUdpPort();
        String servers = "[ { \"ip-address\": \"127.0.0.1\", \"port\": " + bind.port() + " } ]";
        Path config = work.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp6": {
                    "interfaces-config": { "interfaces": [ "lo/::1" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "preferred-lifetime": %d, "valid-lifetime": %d,
                    "expired-leases-processing": { "reclaim-timer-wait-time": 1, "hold-reclaimed-time": 0 },
                    "dhcp-ddns": { "enable-updates": true, "server-port": %d },
                    "ddns-qualifying-suffix": "example.com",
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "lo", "rapid-commit": true,
                                   "pools": [ { "pool": "%s" } ] } ] },
                  "DhcpDdns": {
                    "ip-address": "127.0.0.1", "port": %d,
                    "tsig-keys": [ { "name": "%s", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                    "forward-ddns": { "ddns-domains": [ { "name": "example.com.", "key-name": "%s", "dns-servers": %s } ] },
                    "reverse-ddns": { "ddns-domains": [ { "name": "0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
                                                          "key-name": "%s", "dns-servers": %s } ] } } }
                """.formatted(validLifetime * 3 / 4, validLifetime, d2Port, pool, d2Port, Bind9.KEY_NAME,
                Bind9.KEY_SECRET, Bind9.KEY_NAME, servers, Bind9.KEY_NAME, servers));
        Path socket = work.resolve("ctrl.sock");
        Kea4jProcess process = Kea4jProcess.start(work, "-c", config.toString(), "-p", String.valueOf(port),
                "--control-socket", socket.toString());
        Server server = new Server(process, port, relay);
        assertTrue(process.awaitControl(socket, 60_000), process.output());
        return server;
    }

    private static Option clientId(int client) {
        return new Option(Options6.CLIENTID, new byte[] {0, 3, 0, 1, 2, 0, 0, 0, 0x77, (byte) client});
    }

    /** Option 39 asking the server to do both updates (S=1). */
    private static Option fqdn(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x01);
        for (String label : name.substring(0, name.length() - 1).split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return new Option(39, out.toByteArray());
    }

    /** A rapid-commit SOLICIT with option 39: the REPLY. */
    private static Pkt6 lease(Server server, long transid, int client, String name) throws Exception {
        Pkt6 solicit = new Pkt6(Pkt6.SOLICIT, transid);
        solicit.addOption(clientId(client));
        solicit.addOption(new Option(Options6.ELAPSED_TIME, new byte[2]));
        solicit.addOption(new Option(Options6.RAPID_COMMIT, new byte[0]));
        solicit.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of()).toOption());
        solicit.addOption(fqdn(name));
        Pkt6 reply = server.ask(solicit);
        assertNotNull(reply, server.process().output());
        assertEquals(Pkt6.REPLY, reply.getType());
        return reply;
    }

    private static String address(Pkt6 reply) {
        return org.kea4j.dhcpsrv.Addresses.format(Options6.IaAddr.of(Options6.Ia.of(reply.getOption(Options6.IA_NA))
                .options(Options6.IAADDR).get(0)).address());
    }

    private static void awaitRecords(Server server, String name, String type, List<String> expected) throws Exception {
        Poll.until(15_000, () -> bind.dig(name, type).equals(expected));
        assertEquals(expected, bind.dig(name, type), name + " " + type + "\n" + server.process().output());
    }

    @Test
    void fqdnClientGetsItsNamesAnotherCannotTakeThemAndReleaseRemovesThem() throws Exception {
        try (Server server = start("names", 3600, "2001:db8:1::100 - 2001:db8:1::1ff")) {
            Pkt6 reply = lease(server, 0x6101, 1, "host6a.example.com.");
            assertEquals(0x01, reply.getOption(39).data()[0], "S=1, O=0, N=0");
            String address = address(reply);
            String reverse = ReverseMap.fromAddress(address).toString();
            awaitRecords(server, "host6a.example.com", "AAAA", List.of(address));
            awaitRecords(server, reverse, "PTR", List.of("host6a.example.com."));
            assertEquals(1, bind.dig("host6a.example.com", "DHCID").size());
            List<String> owner = bind.dig("host6a.example.com", "AAAA");

            Pkt6 other = lease(server, 0x6201, 2, "host6a.example.com.");
            assertTrue(server.process().awaitOutput("DHCP_DDNS_FORWARD_REPLACE_REJECTED", 15_000),
                    server.process().output());
            assertEquals(owner, bind.dig("host6a.example.com", "AAAA"), "the name stays the first client's");
            assertEquals(List.of(), bind.dig(ReverseMap.fromAddress(address(other)).toString(), "PTR"));

            Pkt6 release = new Pkt6(Pkt6.RELEASE, 0x6103);
            release.addOption(clientId(1));
            release.addOption(reply.getOption(Options6.SERVERID));
            release.addOption(new Option(Options6.ELAPSED_TIME, new byte[2]));
            release.addOption(reply.getOption(Options6.IA_NA));
            assertNotNull(server.ask(release), "the release is answered");
            awaitRecords(server, "host6a.example.com", "AAAA", List.of());
            awaitRecords(server, reverse, "PTR", List.of());
        }
    }

    @Test
    void expiredLeasesLoseTheirNames() throws Exception {
        try (Server server = start("expiry", 4, "2001:db8:1::200 - 2001:db8:1::2ff")) {
            Pkt6 reply = lease(server, 0x6301, 3, "short6.example.com.");
            String reverse = ReverseMap.fromAddress(address(reply)).toString();
            awaitRecords(server, reverse, "PTR", List.of("short6.example.com."));
            assertEquals(1, bind.dig("short6.example.com", "AAAA").size());
            awaitRecords(server, "short6.example.com", "AAAA", List.of());
            awaitRecords(server, reverse, "PTR", List.of());
        }
    }
}
