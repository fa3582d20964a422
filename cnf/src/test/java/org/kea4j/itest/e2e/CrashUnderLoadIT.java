package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.itest.ControlClient;

/**
 * Crash safety under load: clients get leases from kea4j (memfile, lease file cleanup every second) while the
 * server is killed with SIGKILL at random moments and restarted, several times; every lease the clients were
 * acknowledged is then in {@code lease4-get-all} / {@code lease6-get-all} with the client that got it, and no
 * address went to two clients.
 */
class CrashUnderLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KILLS = 4;
    private static final int IN_FLIGHT = 24;

    @TempDir
    Path dir;

    /** One server under test: its port, its client socket, and how to (re)start it. */
    private final class Server implements AutoCloseable {
        final int port;
        final DatagramSocket client;
        final Path socket = dir.resolve("ctrl.sock");
        final Path config;
        Kea4jProcess process;
        int restarts;

        Server(String config, InetAddress loopback) throws Exception {
            DatagramSocket c = null;
            int p = 0;
            for (int attempt = 0; c == null && attempt < 20; attempt++) {
                p = Kea4jProcess.freeUdpPort();
                try {
                    // kea4j answers on the port above its server port when that is not 67 / 547
                    c = new DatagramSocket(new InetSocketAddress(loopback, p + 1));
                } catch (IOException taken) {
                    // another pair
                }
            }
            assertTrue(c != null, "a free pair of ports");
            this.port = p;
            this.client = c;
            this.config = dir.resolve("kea4j.json");
            Files.writeString(this.config, config);
            start();
        }

        void start() throws Exception {
            process = Kea4jProcess.start(dir, "-c", config.toString(), "-p", String.valueOf(port),
                    "--control-socket", socket.toString());
            assertTrue(process.awaitControl(socket, 90_000), "restart " + restarts + ": " + process.output());
        }

        /** SIGKILL by the PID the test started, then a restart on the same lease files. */
        void crashAndRestart() throws Exception {
            process.process().destroyForcibly();
            assertTrue(process.process().waitFor(30, TimeUnit.SECONDS), "killed");
            restarts++;
            start();
        }

        JsonNode command(String request) throws IOException {
            return JSON.readTree(ControlClient.send(socket, request));
        }

        @Override
        public void close() {
            client.close();
            if (process != null) {
                process.close();
            }
        }
    }

    /** What one run saw: each acknowledged client's address, and every address's clients. */
    private record Acks(Map<String, String> addressByClient, Map<String, List<String>> clientsByAddress) {
        Acks() {
            this(new HashMap<>(), new HashMap<>());
        }

        void add(String client, String address) {
            addressByClient.put(client, address);
            List<String> clients = clientsByAddress.computeIfAbsent(address, a -> new ArrayList<>());
            if (!clients.contains(client)) {
                clients.add(client);
            }
        }
    }

    @Test
    void dhcpv4LeasesAcknowledgedSurviveKills() throws Exception {
        killsUnderLoad4("""
                { "type": "memfile", "name": "%s", "lfc-interval": 1 }""".formatted(dir.resolve("leases4.csv")));
    }

    /** The same on PostgreSQL and MariaDB: an acknowledged lease is a committed row. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.kea4j.sql.internal.SqlEngine.class)
    void dhcpv4LeasesAcknowledgedSurviveKillsOnSql(org.kea4j.sql.internal.SqlEngine engine) throws Exception {
        try (org.kea4j.sql.internal.TestDatabase db = org.kea4j.sql.internal.TestDatabase.create(engine)) {
            org.kea4j.sql.internal.SchemaTool.init(engine, db.access());
            killsUnderLoad4("""
                    { "type": "%s", "name": "%s", "host": "127.0.0.1", "user": "%s" }""".formatted(engine.type(),
                    db.name(), engine == org.kea4j.sql.internal.SqlEngine.POSTGRESQL ? "postgres" : "root"));
        }
    }

    private void killsUnderLoad4(String leaseDatabase) throws Exception {
        Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
        Random random = new Random();
        Acks acks = new Acks();
        try (Server server = new Server("""
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": %s,
                    "valid-lifetime": 86400,
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.1.0.0 - 127.1.255.255" } ] } ]
                } }""".formatted(leaseDatabase), loopback)) {
            long next = 1;
            for (int phase = 0; phase <= KILLS; phase++) {
                long until = System.currentTimeMillis() + 2_000 + random.nextInt(3_000);
                next = run4(server, acks, next, until);
                if (phase < KILLS) {
                    server.crashAndRestart(); // requests are in flight: some ACKs are on their way
                    drain4(server, acks);
                }
            }
            JsonNode all = server.command("{\"command\": \"lease4-get-all\"}").path("arguments").path("leases");
            Map<String, String> leased = new HashMap<>();
            for (JsonNode lease : all) {
                leased.put(lease.path("ip-address").asText(), lease.path("hw-address").asText());
            }
            check(acks, leased, "DHCPv4 (" + leaseDatabase.replaceAll(".*\"type\": \"(\\w+)\".*", "$1") + ")");
        }
    }

    /** Runs DORA exchanges, IN_FLIGHT at a time, until the deadline; returns the next client number. */
    private long run4(Server server, Acks acks, long next, long until) throws IOException {
        Map<Long, Long> inFlight = new HashMap<>(); // xid -> client
        Map<Long, Long> sentAt = new HashMap<>();
        byte[] buf = new byte[1500];
        server.client.setSoTimeout(20);
        while (System.currentTimeMillis() < until) {
            while (inFlight.size() < IN_FLIGHT) {
                long client = next++;
                long xid = client << 1;
                send4(server, query4(Pkt4.DHCPDISCOVER, xid, client, server), inFlight, sentAt, xid, client);
            }
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                server.client.receive(p);
                Pkt4 reply = Pkt4.parse(p.getData(), p.getLength());
                Long client = inFlight.remove(reply.transid());
                sentAt.remove(reply.transid());
                if (client == null) {
                    continue;
                }
                if (reply.getType() == Pkt4.DHCPOFFER) {
                    Pkt4 request = query4(Pkt4.DHCPREQUEST, reply.transid() | 1, client, server);
                    request.addOption(Option.ipv4(50, reply.yiaddr()));
                    request.addOption(Option.ipv4(54, (Inet4Address) InetAddress.getByName("127.0.0.1")));
                    send4(server, request, inFlight, sentAt, reply.transid() | 1, client);
                } else if (reply.getType() == Pkt4.DHCPACK) {
                    acks.add(mac(client), reply.yiaddr().getHostAddress());
                }
            } catch (SocketTimeoutException quiet) {
                // nothing this instant
            } catch (org.kea4j.dhcp.PacketParseException notOurs) {
                // not a reply
            }
            long now = System.currentTimeMillis();
            sentAt.entrySet().removeIf(e -> {
                if (now - e.getValue() > 2_000) { // lost (the server may have been busy): a new client instead
                    inFlight.remove(e.getKey());
                    return true;
                }
                return false;
            });
        }
        return next;
    }

    /** Reads the replies that arrived while the server died: an ACK sent is an ACK given. */
    private void drain4(Server server, Acks acks) throws IOException {
        byte[] buf = new byte[1500];
        server.client.setSoTimeout(1);
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                server.client.receive(p);
            } catch (SocketTimeoutException empty) {
                return;
            }
            try {
                Pkt4 reply = Pkt4.parse(p.getData(), p.getLength());
                if (reply.getType() == Pkt4.DHCPACK) {
                    acks.add(mac(reply.transid() >> 1), reply.yiaddr().getHostAddress());
                }
            } catch (org.kea4j.dhcp.PacketParseException notOurs) {
                // not a reply
            }
        }
    }

    private static void send4(Server server, Pkt4 query, Map<Long, Long> inFlight, Map<Long, Long> sentAt, long xid,
            long client) throws IOException {
        byte[] wire = query.pack();
        server.client.send(new DatagramPacket(wire, wire.length,
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port)));
        inFlight.put(xid, client);
        sentAt.put(xid, System.currentTimeMillis());
    }

    /** A query relayed by 127.0.0.1 whose relay-port sub-option brings the reply to the client socket. */
    private static Pkt4 query4(int type, long xid, long client, Server server) throws IOException {
        Pkt4 p = new Pkt4(type, xid);
        p.setHWAddr(1, macBytes(client));
        p.setGiaddr((Inet4Address) InetAddress.getByName("127.0.0.1"));
        p.setHops(1);
        p.addOption(new Option(82, Option.packSubOptions4(List.of(Option.uint16(19, server.client.getLocalPort())))));
        return p;
    }

    private static byte[] macBytes(long client) {
        return new byte[] {2, 0x4b, (byte) (client >> 24), (byte) (client >> 16), (byte) (client >> 8), (byte) client};
    }

    private static String mac(long client) {
        byte[] b = macBytes(client);
        StringBuilder out = new StringBuilder();
        for (byte x : b) {
            out.append(out.length() == 0 ? "" : ":").append(String.format("%02x", x));
        }
        return out.toString();
    }

    @Test
    void dhcpv6LeasesAcknowledgedSurviveKills() throws Exception {
        Inet6Address loopback = (Inet6Address) InetAddress.getByName("::1");
        Random random = new Random();
        Acks acks = new Acks();
        try (Server server = new Server("""
                { "Dhcp6": {
                    "interfaces-config": { "interfaces": [ "lo/::1" ] },
                    "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 1 },
                    "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "lo", "rapid-commit": true,
                                   "pools": [ { "pool": "2001:db8:1::1:0 - 2001:db8:1::ffff:ffff" } ] } ]
                } }""".formatted(dir.resolve("leases6.csv")), loopback)) {
            long next = 1;
            for (int phase = 0; phase <= KILLS; phase++) {
                long until = System.currentTimeMillis() + 2_000 + random.nextInt(3_000);
                next = run6(server, acks, next, until);
                if (phase < KILLS) {
                    server.crashAndRestart();
                    run6(server, acks, next, System.currentTimeMillis()); // drains what arrived
                }
            }
            JsonNode all = server.command("{\"command\": \"lease6-get-all\"}").path("arguments").path("leases");
            Map<String, String> leased = new HashMap<>();
            for (JsonNode lease : all) {
                // the address as Java writes it, as the acknowledgements are recorded
                leased.put(InetAddress.getByName(lease.path("ip-address").asText()).getHostAddress(),
                        lease.path("duid").asText());
            }
            check(acks, leased, "DHCPv6");
        }
    }

    /** SOLICITs with rapid commit (one round trip each), IN_FLIGHT at a time, until the deadline. */
    private long run6(Server server, Acks acks, long next, long until) throws IOException {
        Map<Long, Long> sentAt = new HashMap<>(); // xid (= client) -> time
        byte[] buf = new byte[1500];
        server.client.setSoTimeout(20);
        boolean drain = System.currentTimeMillis() >= until;
        do {
            while (!drain && sentAt.size() < IN_FLIGHT && System.currentTimeMillis() < until) {
                long client = next++ & 0xFFFFFF;
                Pkt6 solicit = new Pkt6(Pkt6.SOLICIT, client);
                solicit.addOption(new Option(Options6.CLIENTID, duid(client)));
                solicit.addOption(new Option(Options6.ELAPSED_TIME, new byte[2]));
                solicit.addOption(new Option(Options6.RAPID_COMMIT, new byte[0]));
                solicit.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of()).toOption());
                byte[] wire = Pkt6.relayForward(solicit.pack(), 0, (Inet6Address) InetAddress.getByName("2001:db8:1::1"),
                        (Inet6Address) InetAddress.getByName("fe80::1"), List.of());
                server.client.send(new DatagramPacket(wire, wire.length,
                        new InetSocketAddress(InetAddress.getByName("::1"), server.port)));
                sentAt.put(client, System.currentTimeMillis());
            }
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                server.client.receive(p);
                Pkt6 reply = Pkt6.parse(p.getData(), p.getLength());
                sentAt.remove(reply.transid());
                Option ia = reply.getOption(Options6.IA_NA);
                if (reply.getType() == Pkt6.REPLY && ia != null) {
                    for (Option o : Options6.Ia.of(ia).options(Options6.IAADDR)) {
                        acks.add(org.kea4j.dhcp.Hex.colons(duid(reply.transid())),
                                Options6.IaAddr.of(o).address().getHostAddress());
                    }
                }
            } catch (SocketTimeoutException quiet) {
                if (drain) {
                    return next;
                }
            } catch (org.kea4j.dhcp.PacketParseException notOurs) {
                // not a reply
            }
            long now = System.currentTimeMillis();
            sentAt.values().removeIf(t -> now - t > 2_000);
        } while (drain || System.currentTimeMillis() < until);
        return next;
    }

    private static byte[] duid(long client) {
        return new byte[] {0, 3, 0, 1, 2, 0x4b, 0, (byte) (client >> 16), (byte) (client >> 8), (byte) client};
    }

    /** Every acknowledged lease is stored with its client; no address went to two clients. */
    private static void check(Acks acks, Map<String, String> leased, String family) {
        List<String> lost = new ArrayList<>();
        acks.addressByClient().forEach((client, address) -> {
            if (!client.equalsIgnoreCase(leased.get(address))) {
                lost.add(client + " was acknowledged " + address + ", stored: " + leased.get(address));
            }
        });
        List<String> twice = new ArrayList<>();
        acks.clientsByAddress().forEach((address, clients) -> {
            if (clients.size() > 1) {
                twice.add(address + " acknowledged to " + clients);
            }
        });
        System.out.printf("%s crash test: %d leases acknowledged across %d SIGKILLs, %d stored, %d lost, %d given "
                + "twice%n", family, acks.addressByClient().size(), KILLS, leased.size(), lost.size(), twice.size());
        assertTrue(acks.addressByClient().size() >= 500, family + ": too few exchanges to mean anything: "
                + acks.addressByClient().size());
        assertEquals(List.of(), lost.subList(0, Math.min(lost.size(), 20)), family + ": acknowledged leases lost");
        assertEquals(List.of(), twice.subList(0, Math.min(twice.size(), 20)), family + ": addresses given twice");
    }
}
