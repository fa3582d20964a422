package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.KeaDaemon;

/**
 * The DHCPv4 protocol details where kea4j once differed from Kea 2.2, sent as the same packets to the real
 * Kea 2.2 and to kea4j, both on loopback: the answers, the leases and the log lines must agree.
 */
class KeaParity4IT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Inet4Address LOOPBACK = (Inet4Address) InetAddress.getLoopbackAddress();
    private static final String SUBNET = """
            "valid-lifetime": 4000,
            "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.0.0.10 - 127.0.0.200" } ],
                           "option-data": [ { "name": "routers", "data": "127.0.0.1" } ] } ]""";

    @TempDir
    static Path dir;

    private static final List<Side> SIDES = new ArrayList<>();

    /** One server under test, with the client socket its replies come to (relayed ones too: relay-port). */
    private record Side(String name, int serverPort, DatagramSocket client, Path socket, AutoCloseable process,
                        LogSource log) {

        Pkt4 ask(Pkt4 query) throws IOException {
            send(query);
            return receive(query.transid());
        }

        void send(Pkt4 query) throws IOException {
            byte[] wire = query.pack();
            client.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(LOOPBACK, serverPort)));
        }

        /** The reply with this transaction id, or null when none comes within 2 s. */
        Pkt4 receive(long transid) throws IOException {
            byte[] buf = new byte[1500];
            long deadline = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < deadline) {
                client.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    client.receive(p);
                } catch (SocketTimeoutException none) {
                    return null;
                }
                try {
                    Pkt4 reply = Pkt4.parse(p.getData(), p.getLength());
                    if (reply.transid() == transid) {
                        return reply;
                    }
                } catch (Exception notDhcp) {
                    // not a DHCP packet: keep waiting
                }
            }
            return null;
        }

        void send(byte[] wire) throws IOException {
            client.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(LOOPBACK, serverPort)));
        }

        JsonNode command(String request) throws IOException {
            return JSON.readTree(ControlClient.send(socket, request));
        }

        JsonNode lease(Inet4Address address) throws IOException {
            return JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease4-get\", \"arguments\": "
                    + "{\"ip-address\": \"" + address.getHostAddress() + "\"}}"));
        }

        /** The text after the message ID of the first log line with it, waiting up to 5 s. */
        String logged(String id, String containing) throws Exception {
            Pattern line = Pattern.compile(" " + id + " (.*" + Pattern.quote(containing) + ".*)$", Pattern.MULTILINE);
            String[] found = new String[1];
            Poll.until(5_000, () -> {
                Matcher m = line.matcher(log.read());
                if (m.find()) {
                    found[0] = m.group(1);
                }
                return found[0] != null;
            });
            assertNotNull(found[0], name + " logs " + id + " with '" + containing + "': " + log.read());
            return found[0];
        }
    }

    @FunctionalInterface
    private interface LogSource {
        String read() throws IOException;
    }

    @BeforeAll
    static void startBoth() throws Exception {
        Path keaDir = Files.createDirectories(dir.resolve("kea"));
        DatagramSocket keaClient = new DatagramSocket(new InetSocketAddress(0));
        int keaPort = Kea4jProcess.freeUdpPort();
        Path keaLog = keaDir.resolve("kea-dhcp4.log");
        KeaDaemon kea = KeaDaemon.start(4, null, keaDir, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ], "dhcp-socket-type": "udp" },
                    "lease-database": { "type": "memfile", "persist": false },
                    "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                    "hooks-libraries": [ { "library": "%s" } ],
                    "loggers": [ { "name": "kea-dhcp4", "severity": "DEBUG", "debuglevel": 99,
                                   "output_options": [ { "output": "%s" } ] } ],
                    %s } }
                """.formatted(KeaDaemon.socket(keaDir, 4), KeaDaemon.LEASE_CMDS, keaLog, SUBNET),
                "-p", String.valueOf(keaPort), "-P", String.valueOf(keaClient.getLocalPort()));
        SIDES.add(new Side("Kea 2.2", keaPort, keaClient, KeaDaemon.socket(keaDir, 4), kea,
                () -> Files.exists(keaLog) ? Files.readString(keaLog) : ""));

        Path ourDir = Files.createDirectories(dir.resolve("kea4j"));
        int ourPort = 0;
        DatagramSocket ourClient = null;
        for (int attempt = 0; ourClient == null && attempt < 20; attempt++) {
            ourPort = Kea4jProcess.freeUdpPort();
            try {
                // kea4j answers clients on the port above its server port when it is not 67
                ourClient = new DatagramSocket(new InetSocketAddress(ourPort + 1));
            } catch (IOException taken) {
                // another pair
            }
        }
        assertNotNull(ourClient, "a free pair of ports");
        Path config = ourDir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "lo" ] },
                    "lease-database": { "type": "memfile", "persist": false },
                    %s } }
                """.formatted(SUBNET));
        Path ourSocket = ourDir.resolve("ctrl.sock");
        Kea4jProcess ours = Kea4jProcess.start(ourDir, "-c", config.toString(), "-p", String.valueOf(ourPort),
                "-d", "--control-socket", ourSocket.toString());
        SIDES.add(new Side("kea4j", ourPort, ourClient, ourSocket, ours, ours::output));
        assertTrue(ours.awaitControl(ourSocket, 60_000), ours.output());
    }

    @AfterAll
    static void stopBoth() throws Exception {
        for (Side side : SIDES) {
            side.client().close();
            side.process().close();
        }
    }

    private static Pkt4 query(int type, long transid, int macByte) {
        Pkt4 p = new Pkt4(type, transid);
        p.setHWAddr(1, new byte[] {2, 0, 0, 0, 0x44, (byte) macByte});
        return p;
    }

    /** Makes a query relayed by 127.0.0.1 with option 82 (its sub-options plus relay-port, RFC 8357). */
    private static Pkt4 relayed(Pkt4 p, Side side, Option... subOptions) {
        p.setGiaddr(LOOPBACK);
        p.setHops(1);
        List<Option> subs = new ArrayList<>(List.of(subOptions));
        subs.add(Option.uint16(19, side.client().getLocalPort()));
        p.addOption(new Option(82, Option.packSubOptions4(subs)));
        return p;
    }

    private static Inet4Address leaseFor(Side side, long transid, int macByte, Option clientId) throws IOException {
        Pkt4 discover = relayed(query(Pkt4.DHCPDISCOVER, transid, macByte), side);
        if (clientId != null) {
            discover.addOption(clientId);
        }
        Pkt4 offer = side.ask(discover);
        assertNotNull(offer, side.name() + " offers");
        Pkt4 request = relayed(query(Pkt4.DHCPREQUEST, transid + 1, macByte), side);
        if (clientId != null) {
            request.addOption(clientId);
        }
        request.addOption(Option.ipv4(50, offer.yiaddr()));
        request.addOption(Option.ipv4(54, LOOPBACK));
        Pkt4 ack = side.ask(request);
        assertEquals(Pkt4.DHCPACK, ack.getType(), side.name());
        return ack.yiaddr();
    }

    @Test
    void anInformWithOurServerIdentifierIsAnswered() throws Exception {
        for (Side side : SIDES) {
            Pkt4 inform = query(Pkt4.DHCPINFORM, 0x100, 1);
            inform.setCiaddr(LOOPBACK);
            inform.addOption(Option.ipv4(54, LOOPBACK));
            Pkt4 ack = side.ask(inform);
            assertNotNull(ack, side.name() + " answers a DHCPINFORM carrying its own server identifier");
            assertEquals(Pkt4.DHCPACK, ack.getType());
            assertEquals(LOOPBACK, ack.getOption(54).ipv4());
            assertNotNull(ack.getOption(3), side.name() + ": routers");

            Pkt4 foreign = query(Pkt4.DHCPINFORM, 0x101, 1);
            foreign.setCiaddr(LOOPBACK);
            foreign.addOption(Option.ipv4(54, (Inet4Address) InetAddress.getByName("10.9.9.9")));
            assertEquals(null, side.ask(foreign), side.name() + " drops one for another server");
        }
    }

    @Test
    void optionEightyTwoWithServerIdOverrideIsEchoedRelayedOrNot() throws Exception {
        Option override = Option.ipv4(11, (Inet4Address) InetAddress.getByName("10.9.9.9"));
        Option circuit = new Option(1, new byte[] {'c', '1'});
        for (Side side : SIDES) {
            Pkt4 discover = relayed(query(Pkt4.DHCPDISCOVER, 0x200, 2), side, circuit, override);
            Pkt4 offer = side.ask(discover);
            assertNotNull(offer, side.name());
            assertArrayEquals(discover.getOption(82).data(), offer.getOption(82).data(), side.name() + " echoes 82");

            Inet4Address address = leaseFor(side, 0x210, 3, null);
            // a relay with server-id-override forwards the client's unicast renewal as it came: no giaddr
            Pkt4 renew = query(Pkt4.DHCPREQUEST, 0x220, 3);
            renew.setCiaddr(address);
            renew.addOption(new Option(82, Option.packSubOptions4(List.of(circuit, override))));
            Pkt4 ack = side.ask(renew);
            assertNotNull(ack, side.name() + " acks the renewal");
            assertEquals(Pkt4.DHCPACK, ack.getType());
            assertArrayEquals(renew.getOption(82).data(), ack.getOption(82).data(), side.name() + " echoes 82");
        }
    }

    @Test
    void aReleaseIsMatchedByClientIdentifierWhateverTheHardwareAddress() throws Exception {
        Option clientId = new Option(61, new byte[] {1, 10, 11, 12, 13, 14, 15});
        for (Side side : SIDES) {
            Inet4Address address = leaseFor(side, 0x300, 4, clientId);
            Pkt4 strangerRelease = query(Pkt4.DHCPRELEASE, 0x310, 5);
            strangerRelease.setCiaddr(address);
            strangerRelease.addOption(new Option(61, new byte[] {1, 10, 11, 12, 13, 14, 16}));
            strangerRelease.addOption(Option.ipv4(54, LOOPBACK));
            side.send(strangerRelease);
            side.logged("DHCP4_RELEASE_FAIL_WRONG_CLIENT(?:_ID)?", "");
            assertEquals(0, side.lease(address).path("result").asInt(), side.name() + " keeps the lease");

            Pkt4 release = query(Pkt4.DHCPRELEASE, 0x320, 6);
            release.setCiaddr(address);
            release.addOption(clientId);
            release.addOption(Option.ipv4(54, LOOPBACK));
            side.send(release);
            assertTrue(Poll.until(5_000, () -> side.lease(address).path("result").asInt() == 3),
                    side.name() + " releases by client identifier: " + side.lease(address));
        }
    }

    @Test
    void declineFailuresAreWordedAsKeaWordsThem() throws Exception {
        Option clientId = new Option(61, new byte[] {1, 10, 11, 12, 13, 14, 17});
        List<String> mismatch = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Side side : SIDES) {
            Inet4Address address = leaseFor(side, 0x400, 7, clientId);
            Pkt4 decline = query(Pkt4.DHCPDECLINE, 0x410, 8);
            decline.addOption(new Option(61, new byte[] {1, 10, 11, 12, 13, 14, 18}));
            decline.addOption(Option.ipv4(50, address));
            decline.addOption(Option.ipv4(54, LOOPBACK));
            side.send(decline);
            mismatch.add(side.logged("DHCP4_DECLINE_LEASE_MISMATCH", "tid=0x410")
                    .replace(address.getHostAddress(), "ADDRESS"));

            Pkt4 noAddress = query(Pkt4.DHCPDECLINE, 0x420, 8);
            noAddress.addOption(Option.ipv4(54, LOOPBACK));
            side.send(noAddress);
            String failure = side.logged("DHCP4_PACKET_(?:DROP_0007|PROCESS_FAIL)", "tid=0x420");
            missing.add(failure.substring(failure.indexOf("Mandatory")));

            Pkt4 noLease = query(Pkt4.DHCPDECLINE, 0x430, 8);
            noLease.addOption(Option.ipv4(50, (Inet4Address) InetAddress.getByName("127.0.0.250")));
            noLease.addOption(Option.ipv4(54, LOOPBACK));
            side.send(noLease);
            unknown.add(side.logged("DHCP4_DECLINE_LEASE_NOT_FOUND", "tid=0x430"));
        }
        assertTrue(mismatch.get(0).contains("received hwaddr: 02:00:00:00:44:08, lease hwaddr: 02:00:00:00:44:07"),
                mismatch.get(0));
        assertEquals(mismatch.get(0), mismatch.get(1), "DHCP4_DECLINE_LEASE_MISMATCH");
        assertEquals(missing.get(0), missing.get(1), "a DHCPDECLINE without option 50");
        assertEquals(unknown.get(0), unknown.get(1), "DHCP4_DECLINE_LEASE_NOT_FOUND");
    }

    /**
     * The statistics count what Kea 2.2's count, by the same names: after statistic-reset-all on both, the same
     * exchanges (a datagram that does not parse, two leases, a decline, a release, a request for another server)
     * leave every statistic kea4j keeps at Kea's value.
     */
    @Test
    void statisticsCountAsKeaCounts() throws Exception {
        for (Side side : SIDES) {
            assertEquals(191, side.command("{\"command\": \"statistic-get\", \"arguments\": {\"name\": "
                    + "\"subnet[1].total-addresses\"}}").path("arguments").path("subnet[1].total-addresses").get(0).get(0)
                    .asLong(), side.name());
        }
        for (Side side : SIDES) {
            assertEquals(0, side.command("{\"command\": \"statistic-reset-all\"}").path("result").asInt());
            byte[] badCookie = new byte[300];
            badCookie[0] = 1; // BOOTREQUEST, htype 1, hlen 6, then a magic cookie that is not one
            badCookie[1] = 1;
            badCookie[2] = 6;
            side.send(badCookie);
            Inet4Address kept = leaseFor(side, 0x500, 20, null);
            Inet4Address declined = leaseFor(side, 0x510, 21, null);
            Pkt4 decline = query(Pkt4.DHCPDECLINE, 0x520, 21);
            decline.addOption(Option.ipv4(50, declined));
            decline.addOption(Option.ipv4(54, LOOPBACK));
            side.send(decline);
            Pkt4 release = query(Pkt4.DHCPRELEASE, 0x530, 20);
            release.setCiaddr(kept);
            release.addOption(Option.ipv4(54, LOOPBACK));
            side.send(release);
            Pkt4 notForUs = relayed(query(Pkt4.DHCPREQUEST, 0x540, 22), side);
            notForUs.addOption(Option.ipv4(50, kept));
            notForUs.addOption(Option.ipv4(54, (Inet4Address) InetAddress.getByName("192.0.2.1")));
            side.send(notForUs);
        }
        String[] differences = new String[1];
        boolean same = Poll.until(5_000, () -> {
            JsonNode kea = SIDES.get(0).command("{\"command\": \"statistic-get-all\"}").path("arguments");
            JsonNode ours = SIDES.get(1).command("{\"command\": \"statistic-get-all\"}").path("arguments");
            List<String> found = StatisticsParity.differences(kea, ours);
            differences[0] = found.toString();
            return found.isEmpty() && StatisticsParity.latest(ours, "pkt4-received") == 8;
        });
        assertTrue(same, differences[0]);
        JsonNode ours = SIDES.get(1).command("{\"command\": \"statistic-get-all\"}").path("arguments");
        for (String name : List.of("pkt4-parse-failed", "pkt4-receive-drop", "pkt4-ack-sent", "pkt4-decline-received",
                "pkt4-release-received", "declined-addresses", "subnet[1].declined-addresses",
                "subnet[1].total-addresses", "subnet[1].assigned-addresses", "subnet[1].cumulative-assigned-addresses")) {
            assertTrue(ours.has(name), name + " in " + ours);
        }
        assertEquals(1, ours.path("pkt4-parse-failed").get(0).get(0).asLong());
        assertEquals(1, ours.path("subnet[1].declined-addresses").get(0).get(0).asLong());
    }

    /** config-get prints every global element Kea 2.2 prints, with Kea's defaults where the file sets none. */
    @Test
    void configGetPrintsEveryGlobalElementKeaPrints() throws Exception {
        JsonNode kea = JSON.readTree(ControlClient.send(SIDES.get(0).socket(), "{\"command\": \"config-get\"}"))
                .path("arguments").path("Dhcp4");
        JsonNode ours = JSON.readTree(ControlClient.send(SIDES.get(1).socket(), "{\"command\": \"config-get\"}"))
                .path("arguments").path("Dhcp4");
        List<String> missing = new ArrayList<>();
        kea.fieldNames().forEachRemaining(k -> {
            // Kea's file has its control socket and loggers inside Dhcp4; kea4j's has neither (--control-socket)
            if (!ours.has(k) && !k.equals("control-socket") && !k.equals("loggers")) {
                missing.add(k);
            }
        });
        assertEquals(List.of(), missing, "elements Kea 2.2 prints and kea4j does not");
        assertTrue(kea.size() > 40, kea.toString());
        for (String k : List.of("valid-lifetime", "t1-percent", "t2-percent", "calculate-tee-times",
                "decline-probation-period", "match-client-id", "echo-client-id", "expired-leases-processing",
                "reservations-global", "reservations-in-subnet", "reservations-out-of-pool", "next-server",
                "shared-networks", "option-def")) {
            assertEquals(kea.get(k), ours.get(k), k);
        }
    }
}
