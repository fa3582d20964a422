package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.Perfdhcp;

/**
 * A DHCPv4 shared network of two subnets on one link, served by kea4j.jar in network namespaces the test
 * creates: the first subnet has five addresses; perfdhcp's clients (a relay on the link) take them and land in
 * the second subnet, and so does a real dhclient after them.
 */
class SharedNetworkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode leases() throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"lease4-get-all\"}"))
                .path("arguments").path("leases");
    }

    @Test
    void clientsLandInTheSecondSubnetWhenTheFirstIsFull() throws Exception {
        Path dhclient = External.program("dhclient");
        Path perfdhcp = External.program("perfdhcp");
        Path config = dir.resolve("kea4j.json");
        try (NetnsPair net = NetnsPair.create(true)) {
            Files.writeString(config, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "valid-lifetime": 4000,
                        "shared-networks": [ {
                          "name": "floor-1", "interface": "%s",
                          "option-data": [ { "name": "domain-name", "data": "floor1.example.org" } ],
                          "subnet4": [
                            { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.14" } ] },
                            { "id": 2, "subnet": "10.88.0.0/24", "pools": [ { "pool": "10.88.0.10 - 10.88.0.250" } ],
                              "option-data": [ { "name": "routers", "data": "10.88.0.1" } ] } ] } ] } }
                    """.formatted(net.serverInterface(), net.serverInterface()));
            try (Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(),
                    "--control-socket", dir.resolve("ctrl.sock").toString())) {
                assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 60_000), server.output());

                NetnsPair.Result perf = net.run(net.client(), 120, perfdhcp.toString(), "-4", "-l",
                        net.clientInterface(), "-r", "20", "-R", "40", "-n", "40", "-d", "5", "-W", "5000000");
                Map<String, long[]> stats = Perfdhcp.stats(perf.output(), "DISCOVER-OFFER", "REQUEST-ACK");
                System.out.println("perfdhcp through the shared network: " + perf.output());
                assertEquals(stats.get("REQUEST-ACK")[0], stats.get("REQUEST-ACK")[1], "every REQUEST acknowledged: "
                        + perf.output());
                long acks = stats.get("REQUEST-ACK")[1];
                assertTrue(acks >= 30, perf.output());
                int[] perSubnet = new int[3];
                for (JsonNode lease : leases()) {
                    perSubnet[lease.get("subnet-id").intValue()]++;
                }
                assertEquals(5, perSubnet[1], "the first subnet is full");
                assertEquals(acks - 5, perSubnet[2], "every other client landed in the second subnet");

                Path script = dir.resolve("dhclient-script.sh");
                Files.writeString(script, "#!/bin/sh\n# the test reads the lease file; no address is configured\nexit 0\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path leaseFile = dir.resolve("dhclient.leases");
                Path pid = dir.resolve("dhclient.pid");
                NetnsPair.Result client = net.run(net.client(), 90, dhclient.toString(), "-4", "-1", "-v", "-lf",
                        leaseFile.toString(), "-pf", pid.toString(), "-sf", script.toString(), net.clientInterface());
                External.stopByPidFile(pid);
                String leased = Files.readString(leaseFile);
                Matcher address = Pattern.compile("fixed-address ([0-9.]+);").matcher(leased);
                assertTrue(client.exitCode() == 0 && address.find(), client.output() + server.output());
                assertTrue(address.group(1).startsWith("10.88.0."), "dhclient landed in the second subnet: " + leased);
                assertTrue(leased.contains("option routers 10.88.0.1;"), "the second subnet's routers: " + leased);
                assertTrue(leased.contains("option domain-name \"floor1.example.org\";"), "the network's option: "
                        + leased);
                assertTrue(leased.contains("option subnet-mask 255.255.255.0;"), leased);
            }
        }
    }
}
