package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.KeaDaemon;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.memfile.internal.MemfileLeaseMgr;

/**
 * Lease files cross between kea4j and the real ISC Kea 2.2 both ways: Kea's files (written while serving
 * perfdhcp clients in network namespaces) load into kea4j with every lease intact, and kea4j's files load
 * into Kea, which then answers {@code lease4-get-all} / {@code lease6-get-all} with the same leases.
 */
class KeaLeaseFileInteropIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String keaConfig4(Path dir, String leaseFile, String interfaces) {
        return """
                { "Dhcp4": {
                  "interfaces-config": { "interfaces": [ %s ] },
                  "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
                  "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                  "hooks-libraries": [ { "library": "%s" } ],
                  "valid-lifetime": 4000,
                  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.200" } ] },
                               { "id": 2, "subnet": "198.51.100.0/24" } ],
                  "loggers": [ { "name": "kea-dhcp4", "severity": "INFO", "output_options": [ { "output": "stdout" } ] } ]
                } }""".formatted(interfaces, leaseFile, KeaDaemon.socket(dir, 4), KeaDaemon.LEASE_CMDS);
    }

    private static String keaConfig6(Path dir, String leaseFile, String interfaces) {
        return """
                { "Dhcp6": {
                  "server-id": { "type": "LL", "persist": false },
                  "interfaces-config": { "interfaces": [ %s ] },
                  "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
                  "control-socket": { "socket-type": "unix", "socket-name": "%s" },
                  "hooks-libraries": [ { "library": "%s" } ],
                  "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", %s
                                 "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                                 "pd-pools": [ { "prefix": "2001:db8:8::", "prefix-len": 48, "delegated-len": 56 } ] } ],
                  "loggers": [ { "name": "kea-dhcp6", "severity": "INFO", "output_options": [ { "output": "stdout" } ] } ]
                } }""".formatted(interfaces, leaseFile, KeaDaemon.socket(dir, 6), KeaDaemon.LEASE_CMDS,
                interfaces.isEmpty() ? "" : "\"interface\": " + interfaces + ",");
    }

    /** The leases of a {@code lease*-get-all} answer, sorted by address. */
    private static List<JsonNode> leases(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        answer.path("arguments").path("leases").forEach(out::add);
        out.sort(Comparator.comparing(l -> l.get("ip-address").textValue()));
        return out;
    }

    @Test
    void aLeaseFileKeaWroteWhileServingLoadsIntoKea4j() throws Exception {
        Path keaFile = dir.resolve("kea-leases4.csv");
        JsonNode keaAnswer;
        try (NetnsPair net = NetnsPair.create(true)) {
            try (KeaDaemon kea = KeaDaemon.start(4, net, dir, keaConfig4(dir, keaFile.toString(), "\"" + net.serverInterface() + "\""))) {
                NetnsPair.Result perf = net.run(net.client(), 60, External.program("perfdhcp").toString(), "-4", "-l",
                        net.clientInterface(), "-r", "20", "-R", "25", "-n", "25", "-p", "10");
                assertTrue(perf.exitCode() == 0 || perf.exitCode() == 3, "perfdhcp ran (3: some packets dropped): "
                        + perf.output());
                keaAnswer = kea.command("{\"command\": \"lease4-get-all\"}");
            }
        }
        List<JsonNode> expected = leases(keaAnswer);
        assertTrue(expected.size() >= 20, "perfdhcp got leases from Kea: " + keaAnswer);

        Path copy = Files.copy(keaFile, dir.resolve("copied-leases4.csv"));
        Path config = dir.resolve("kea4j.json");
        Path socket = dir.resolve("kea4j.sock");
        Files.writeString(config, """
                { "Dhcp4": {
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" }, { "id": 2, "subnet": "198.51.100.0/24" } ] } }
                """.formatted(copy));
        try (Kea4jProcess kea4j = Kea4jProcess.start(dir, "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea4j.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), kea4j.output());
            assertTrue(kea4j.awaitControl(socket, 30_000), kea4j.output());
            JsonNode ours = JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease4-get-all\"}"));
            assertEquals(expected, leases(ours), "every lease intact");
            kea4j.signal("TERM");
            assertEquals(0, kea4j.awaitExit(30));
        }
    }

    @Test
    void aLeaseFileKea4jWroteLoadsIntoKea() throws Exception {
        Path file = dir.resolve("kea4j-leases4.csv");
        Path config = dir.resolve("kea4j.json");
        Path socket = dir.resolve("kea4j.sock");
        Files.writeString(config, """
                { "Dhcp4": {
                    "lease-database": { "type": "memfile", "name": "%s" },
                    "valid-lifetime": 4000,
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" }, { "id": 2, "subnet": "198.51.100.0/24" } ] } }
                """.formatted(file));
        long now = System.currentTimeMillis() / 1000;
        List<String> adds = List.of(
                "{\"ip-address\": \"192.0.2.10\", \"hw-address\": \"08:00:27:00:00:01\"}",
                "{\"ip-address\": \"192.0.2.11\", \"hw-address\": \"08:00:27:00:00:02\", \"client-id\": \"01:08:00:27:00:00:02\","
                        + " \"hostname\": \"commas,and&ampersands\", \"fqdn-fwd\": true, \"fqdn-rev\": true}",
                "{\"ip-address\": \"192.0.2.12\", \"hw-address\": \"08:00:27:00:00:03\", \"valid-lft\": 86400,"
                        + " \"user-context\": {\"site\": \"lab, 2\", \"rack\": 7}}",
                "{\"ip-address\": \"198.51.100.5\", \"hw-address\": \"08:00:27:00:00:04\", \"expire\": " + (now + 900) + "}");
        JsonNode ours;
        try (Kea4jProcess kea4j = Kea4jProcess.start(dir, "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea4j.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), kea4j.output());
            assertTrue(kea4j.awaitControl(socket, 30_000), kea4j.output());
            for (String add : adds) {
                JsonNode answer = JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease4-add\", \"arguments\": "
                        + add + "}"));
                assertEquals(0, answer.get("result").intValue(), answer.toString());
            }
            JsonNode updated = JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease4-update\", \"arguments\": "
                    + "{\"ip-address\": \"192.0.2.10\", \"hw-address\": \"08:00:27:00:00:01\", \"hostname\": \"renewed\"}}"));
            assertEquals(0, updated.get("result").intValue(), updated.toString());
            ours = JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease4-get-all\"}"));
            kea4j.signal("TERM");
            assertEquals(0, kea4j.awaitExit(30));
        }
        assertEquals(4, leases(ours).size(), ours.toString());
        try (KeaDaemon kea = KeaDaemon.start(4, null, dir, keaConfig4(dir, file.toString(), ""))) {
            assertEquals(leases(ours), leases(kea.command("{\"command\": \"lease4-get-all\"}")));
        }

        // Kea's own lease file cleanup reads kea4j's file and rewrites it; kea4j reads that back
        Path out = dir.resolve("lfc");
        Files.createDirectories(out);
        ProcessBuilder lfcBuilder = new ProcessBuilder(External.program("kea-lfc").toString(), "-4", "-x",
                out.resolve("prev").toString(), "-i", file.toString(), "-o", out.resolve("output").toString(), "-f",
                out.resolve("finish").toString(), "-p", out.resolve("pid").toString(), "-c", "ignored")
                .redirectErrorStream(true);
        lfcBuilder.environment().put("KEA_LOCKFILE_DIR", dir.toString());
        Process lfc = lfcBuilder.start();
        assertTrue(lfc.waitFor(30, TimeUnit.SECONDS));
        String lfcLog = new String(lfc.getInputStream().readAllBytes());
        assertEquals(0, lfc.exitValue(), lfcLog);
        assertEquals(5, Files.readAllLines(out.resolve("prev")).size(), "Kea's LFC kept the 4 leases (and the header)");
        Path back = Files.copy(out.resolve("prev"), dir.resolve("back.csv"));
        Files.writeString(config, Files.readString(config).replace(file.toString(), back.toString()));
        try (Kea4jProcess kea4j = Kea4jProcess.start(dir, "-c", config.toString(), "-p",
                Integer.toString(Kea4jProcess.freeUdpPort()), "--control-socket", socket.toString())) {
            assertTrue(kea4j.awaitOutput("DCTL_CONFIG_COMPLETE", 60_000), kea4j.output());
            assertTrue(kea4j.awaitControl(socket, 30_000), kea4j.output());
            assertEquals(leases(ours), leases(JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease4-get-all\"}"))),
                    "the file Kea's LFC wrote loads back into kea4j");
            kea4j.signal("TERM");
            assertEquals(0, kea4j.awaitExit(30));
        }
    }

    /** A Lease6 as Kea's lease6-get-all shows it. */
    private static ObjectNode keaJson(Lease6 l) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cltt", l.cltt());
        n.put("duid", l.duid().toString());
        n.put("fqdn-fwd", l.fqdnFwd());
        n.put("fqdn-rev", l.fqdnRev());
        n.put("hostname", l.hostname());
        if (l.hwaddr() != null) {
            n.put("hw-address", l.hwaddr().toString());
        }
        n.put("iaid", l.iaid());
        n.put("ip-address", Addresses.format(l.address()));
        n.put("preferred-lft", l.preferredLifetime());
        if (l.type() == LeaseType.PD) {
            n.put("prefix-len", l.prefixLength());
        }
        n.put("state", l.state());
        n.put("subnet-id", l.subnetId());
        n.put("type", "IA_" + l.type());
        n.put("valid-lft", l.validLifetime());
        return n;
    }

    private static List<JsonNode> normalized(List<ObjectNode> leases) throws Exception {
        ArrayNode array = JSON.createArrayNode();
        leases.forEach(array::add);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("arguments").set("leases", array);
        return leases(JSON.readTree(answer.toString()));
    }

    @Test
    void ipv6LeaseFilesCrossBothWays() throws Exception {
        Path keaFile = dir.resolve("kea-leases6.csv");
        JsonNode keaAnswer;
        try (NetnsPair net = NetnsPair.create(false)) {
            try (KeaDaemon kea = KeaDaemon.start(6, net, dir, keaConfig6(dir, keaFile.toString(), "\"" + net.serverInterface() + "\""))) {
                NetnsPair.Result perf = net.run(net.client(), 60, External.program("perfdhcp").toString(), "-6", "-l",
                        net.clientInterface(), "-r", "20", "-R", "12", "-n", "12", "-p", "10", "-e", "address-and-prefix");
                assertTrue(perf.exitCode() == 0 || perf.exitCode() == 3, "perfdhcp ran (3: some packets dropped): "
                        + perf.output());
                keaAnswer = kea.command("{\"command\": \"lease6-get-all\"}");
            }
        }
        List<JsonNode> expected = leases(keaAnswer);
        assertTrue(expected.size() >= 16, "perfdhcp got addresses and prefixes: " + keaAnswer);
        List<ObjectNode> loaded = new ArrayList<>();
        try (MemfileLeaseMgr mgr = MemfileLeaseMgr.open(6, new MemfileLeaseMgr.Settings(true, keaFile, 0, 0))) {
            mgr.getLeases6().forEach(l -> loaded.add(keaJson(l)));
        }
        assertEquals(expected, normalized(loaded), "Kea's IPv6 leases intact in memfile");

        Path ourFile = dir.resolve("kea4j-leases6.csv");
        long now = System.currentTimeMillis() / 1000;
        List<ObjectNode> written = new ArrayList<>();
        try (MemfileLeaseMgr mgr = MemfileLeaseMgr.open(6, new MemfileLeaseMgr.Settings(true, ourFile, 0, 0))) {
            List<Lease6> leases = List.of(
                    Lease6.builder(LeaseType.NA, Addresses.parseV6("2001:db8:1::150")).duid(Duid.parse("00:03:00:01:08:00:27:00:00:01"))
                            .iaid(1).subnetId(1).preferredLifetime(3000).validLifetime(4000).cltt(now).hostname("h,1")
                            .hwaddr(new HWAddr(1, HWAddr.parse("08:00:27:00:00:01").bytes(), HWAddr.SOURCE_DUID)).build(),
                    Lease6.builder(LeaseType.PD, Addresses.parseV6("2001:db8:8:500::")).prefixLength(56)
                            .duid(Duid.parse("00:03:00:01:08:00:27:00:00:02")).iaid(2).subnetId(1).preferredLifetime(3000)
                            .validLifetime(4000).cltt(now).fqdn(true, false).build());
            for (Lease6 l : leases) {
                mgr.addLease(l);
                written.add(keaJson(l));
            }
        }
        try (KeaDaemon kea = KeaDaemon.start(6, null, dir, keaConfig6(dir, ourFile.toString(), ""))) {
            assertEquals(normalized(written), leases(kea.command("{\"command\": \"lease6-get-all\"}")));
        }
    }
}
