package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.itest.ControlClient;

/**
 * A packet storm on loopback: a sender floods kea4j as fast as it can with datagrams that do not parse, oversized
 * ones, truncated ones and valid DISCOVERs from a relay no subnet serves, while good clients, retransmitting as
 * DHCP clients do, ask for leases at a modest rate. The good clients keep being served, the server stays up with
 * its memory bounded (the receive queue is bounded; what it drops is counted), the drops show in the statistics,
 * and the log does not get a line per packet.
 */
class StormIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STORM_MILLIS = 10_000;
    private static final int GOOD_CLIENTS = 60;

    @TempDir
    Path dir;

    @Test
    void goodClientsAreServedThroughAStorm() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        DatagramSocket client = null;
        int port = 0;
        for (int attempt = 0; client == null && attempt < 20; attempt++) {
            port = Kea4jProcess.freeUdpPort();
            try {
                client = new DatagramSocket(new InetSocketAddress(loopback, port + 1)); // kea4j answers on port + 1
            } catch (IOException taken) {
                // another pair
            }
        }
        assertTrue(client != null, "a free pair of ports");
        Path socket = dir.resolve("ctrl.sock");
        Path config = dir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.4.0.0 - 127.4.255.255" } ] } ]
                } }""");
        final int serverPort = port;
        try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", String.valueOf(port),
                "--control-socket", socket.toString()); DatagramSocket good = client;
                DatagramSocket flooder = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            long logLinesBefore = server.output().lines().count();
            AtomicBoolean storming = new AtomicBoolean(true);
            AtomicLong flooded = new AtomicLong();
            long peakRss = 0;
            Thread storm = new Thread(() -> flood(flooder, loopback, serverPort, storming, flooded), "storm");
            storm.start();
            int served;
            long started = System.currentTimeMillis();
            try {
                Thread.sleep(1_000); // the storm is on before the first good client asks
                served = goodClients(good, loopback, serverPort, started + STORM_MILLIS + 4_000);
                peakRss = Math.max(peakRss, rssKb(server.process().pid()));
            } finally {
                storming.set(false);
                storm.join(10_000);
            }
            long stormSeconds = Math.max(1, (System.currentTimeMillis() - started) / 1000);
            assertTrue(server.process().isAlive(), "the server survives: " + server.output());
            JsonNode stats = JSON.readTree(ControlClient.send(socket, "{\"command\": \"statistic-get-all\"}"))
                    .path("arguments");
            long received = value(stats, "pkt4-received");
            long parseFailed = value(stats, "pkt4-parse-failed");
            long dropped = value(stats, "pkt4-receive-drop");
            long acks = value(stats, "pkt4-ack-sent");
            long logLines = server.output().lines().count() - logLinesBefore;
            System.out.printf("storm: %,d datagrams sent in %d s (%,d/s); the server received %,d, %,d did not parse, "
                    + "%,d dropped in all, %d ACKs; good clients served %d of %d; log lines during the storm %d; "
                    + "peak RSS %,d KiB%n", flooded.get(), stormSeconds, flooded.get() / stormSeconds, received,
                    parseFailed, dropped, acks, served, GOOD_CLIENTS, logLines, peakRss);
            assertTrue(served >= GOOD_CLIENTS * 9 / 10, "good clients keep being served: " + served + " of "
                    + GOOD_CLIENTS);
            assertTrue(parseFailed > 1_000 && dropped >= parseFailed, "the drops are counted: " + stats);
            assertTrue(logLines < 100, "no line per dropped packet: " + logLines + " lines");
            assertTrue(peakRss < 2_000_000, "memory stays bounded: " + peakRss + " KiB");
        }
    }

    /**
     * DHCPv6: the same storm ([::1], datagrams that do not parse, oversized ones, truncated ones, SOLICITs without
     * a client identifier), while kea4j's own client, one client after the other, asks for an address and tries
     * again (up to five times) when no answer comes, as a DHCPv6 client retransmits.
     */
    @Test
    void goodDhcp6ClientsAreServedThroughAStorm() throws Exception {
        InetAddress loopback = InetAddress.getByName("::1");
        int port = Kea4jProcess.freeUdpPort();
        Path socket = dir.resolve("ctrl.sock");
        Path config = dir.resolve("kea6.json");
        Files.writeString(config, """
                { "Dhcp6": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "pools": [ { "pool": "2001:db8:1::/80" } ] } ]
                } }""");
        int clients = 30;
        try (Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", String.valueOf(port),
                "--control-socket", socket.toString());
                DatagramSocket flooder = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            assertTrue(server.awaitControl(socket, 60_000), server.output());
            long logLinesBefore = server.output().lines().count();
            AtomicBoolean storming = new AtomicBoolean(true);
            AtomicLong flooded = new AtomicLong();
            byte[] noClientId = {1, 0x12, 0x34, 0x56};
            byte[] unknownType = {(byte) 200, 1, 2, 3, 0, 1, 0, 2, 0, 0};
            byte[] oversized = new byte[9_000];
            oversized[0] = 1;
            byte[] truncated = {1, 2};
            Thread storm = new Thread(() -> flood(flooder, loopback, port, List.of(noClientId, unknownType, oversized,
                    truncated), storming, flooded), "storm6");
            storm.start();
            int served = 0;
            long peakRss;
            long started = System.currentTimeMillis();
            try {
                Thread.sleep(1_000);
                Path clientDir = Files.createDirectories(dir.resolve("client"));
                for (int i = 1; i <= clients; i++) {
                    for (int attempt = 0; attempt < 5; attempt++) {
                        Kea4jProcess.Result r = Kea4jProcess.run(clientDir, 60, "client", "-6", "--server",
                                "[::1]:" + port, "--hwaddr", String.format("02:61:00:00:00:%02x", i), "--timeout", "1000");
                        if (r.output().contains("REPLY address=")) {
                            served++;
                            break;
                        }
                    }
                }
                peakRss = rssKb(server.process().pid());
            } finally {
                storming.set(false);
                storm.join(10_000);
            }
            long stormSeconds = Math.max(1, (System.currentTimeMillis() - started) / 1000);
            assertTrue(server.process().isAlive(), "the server survives: " + server.output());
            JsonNode stats = JSON.readTree(ControlClient.send(socket, "{\"command\": \"statistic-get-all\"}"))
                    .path("arguments");
            long parseFailed = value(stats, "pkt6-parse-failed");
            long dropped = value(stats, "pkt6-receive-drop");
            long logLines = server.output().lines().count() - logLinesBefore;
            System.out.printf("storm (DHCPv6): %,d datagrams sent in %d s (%,d/s); the server received %,d, %,d did "
                    + "not parse, %,d dropped in all, %d REPLYs; good clients served %d of %d; log lines during the "
                    + "storm %d; peak RSS %,d KiB%n", flooded.get(), stormSeconds, flooded.get() / stormSeconds,
                    value(stats, "pkt6-received"), parseFailed, dropped, value(stats, "pkt6-reply-sent"), served,
                    clients, logLines, peakRss);
            assertTrue(served >= clients * 9 / 10, "good clients keep being served: " + served + " of " + clients);
            assertTrue(parseFailed > 1_000 && dropped >= parseFailed, "the drops are counted: " + stats);
            assertTrue(logLines < 100, "no line per dropped packet: " + logLines + " lines");
            assertTrue(peakRss < 2_000_000, "memory stays bounded: " + peakRss + " KiB");
        }
    }

    /** Sends, as fast as one thread can, a mix of what a broken or hostile network carries. */
    private static void flood(DatagramSocket socket, InetAddress to, int port, AtomicBoolean on, AtomicLong sent) {
        byte[] badCookie = new byte[300];
        badCookie[0] = 1;
        badCookie[1] = 1;
        badCookie[2] = 6;
        byte[] oversized = new byte[9_000];
        oversized[0] = 1;
        byte[] truncated = {1, 1, 6, 0, 1, 2, 3, 4};
        Pkt4 strange = new Pkt4(Pkt4.DHCPDISCOVER, 0x5707);
        strange.setHWAddr(1, new byte[] {2, 0x57, 0, 0, 0, 1});
        try {
            strange.setGiaddr((Inet4Address) InetAddress.getByName("10.99.0.1")); // a relay no subnet serves
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        strange.setHops(1);
        byte[] unknownSubnet = strange.pack();
        flood(socket, to, port, List.of(badCookie, oversized, truncated, unknownSubnet), on, sent);
    }

    /** Sends the datagrams of {@code mix} in turn, as fast as one thread can, while {@code on}. */
    private static void flood(DatagramSocket socket, InetAddress to, int port, List<byte[]> mix, AtomicBoolean on,
            AtomicLong sent) {
        InetSocketAddress target = new InetSocketAddress(to, port);
        long n = 0;
        while (on.get()) {
            byte[] d = mix.get((int) (n++ % mix.size()));
            try {
                socket.send(new DatagramPacket(d, d.length, target));
            } catch (IOException full) {
                // the sender's buffer is full: go on
            }
        }
        sent.set(n);
    }

    /**
     * Good clients, started one after the other across the storm, up to 10 at a time, each retransmitting its DISCOVER or REQUEST every 500 ms as a DHCP client
     * does (at most 8 times); returns how many got their DHCPACK before the deadline.
     */
    private static int goodClients(DatagramSocket socket, InetAddress server, int port, long deadline)
            throws IOException {
        Map<Long, long[]> clients = new HashMap<>(); // client -> {state 0 discover / 1 request, tries, last sent}
        Map<Long, Inet4Address> offered = new HashMap<>();
        int served = 0;
        long next = 1;
        long nextStart = 0;
        byte[] buf = new byte[1500];
        socket.setSoTimeout(10);
        while (System.currentTimeMillis() < deadline && (next <= GOOD_CLIENTS || !clients.isEmpty())) {
            long now = System.currentTimeMillis();
            if (clients.size() < 10 && next <= GOOD_CLIENTS && now >= nextStart) {
                clients.put(next++, new long[] {0, 0, 0});
                nextStart = now + STORM_MILLIS / GOOD_CLIENTS; // spread over the whole storm
            }
            for (Map.Entry<Long, long[]> e : List.copyOf(clients.entrySet())) {
                long[] c = e.getValue();
                if (now - c[2] >= 500) {
                    if (c[1] >= 8) {
                        clients.remove(e.getKey());
                        continue;
                    }
                    send(socket, server, port, e.getKey(), c[0] == 0 ? null : offered.get(e.getKey()));
                    c[1]++;
                    c[2] = now;
                }
            }
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                Pkt4 reply = Pkt4.parse(p.getData(), p.getLength());
                long id = reply.transid();
                long[] c = clients.get(id);
                if (c == null) {
                    continue;
                }
                if (reply.getType() == Pkt4.DHCPOFFER && c[0] == 0) {
                    offered.put(id, reply.yiaddr());
                    c[0] = 1;
                    c[1] = 0;
                    c[2] = 0; // the REQUEST goes out now
                } else if (reply.getType() == Pkt4.DHCPACK && c[0] == 1) {
                    clients.remove(id);
                    served++;
                }
            } catch (SocketTimeoutException | PacketParseException quiet) {
                // nothing for us this instant
            }
        }
        return served;
    }

    private static void send(DatagramSocket socket, InetAddress server, int port, long client, Inet4Address requested)
            throws IOException {
        Pkt4 p = new Pkt4(requested == null ? Pkt4.DHCPDISCOVER : Pkt4.DHCPREQUEST, client);
        p.setHWAddr(1, new byte[] {2, 0x60, 0, 0, (byte) (client >> 8), (byte) client});
        p.setGiaddr((Inet4Address) server);
        p.setHops(1);
        p.addOption(new Option(82, Option.packSubOptions4(List.of(Option.uint16(19, socket.getLocalPort())))));
        if (requested != null) {
            p.addOption(Option.ipv4(50, requested));
            p.addOption(Option.ipv4(54, (Inet4Address) server));
        }
        byte[] wire = p.pack();
        socket.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(server, port)));
    }

    private static long value(JsonNode stats, String name) {
        return stats.path(name).path(0).path(0).asLong();
    }

    /** The resident memory of a process, from /proc. */
    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
