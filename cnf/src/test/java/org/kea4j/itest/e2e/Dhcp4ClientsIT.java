package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
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
 * kea4j.jar serving real DHCPv4 clients in network namespaces the test creates: Debian's dhclient
 * (address, renewal, release) and perfdhcp acting as a relay.
 */
class Dhcp4ClientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config(NetnsPair net, long validLifetime, long renew, long rebind) throws Exception {
        Path config = dir.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "%s" ] },
                    "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
                    "valid-lifetime": %d, "renew-timer": %d, "rebind-timer": %d,
                    "subnet4": [
                      { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.50" } ],
                        "option-data": [ { "name": "routers", "data": "192.0.2.1" } ] },
                      { "id": 2, "subnet": "10.20.0.0/16", "relay": { "ip-address": "192.0.2.2" },
                        "pools": [ { "pool": "10.20.0.10 - 10.20.255.250" } ] } ] },
                  "Logging": { "loggers": [ { "name": "kea-dhcp4", "severity": "INFO",
                                              "output_options": [ { "output": "stdout" } ] } ] } }
                """.formatted(net.serverInterface(), dir.resolve("leases4.csv"), validLifetime, renew, rebind));
        return config;
    }

    private Kea4jProcess startServer(NetnsPair net, Path config) throws Exception {
        Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(), "--control-socket",
                dir.resolve("ctrl.sock").toString());
        assertTrue(server.awaitOutput("DHCP4_STARTED", 60_000), server.output());
        assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 30_000), server.output());
        return server;
    }

    private JsonNode leases() throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"lease4-get-all\"}"))
                .path("arguments").path("leases");
    }

    @Test
    void dhclientGetsRenewsAndReleasesAnAddress() throws Exception {
        Path dhclient = External.program("dhclient");
        Path script = dir.resolve("dhclient-script.sh");
        Files.writeString(script, """
                #!/bin/sh
                # runs inside the client namespace: only its own interface is touched
                case "$reason" in
                  BOUND|RENEW|REBIND|REBOOT) ip addr flush dev "$interface"
                                             ip addr add "$new_ip_address/$new_subnet_mask" dev "$interface" ;;
                  RELEASE|EXPIRE|STOP) ip addr flush dev "$interface" ;;
                esac
                exit 0
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path leaseFile = dir.resolve("dhclient.leases");
        Path pidFile = dir.resolve("dhclient.pid");
        try (NetnsPair net = NetnsPair.create(false);
                Kea4jProcess server = startServer(net, config(net, 8, 3, 6))) {
            Path clientOut = dir.resolve("dhclient.out");
            net.start(net.client(), clientOut, Map.of(), dhclient.toString(), "-4", "-d", "-v", "-lf",
                    leaseFile.toString(), "-pf", pidFile.toString(), "-sf", script.toString(), net.clientInterface());
            assertTrue(Poll.until(30_000, () -> leases().size() == 1), "dhclient got a lease: " + Files.readString(clientOut)
                    + server.output());
            JsonNode lease = leases().get(0);
            String address = lease.get("ip-address").textValue();
            assertTrue(address.startsWith("192.0.2."), address);
            assertEquals(1, lease.get("subnet-id").intValue());
            long firstCltt = lease.get("cltt").longValue();
            assertTrue(Poll.until(20_000, () -> net.run(net.client(), 10, "ip", "-4", "addr", "show", "dev",
                    net.clientInterface()).output().contains(address + "/24")), "the script configured " + address);
            assertTrue(Files.readString(leaseFile).contains("fixed-address " + address + ";"));

            // T1 = 3 s: dhclient renews by unicast to the server, which answers unicast
            assertTrue(Poll.until(20_000, () -> leases().get(0).get("cltt").longValue() > firstCltt),
                    "renewed: " + Files.readString(clientOut));
            assertEquals(address, leases().get(0).get("ip-address").textValue(), "same address after renewal");
            assertTrue(Files.readString(clientOut).contains("DHCPACK of " + address + " from 192.0.2.1"),
                    Files.readString(clientOut));

            NetnsPair.Result release = net.run(net.client(), 30, dhclient.toString(), "-4", "-r", "-v", "-lf",
                    leaseFile.toString(), "-pf", pidFile.toString(), "-sf", script.toString(), net.clientInterface());
            assertEquals(0, release.exitCode(), release.output());
            assertTrue(Poll.until(10_000, () -> leases().isEmpty()), "released: " + server.output());
            assertTrue(release.output().contains("DHCPRELEASE of " + address), release.output());
        }
    }

    /** perfdhcp sends from 192.0.2.2 with giaddr 192.0.2.2, which subnet 2 names as its relay. */
    @Test
    void aRelayedClientGetsAnAddressFromTheRelaysSubnet() throws Exception {
        try (NetnsPair net = NetnsPair.create(true);
                Kea4jProcess server = startServer(net, config(net, 4000, 1000, 2000))) {
            NetnsPair.Result perf = net.run(net.client(), 60, External.program("perfdhcp").toString(), "-4", "-l",
                    net.clientInterface(), "-r", "10", "-n", "5", "-R", "5");
            assertTrue(perf.exitCode() == 0 || perf.exitCode() == 3, perf.output());
            JsonNode leases = leases();
            assertTrue(leases.size() >= 1, server.output());
            for (JsonNode l : leases) {
                assertTrue(l.get("ip-address").textValue().startsWith("10.20."), l.toString());
                assertEquals(2, l.get("subnet-id").intValue());
            }
        }
    }

    /**
     * 10 s of four-way exchanges at 500 per second through the relay, a rate any machine running the suite
     * gives: every exchange is answered and every granted lease is on disk. The figures are printed.
     */
    @Test
    void perfdhcpExchangesAreAllAnsweredAndStored() throws Exception {
        try (NetnsPair net = NetnsPair.create(true);
                Kea4jProcess server = startServer(net, config(net, 4000, 1000, 2000))) {
            NetnsPair.Result perf = net.run(net.client(), 120, External.program("perfdhcp").toString(), "-4", "-l",
                    net.clientInterface(), "-r", "500", "-p", "10", "-R", "16000000", "-d", "5", "-W", "5000000");
            Map<String, long[]> stats = Perfdhcp.stats(perf.output(), "DISCOVER-OFFER", "REQUEST-ACK");
            long discovers = stats.get("DISCOVER-OFFER")[0];
            long requests = stats.get("REQUEST-ACK")[0];
            long acks = stats.get("REQUEST-ACK")[1];
            System.out.println("perfdhcp -4 at 500/s for 10 s: " + discovers + " DISCOVERs, " + stats.get("DISCOVER-OFFER")[1]
                    + " OFFERs, " + requests + " REQUESTs, " + acks + " ACKs\n" + perf.output());
            assertEquals(0, perf.exitCode(), perf.output());
            assertTrue(discovers >= 4_000, "perfdhcp ran its 10 s: " + perf.output());
            assertEquals(discovers, stats.get("DISCOVER-OFFER")[1], "every DISCOVER answered: " + perf.output());
            assertEquals(requests, acks, "every REQUEST answered: " + perf.output());

            JsonNode leases = leases();
            Set<String> inMemory = new HashSet<>();
            leases.forEach(l -> inMemory.add(l.get("ip-address").textValue()));
            Set<String> onDisk = new HashSet<>();
            for (String line : Files.readAllLines(dir.resolve("leases4.csv"))) {
                if (!line.startsWith("address,")) {
                    onDisk.add(line.substring(0, line.indexOf(',')));
                }
            }
            assertEquals(inMemory, onDisk, "every granted lease is in the lease file");
            assertTrue(inMemory.size() >= acks * 0.99, inMemory.size() + " leases for " + acks
                    + " ACKs (a few random client ids repeat)");
        }
    }

}
