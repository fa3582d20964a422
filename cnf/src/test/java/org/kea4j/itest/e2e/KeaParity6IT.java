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
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.KeaDaemon;

/**
 * The DHCPv6 protocol details where kea4j once differed from Kea 2.2, sent as the same relayed packets to the
 * real Kea 2.2 and to kea4j, both listening on ::1: the answers must agree.
 */
class KeaParity6IT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Inet6Address LOOPBACK = v6("::1");
    private static final String CONFIG = """
            { "Dhcp6": {
                "interfaces-config": { "interfaces": [ "lo/::1" ] },
                "lease-database": { "type": "memfile", "persist": false },
                "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                "control-socket": { "socket-type": "unix", "socket-name": "%s" },%s
                "option-data": [ { "space": "vendor-4491", "name": "tftp-servers", "data": "2001:db8::53" } ],
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "lo", "rapid-commit": true,
                               "pools": [ { "pool": "%s" } ] } ] } }""";
    private static final String FIRST_POOL = "2001:db8:1::100 - 2001:db8:1::1ff";
    private static final String SECOND_POOL = "2001:db8:1::200 - 2001:db8:1::2ff";

    @TempDir
    static Path dir;

    private static final List<Side> SIDES = new ArrayList<>();

    /** One server under test and the client socket (acting as a relay) its replies come to. */
    private record Side(String name, int serverPort, DatagramSocket client, Path socket, AutoCloseable process,
                        String secondConfig) {

        /** Sends a client message inside a RELAY-FORW; returns the inner reply, or null when none comes in 2 s. */
        Pkt6 ask(Pkt6 query) throws Exception {
            byte[] wire = Pkt6.relayForward(query.pack(), 0, v6("2001:db8:1::1"), v6("fe80::1"), List.of());
            client.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(LOOPBACK, serverPort)));
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
                Pkt6 reply = Pkt6.parse(p.getData(), p.getLength());
                if (reply.transid() == query.transid()) {
                    return reply;
                }
            }
            return null;
        }

        JsonNode command(String request) throws IOException {
            return JSON.readTree(ControlClient.send(socket, request));
        }
    }

    private static Inet6Address v6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @BeforeAll
    static void startBoth() throws Exception {
        Path keaDir = Files.createDirectories(dir.resolve("kea"));
        DatagramSocket keaClient = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        int keaPort = freeV6Port();
        KeaDaemon kea = KeaDaemon.start(6, null, keaDir, kea(keaDir, FIRST_POOL),
                "-p", String.valueOf(keaPort), "-P", String.valueOf(keaClient.getLocalPort()));
        SIDES.add(new Side("Kea 2.2", keaPort, keaClient, KeaDaemon.socket(keaDir, 6), kea, kea(keaDir, SECOND_POOL)));

        Path ourDir = Files.createDirectories(dir.resolve("kea4j"));
        int ourPort = 0;
        DatagramSocket ourClient = null;
        for (int attempt = 0; ourClient == null && attempt < 20; attempt++) {
            ourPort = freeV6Port();
            try {
                // kea4j answers on the port above its server port when it is not 547
                ourClient = new DatagramSocket(new InetSocketAddress(LOOPBACK, ourPort + 1));
            } catch (IOException taken) {
                // another pair
            }
        }
        assertNotNull(ourClient, "a free pair of ports");
        Path ourSocket = ourDir.resolve("ctrl.sock");
        Path config = ourDir.resolve("kea4j.json");
        Files.writeString(config, CONFIG.formatted(ourSocket, "", FIRST_POOL));
        Kea4jProcess ours = Kea4jProcess.start(ourDir, "-c", config.toString(), "-p", String.valueOf(ourPort));
        SIDES.add(new Side("kea4j", ourPort, ourClient, ourSocket, ours, CONFIG.formatted(ourSocket, "", SECOND_POOL)));
        assertTrue(ours.awaitControl(ourSocket, 60_000), ours.output());
    }

    /** Kea's configuration: with its lease commands library, which kea4j has built in. */
    private static String kea(Path keaDir, String pool) {
        return CONFIG.formatted(KeaDaemon.socket(keaDir, 6),
                "\n    \"hooks-libraries\": [ { \"library\": \"" + KeaDaemon.LEASE_CMDS + "\" } ],", pool);
    }

    private static int freeV6Port() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return probe.getLocalPort();
        }
    }

    @AfterAll
    static void stopBoth() throws Exception {
        for (Side side : SIDES) {
            side.client().close();
            side.process().close();
        }
    }

    private static Pkt6 query(int type, long transid, int client, Option... options) {
        Pkt6 p = new Pkt6(type, transid);
        p.addOption(new Option(Options6.CLIENTID, new byte[] {0, 3, 0, 1, 2, 0, 0, 0, 0x66, (byte) client}));
        p.addOption(new Option(Options6.ELAPSED_TIME, new byte[2]));
        for (Option o : options) {
            p.addOption(o);
        }
        return p;
    }

    private static Option iaNa(Inet6Address... addresses) {
        List<Option> subs = new ArrayList<>();
        for (Inet6Address a : addresses) {
            subs.add(new Options6.IaAddr(a, 3000, 4000, List.of()).toOption());
        }
        return new Options6.Ia(Options6.IA_NA, 1, 0, 0, subs).toOption();
    }

    /** The IA_NA's addresses of a reply: address, preferred and valid lifetime, in reply order. */
    private static List<String> addresses(Pkt6 reply) {
        List<String> out = new ArrayList<>();
        for (Option o : Options6.Ia.of(reply.getOption(Options6.IA_NA)).options(Options6.IAADDR)) {
            Options6.IaAddr a = Options6.IaAddr.of(o);
            out.add(a.address().getHostAddress() + " " + a.preferred() + "/" + a.valid());
        }
        return out;
    }

    @Test
    void vendorSubOptionsAskedForInOptionSeventeenAreAnswered() throws Exception {
        Option vendorOro = new Option(Options6.VENDOR_OPTS, new byte[] {0, 0, 0x11, (byte) 0x8b, 0, 1, 0, 2, 0, 32});
        List<byte[]> answers = new ArrayList<>();
        for (Side side : SIDES) {
            Pkt6 reply = side.ask(query(Pkt6.INFORMATION_REQUEST, 0x100, 1, vendorOro));
            assertNotNull(reply, side.name());
            Option vendor = reply.getOption(Options6.VENDOR_OPTS);
            assertNotNull(vendor, side.name() + " answers option 17 (enterprise 4491, tftp-servers)");
            answers.add(vendor.data());
        }
        assertArrayEquals(answers.get(0), answers.get(1), "the same option 17");
    }

    @Test
    void aLeaseNoPoolHoldsAfterAReconfigurationIsReplacedOnRenewAndRebind() throws Exception {
        for (Side side : SIDES) {
            Inet6Address[] granted = new Inet6Address[3];
            for (int client = 1; client <= 2; client++) {
                Pkt6 reply = side.ask(query(Pkt6.SOLICIT, 0x200 + client, client + 10,
                        new Option(Options6.RAPID_COMMIT, new byte[0]), iaNa()));
                assertEquals(Pkt6.REPLY, reply.getType(), side.name() + ": rapid commit");
                granted[client] = Options6.IaAddr.of(
                        Options6.Ia.of(reply.getOption(Options6.IA_NA)).options(Options6.IAADDR).get(0)).address();
            }
            JsonNode config = JSON.readTree(side.secondConfig());
            JsonNode set = side.command("{\"command\": \"config-set\", \"arguments\": " + config + "}");
            assertEquals(0, set.path("result").asInt(), side.name() + ": " + set);

            Option serverId = side.ask(query(Pkt6.INFORMATION_REQUEST, 0x210, 11)).getOption(Options6.SERVERID);
            Pkt6 renew = query(Pkt6.RENEW, 0x220, 11, serverId, iaNa(granted[1]));
            List<String> renewed = addresses(side.ask(renew));
            assertEquals(2, renewed.size(), side.name() + " RENEW: " + renewed);
            assertTrue(renewed.get(0).startsWith("2001:db8:1:0:0:0:0:2") && !renewed.get(0).endsWith(" 0/0"),
                    side.name() + " RENEW: a new address from the new pool first: " + renewed);
            assertEquals(granted[1].getHostAddress() + " 0/0", renewed.get(1), side.name() + " RENEW");

            List<String> rebound = addresses(side.ask(query(Pkt6.REBIND, 0x230, 12, iaNa(granted[2]))));
            assertEquals(2, rebound.size(), side.name() + " REBIND: " + rebound);
            assertTrue(rebound.get(0).startsWith("2001:db8:1:0:0:0:0:2"), side.name() + " REBIND: " + rebound);
            assertEquals(granted[2].getHostAddress() + " 0/0", rebound.get(1), side.name() + " REBIND");

            JsonNode old = side.command("{\"command\": \"lease6-get\", \"arguments\": {\"ip-address\": \""
                    + granted[1].getHostAddress() + "\"}}");
            assertEquals(3, old.path("result").asInt(), side.name() + " removed the old lease: " + old);
        }
    }

    /** config-get prints every global element Kea 2.2 prints, with Kea's defaults where the file sets none. */
    /**
     * The statistics count what Kea 2.2's count, by the same names: after statistic-reset-all on both, the same
     * exchanges (leases by rapid commit, an advertise, a release, a decline,
     * a request for another server) leave every statistic kea4j keeps at Kea's value.
     */
    @Test
    void statisticsCountAsKeaCounts() throws Exception {
        for (Side side : SIDES) {
            JsonNode total = side.command("{\"command\": \"statistic-get\", \"arguments\": {\"name\": "
                    + "\"subnet[1].total-nas\"}}").path("arguments").path("subnet[1].total-nas");
            assertTrue(total.get(0).get(0).asLong() == 256, side.name() + ": " + total);
            assertEquals(0, side.command("{\"command\": \"statistic-reset-all\"}").path("result").asInt());
            Option rapidCommit = new Option(Options6.RAPID_COMMIT, new byte[0]);
            Pkt6 released = side.ask(query(Pkt6.SOLICIT, 0x600, 30, iaNa(), rapidCommit));
            assertEquals(Pkt6.REPLY, released.getType(), side.name());
            Option serverId = released.getOption(Options6.SERVERID);
            assertNotNull(side.ask(query(Pkt6.SOLICIT, 0x610, 31, iaNa())), side.name() + " advertises");
            Inet6Address address = v6(addresses(released).get(0).split(" ")[0]);
            assertNotNull(side.ask(query(Pkt6.RELEASE, 0x620, 30, iaNa(address), serverId)), side.name());
            Pkt6 declined = side.ask(query(Pkt6.SOLICIT, 0x630, 33, iaNa(), rapidCommit));
            Inet6Address bad = v6(addresses(declined).get(0).split(" ")[0]);
            assertNotNull(side.ask(query(Pkt6.DECLINE, 0x640, 33, iaNa(bad), serverId)), side.name());
            Option otherServer = new Option(Options6.SERVERID, new byte[] {0, 2, 0, 0, 9, (byte) 0xbf, 9, 9});
            assertEquals(null, side.ask(query(Pkt6.REQUEST, 0x650, 34, iaNa(bad), otherServer)), side.name());
        }
        String[] differences = new String[1];
        boolean same = Poll.until(5_000, () -> {
            JsonNode kea = SIDES.get(0).command("{\"command\": \"statistic-get-all\"}").path("arguments");
            JsonNode ours = SIDES.get(1).command("{\"command\": \"statistic-get-all\"}").path("arguments");
            List<String> found = StatisticsParity.differences(kea, ours);
            differences[0] = found.toString();
            return found.isEmpty();
        });
        assertTrue(same, differences[0]);
        // a SOLICIT whose client id is cut short: Kea 2.2 ignores the cut option (then drops the packet for want
        // of a client id); kea4j refuses the packet as 0.9.1 did, a parse failure
        Side kea4j = SIDES.get(1);
        byte[] truncatedOption = {1, 0, 0, 1, 0, 1, 0, 50, 1, 2};
        kea4j.client().send(new DatagramPacket(truncatedOption, truncatedOption.length,
                new InetSocketAddress(LOOPBACK, kea4j.serverPort())));
        assertTrue(Poll.until(5_000, () -> kea4j.command("{\"command\": \"statistic-get\", \"arguments\": "
                + "{\"name\": \"pkt6-parse-failed\"}}").path("arguments").path("pkt6-parse-failed").get(0).get(0)
                .asLong() == 1), "pkt6-parse-failed counted");
        JsonNode ours = kea4j.command("{\"command\": \"statistic-get-all\"}").path("arguments");
        assertEquals(7, ours.path("pkt6-received").get(0).get(0).asLong(), ours.toString());
        assertEquals(2, ours.path("pkt6-receive-drop").get(0).get(0).asLong(), ours.toString());
        assertEquals(1, ours.path("subnet[1].declined-addresses").get(0).get(0).asLong(), ours.toString());
        assertEquals(2, ours.path("subnet[1].cumulative-assigned-nas").get(0).get(0).asLong(), ours.toString());
    }

    @Test
    void configGetPrintsEveryGlobalElementKeaPrints() throws Exception {
        JsonNode kea = SIDES.get(0).command("{\"command\": \"config-get\"}").path("arguments").path("Dhcp6");
        JsonNode ours = SIDES.get(1).command("{\"command\": \"config-get\"}").path("arguments").path("Dhcp6");
        List<String> missing = new ArrayList<>();
        kea.fieldNames().forEachRemaining(k -> {
            if (!ours.has(k)) {
                missing.add(k);
            }
        });
        assertEquals(List.of(), missing, "elements Kea 2.2 prints and kea4j does not");
        assertTrue(kea.size() > 35, kea.toString());
        for (String k : List.of("preferred-lifetime", "valid-lifetime", "t1-percent", "t2-percent",
                "calculate-tee-times", "decline-probation-period", "expired-leases-processing", "reservations-global",
                "reservations-in-subnet", "shared-networks", "option-def")) {
            assertEquals(kea.get(k), ours.get(k), k);
        }
    }
}
