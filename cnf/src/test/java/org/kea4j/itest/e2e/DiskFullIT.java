package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.net.External;

/**
 * A full disk: the lease file lives on a small tmpfs the test mounts (as root) and fills. kea4j says why it
 * cannot keep leases (DHCPSRV_ADDRESS4_ALLOC_ERROR / DHCPSRV_ADDRESS6_ALLOC_ERROR: No space left on device),
 * refuses rather than acknowledge what it cannot store (a DHCPNAK; a REPLY without leases), keeps serving,
 * grants again once space returns, and after a restart every lease it granted is there — the rows written after
 * the full disk were not glued to a partial one. For DHCPv4 and DHCPv6.
 */
class DiskFullIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {4, 6})
    void aFullDiskRefusesLeasesItCannotStoreAndRecovers(int family) throws Exception {
        External.requireRoot(); // mounts a small tmpfs
        Path disk = Files.createDirectories(dir.resolve("disk"));
        assertEquals(0, run("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", disk.toString()), "mount");
        try {
            Path socket = dir.resolve("ctrl.sock");
            Path config = dir.resolve("kea4j.json");
            int port = Kea4jProcess.freeUdpPort();
            Files.writeString(config, family == 4 ? """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "lo" ] },
                        "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
                        "subnet4": [ { "id": 1, "subnet": "127.0.0.0/8", "pools": [ { "pool": "127.3.0.0 - 127.3.255.255" } ] } ]
                    } }""".formatted(disk.resolve("leases4.csv")) : """
                    { "Dhcp6": {
                        "interfaces-config": { "interfaces": [ "lo" ] },
                        "lease-database": { "type": "memfile", "name": "%s", "lfc-interval": 0 },
                        "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                        "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "pools": [ { "pool": "2001:db8:1::/80" } ] } ]
                    } }""".formatted(disk.resolve("leases6.csv")));
            Map<String, String> acked = new HashMap<>();
            Kea4jProcess server = Kea4jProcess.start(dir, "-c", config.toString(), "-p", String.valueOf(port),
                    "--control-socket", socket.toString());
            try {
                assertTrue(server.awaitControl(socket, 60_000), server.output());
                // leave the lease file room for about 40 rows
                Path filler = disk.resolve("filler");
                long room = Files.getFileStore(disk).getUsableSpace() - 3_000;
                try (OutputStream out = Files.newOutputStream(filler)) {
                    out.write(new byte[(int) Math.max(0, room)]);
                }
                List<String> nakked = new ArrayList<>();
                clients(family, port, 150, acked, nakked);
                assertTrue(acked.size() >= 10 && !nakked.isEmpty(), acked.size() + " acknowledged, " + nakked.size()
                        + " refused: the disk was to fill up");
                assertTrue(server.output().contains("DHCPSRV_ADDRESS" + family + "_ALLOC_ERROR")
                        && server.output().contains("No space left on device"), "the server says why");

                Files.delete(filler); // space returns
                List<String> after = new ArrayList<>();
                int before = acked.size();
                clients(family, port, 40, acked, after);
                assertEquals(List.of(), after, "acknowledged again once there is space");
                assertEquals(before + 40, acked.size());
                assertEquals(0, JSON.readTree(ControlClient.send(socket, "{\"command\": \"shutdown\"}")).path("result")
                        .asInt());
                assertEquals(0, server.awaitExit(30));
            } finally {
                server.close();
            }

            try (Kea4jProcess again = Kea4jProcess.start(dir, "-c", config.toString(), "-p", String.valueOf(port),
                    "--control-socket", socket.toString())) {
                assertTrue(again.awaitControl(socket, 60_000), again.output());
                JsonNode leases = JSON.readTree(ControlClient.send(socket, "{\"command\": \"lease" + family
                        + "-get-all\"}")).path("arguments").path("leases");
                Map<String, String> stored = new HashMap<>();
                for (JsonNode l : leases) {
                    stored.put(l.path(family == 4 ? "hw-address" : "duid").asText(), l.path("ip-address").asText());
                }
                List<String> lost = new ArrayList<>();
                acked.forEach((mac, address) -> {
                    if (!address.equals(stored.get(mac))) {
                        lost.add(mac + " " + address + " (stored: " + stored.get(mac) + ")");
                    }
                });
                System.out.printf("disk full (DHCPv" + family + "): %d leases acknowledged around a full disk, %d after a restart, %d lost%n",
                        acked.size(), stored.size(), lost.size());
                assertEquals(List.of(), lost, "acknowledged leases lost: " + again.output());
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    /** Runs kea4j's own client for {@code count} clients; sorts the answers into granted and refused. */
    private void clients(int family, int port, int count, Map<String, String> acked, List<String> nakked)
            throws Exception {
        // its own folder: the server's output file stays the server's
        Kea4jProcess.Result result = Kea4jProcess.run(Files.createDirectories(dir.resolve("client")), 120, "client",
                "-" + family, "--server", (family == 4 ? "127.0.0.1:" : "[::1]:") + port, "--count",
                String.valueOf(count), "--timeout", "1000");
        for (String line : result.output().split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String who = words[0].endsWith(":") ? words[0].substring(0, words[0].length() - 1) : words[0];
            if (family == 4 && words.length >= 3 && words[1].equals("DHCPACK")) {
                acked.put(who, words[2]);
            } else if (family == 4 && words[1].equals("DHCPNAK")) {
                nakked.add(who);
            } else if (family == 6 && words.length >= 3 && words[1].equals("REPLY") && words[2].startsWith("address=")) {
                acked.put(who, words[2].substring("address=".length()));
            } else if (family == 6 && line.contains("REPLY without leases")) {
                nakked.add(who);
            }
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
