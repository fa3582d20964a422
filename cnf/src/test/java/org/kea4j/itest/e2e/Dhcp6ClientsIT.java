package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.Perfdhcp;

/**
 * kea4j.jar serving real DHCPv6 clients in network namespaces the test creates: dhclient -6 (an address,
 * then a delegated prefix: granted, renewed, released), the server DUID across a restart, perfdhcp -6 at
 * 1,000 exchanges per second.
 */
class Dhcp6ClientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config(NetnsPair net, long preferred, long valid, long renew, long rebind) throws Exception {
        Path config = dir.resolve("kea4j6.json");
        Files.writeString(config, """
                { "Dhcp6": {
                    "interfaces-config": { "interfaces": [ "%s" ] },
                    "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
                    "data-directory": "%s",
                    "preferred-lifetime": %d, "valid-lifetime": %d, "renew-timer": %d, "rebind-timer": %d,
                    "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%s",
                                   "pools": [ { "pool": "2001:db8:1::1000 - 2001:db8:1::ffff" } ],
                                   "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 40, "delegated-len": 56 } ],
                                   "option-data": [ { "name": "dns-servers", "data": "2001:db8:1::53" } ] } ] },
                  "Logging": { "loggers": [ { "name": "kea-dhcp6", "severity": "INFO",
                                              "output_options": [ { "output": "stdout" } ] } ] } }
                """.formatted(net.serverInterface(), dir.resolve("leases6.csv"), dir, preferred, valid, renew, rebind,
                net.serverInterface()));
        return config;
    }

    private Kea4jProcess startServer(NetnsPair net, Path config) throws Exception {
        Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(), "--control-socket",
                dir.resolve("ctrl6.sock").toString());
        assertTrue(server.awaitOutput("DHCP6_STARTED", 60_000), server.output());
        assertTrue(server.awaitControl(dir.resolve("ctrl6.sock"), 30_000), server.output());
        return server;
    }

    private JsonNode leases() throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl6.sock"), "{\"command\": \"lease6-get-all\"}"))
                .path("arguments").path("leases");
    }

    private Path script() throws Exception {
        Path script = dir.resolve("dhclient6-script.sh");
        Files.writeString(script, "#!/bin/sh\n# the client's namespace keeps its link-local address only\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** One dhclient -6 run (address, or with {@code -P} a prefix): granted, renewed, released. */
    private void dhclientRun(boolean prefix) throws Exception {
        Path dhclient = External.program("dhclient");
        Path script = script();
        Path leaseFile = dir.resolve(prefix ? "pd.leases" : "na.leases");
        Files.writeString(leaseFile, "");
        Path pidFile = dir.resolve(prefix ? "pd.pid" : "na.pid");
        String type = prefix ? "IA_PD" : "IA_NA";
        try (NetnsPair net = NetnsPair.create(false);
                Kea4jProcess server = startServer(net, config(net, 4, 8, 2, 5))) {
            Path out = dir.resolve(prefix ? "pd.out" : "na.out");
            if (prefix) {
                net.start(net.client(), out, Map.of(), dhclient.toString(), "-6", "-P", "-d", "-v", "-lf",
                        leaseFile.toString(), "-pf", pidFile.toString(), "-sf", script.toString(), net.clientInterface());
            } else {
                net.start(net.client(), out, Map.of(), dhclient.toString(), "-6", "-d", "-v", "-lf",
                        leaseFile.toString(), "-pf", pidFile.toString(), "-sf", script.toString(), net.clientInterface());
            }
            assertTrue(Poll.until(30_000, () -> leases().size() == 1), "dhclient -6 got a lease: " + Files.readString(out)
                    + server.output());
            JsonNode lease = leases().get(0);
            assertEquals(type, lease.get("type").textValue());
            String address = lease.get("ip-address").textValue();
            assertTrue(address.startsWith(prefix ? "2001:db8:1" : "2001:db8:1::"), address);
            long firstCltt = lease.get("cltt").longValue();
            assertTrue(Poll.until(15_000, () -> Files.readString(leaseFile).contains(prefix ? "iaprefix " : "iaaddr ")),
                    Files.readString(leaseFile));
            assertTrue(Poll.until(20_000, () -> leases().size() == 1 && leases().get(0).get("cltt").longValue() > firstCltt),
                    "renewed (T1 = 2 s): " + Files.readString(out));
            assertEquals(address, leases().get(0).get("ip-address").textValue(), "the same lease after renewal");
            NetnsPair.Result release = prefix
                    ? net.run(net.client(), 30, dhclient.toString(), "-6", "-P", "-r", "-v", "-lf", leaseFile.toString(),
                            "-pf", pidFile.toString(), "-sf", script.toString(), net.clientInterface())
                    : net.run(net.client(), 30, dhclient.toString(), "-6", "-r", "-v", "-lf", leaseFile.toString(),
                            "-pf", pidFile.toString(), "-sf", script.toString(), net.clientInterface());
            assertEquals(0, release.exitCode(), release.output());
            assertTrue(Poll.until(10_000, () -> leases().isEmpty()), "released: " + release.output() + server.output());
        }
    }

    @Test
    void dhclientGetsRenewsAndReleasesAnAddress() throws Exception {
        dhclientRun(false);
    }

    @Test
    void dhclientGetsRenewsAndReleasesAPrefix() throws Exception {
        dhclientRun(true);
    }

    @Test
    void theServerDuidSurvivesARestart() throws Exception {
        Path dhclient = External.program("dhclient");
        Path script = script();
        String[] seen = new String[2];
        try (NetnsPair net = NetnsPair.create(false)) {
            Path config = config(net, 3000, 4000, 1000, 2000);
            for (int run = 0; run < 2; run++) {
                Path leaseFile = dir.resolve("duid" + run + ".leases");
                Files.writeString(leaseFile, "");
                try (Kea4jProcess server = startServer(net, config)) {
                    NetnsPair.Result r = net.run(net.client(), 30, dhclient.toString(), "-6", "-1", "-v", "-lf",
                            leaseFile.toString(), "-pf", dir.resolve("d" + run + ".pid").toString(), "-sf",
                            script.toString(), net.clientInterface());
                    assertEquals(0, r.exitCode(), r.output() + server.output());
                    Matcher m = Pattern.compile("option dhcp6.server-id ([0-9a-f:]+);").matcher(Files.readString(leaseFile));
                    assertTrue(m.find(), Files.readString(leaseFile));
                    seen[run] = m.group(1);
                    External.stopByPidFile(dir.resolve("d" + run + ".pid"));
                    server.signal("TERM");
                    assertEquals(0, server.awaitExit(30));
                }
                if (run == 0) {
                    Files.deleteIfExists(dir.resolve("ctrl6.sock")); // removed by a clean stop already
                }
            }
        }
        assertEquals(seen[0], seen[1], "the same server DUID after a restart");
        String stored = Files.readString(dir.resolve("kea-dhcp6-serverid")).strip();
        assertEquals(bytes(stored), bytes(seen[0]), "the DUID kept in kea-dhcp6-serverid");
    }


    /** Colon-separated hex bytes (dhclient writes {@code 0:1:0:1:...}, kea4j {@code 00:01:00:01:...}). */
    private static java.util.List<Integer> bytes(String colons) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (String b : colons.split(":")) {
            out.add(Integer.parseInt(b, 16));
        }
        return out;
    }

    private void perfdhcp6(String... extra) throws Exception {
        try (NetnsPair net = NetnsPair.create(false);
                Kea4jProcess server = startServer(net, config(net, 3000, 4000, 1000, 2000))) {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                    External.program("perfdhcp").toString(), "-6", "-l", net.clientInterface(), "-r", "500", "-p", "10",
                    "-R", "16000000", "-d", "5", "-W", "5000000"));
            command.addAll(java.util.List.of(extra));
            NetnsPair.Result perf = net.run(net.client(), 120, command.toArray(new String[0]));
            Map<String, long[]> stats = Perfdhcp.stats(perf.output(), "SOLICIT-ADVERTISE", "REQUEST-REPLY");
            long solicits = stats.get("SOLICIT-ADVERTISE")[0];
            long requests = stats.get("REQUEST-REPLY")[0];
            long replies = stats.get("REQUEST-REPLY")[1];
            System.out.println("perfdhcp -6 " + String.join(" ", extra) + " at 500/s for 10 s: " + solicits + " SOLICITs, "
                    + stats.get("SOLICIT-ADVERTISE")[1] + " ADVERTISEs, " + requests + " REQUESTs, " + replies
                    + " REPLYs\n" + perf.output());
            assertEquals(0, perf.exitCode(), perf.output());
            assertTrue(solicits >= 4_000, "perfdhcp ran its 10 s: " + perf.output());
            assertEquals(solicits, stats.get("SOLICIT-ADVERTISE")[1], "every SOLICIT answered: " + perf.output());
            assertEquals(requests, replies, "every REQUEST answered: " + perf.output());
            Set<String> inMemory = new HashSet<>();
            leases().forEach(l -> inMemory.add(l.get("ip-address").textValue()));
            Set<String> onDisk = new HashSet<>();
            for (String line : Files.readAllLines(dir.resolve("leases6.csv"))) {
                if (!line.startsWith("address,")) {
                    onDisk.add(line.substring(0, line.indexOf(',')));
                }
            }
            assertEquals(inMemory, onDisk, "every lease is in the lease file");
        }
    }


    @Test
    void perfdhcpAddressExchangesAreAllAnsweredAndStored() throws Exception {
        perfdhcp6();
    }

    @Test
    void perfdhcpAddressAndPrefixExchangesAreAllAnsweredAndStored() throws Exception {
        perfdhcp6("-e", "address-and-prefix");
    }
}
