package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.Bind9;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;

/**
 * Real dhclients sending their FQDN, in a network namespace, get addresses from one kea4j.jar (Dhcp4 or Dhcp6
 * with DhcpDdns in one file) and names in a real BIND 9 running beside the server in its namespace; releasing
 * the lease removes the names.
 */
class DdnsClientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVERSE_64 = "0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";

    @TempDir
    Path dir;

    private String d2(Bind9 bind, int d2Port) {
        String servers = "[ { \"ip-address\": \"127.0.0.1\", \"port\": " + bind.port() + " } ]";
        return """
                "DhcpDdns": {
                    "ip-address": "127.0.0.1", "port": %d,
                    "tsig-keys": [ { "name": "%s", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                    "forward-ddns": { "ddns-domains": [ { "name": "example.com.", "key-name": "%s", "dns-servers": %s } ] },
                    "reverse-ddns": { "ddns-domains": [
                        { "name": "2.0.192.in-addr.arpa.", "key-name": "%s", "dns-servers": %s },
                        { "name": "20.10.in-addr.arpa.", "key-name": "%s", "dns-servers": %s },
                        { "name": "%s", "key-name": "%s", "dns-servers": %s } ] } }
                """.formatted(d2Port, Bind9.KEY_NAME, Bind9.KEY_SECRET, Bind9.KEY_NAME, servers, Bind9.KEY_NAME, servers,
                Bind9.KEY_NAME, servers, REVERSE_64, Bind9.KEY_NAME, servers);
    }

    private Kea4jProcess start(NetnsPair net, String config) throws Exception {
        Path file = dir.resolve("kea4j.json");
        Files.writeString(file, config);
        Path socket = dir.resolve("ctrl.sock");
        Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", file.toString(), "--control-socket",
                socket.toString());
        assertTrue(server.awaitControl(socket, 60_000), server.output());
        return server;
    }

    private JsonNode leases(String command) throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"" + command + "\"}"))
                .path("arguments").path("leases");
    }

    private Path script() throws Exception {
        Path script = dir.resolve("dhclient-script.sh");
        Files.writeString(script, """
                #!/bin/sh
                # runs inside the client namespace: only its own interface is touched
                case "$reason" in
                  BOUND|RENEW|REBIND|REBOOT) ip addr flush dev "$interface" scope global
                                             ip addr add "$new_ip_address/$new_subnet_mask" dev "$interface" ;;
                  BOUND6|RENEW6|REBIND6) [ -n "$new_ip6_address" ] && ip -6 addr add "$new_ip6_address/128" dev "$interface" ;;
                esac
                exit 0
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static void awaitRecords(Bind9 bind, Kea4jProcess server, String name, String type, List<String> expected)
            throws Exception {
        Poll.until(20_000, () -> bind.dig(name, type).equals(expected));
        assertEquals(expected, bind.dig(name, type), name + " " + type + "\n" + server.output());
    }

    @Test
    void dhclient4GetsItsNamesAndReleasesThem() throws Exception {
        Path dhclient = External.program("dhclient");
        try (NetnsPair net = NetnsPair.create(false)) {
            Bind9 bind = Bind9.start(Files.createDirectories(dir.resolve("bind")), net.server());
            try (bind; Kea4jProcess server = start(net, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "valid-lifetime": 3600,
                        "dhcp-ddns": { "enable-updates": true, "server-port": 53001 },
                        "ddns-qualifying-suffix": "example.com",
                        "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.50" } ] } ] },
                      %s }
                    """.formatted(net.serverInterface(), d2(bind, 53001)))) {
                Path conf = dir.resolve("dhclient4.conf");
                Files.writeString(conf, """
                        send fqdn.fqdn "dhclient4.example.com.";
                        send fqdn.encoded on;
                        send fqdn.server-update on;
                        """);
                Path leaseFile = dir.resolve("dhclient4.leases");
                Path pidFile = dir.resolve("dhclient4.pid");
                Path out = dir.resolve("dhclient4.out");
                net.start(net.client(), out, Map.of(), dhclient.toString(), "-4", "-d", "-v", "-cf", conf.toString(),
                        "-lf", leaseFile.toString(), "-pf", pidFile.toString(), "-sf", script().toString(),
                        net.clientInterface());
                assertTrue(Poll.until(30_000, () -> leases("lease4-get-all").size() == 1),
                        "dhclient got a lease: " + Files.readString(out) + server.output());
                JsonNode lease = leases("lease4-get-all").get(0);
                String address = lease.get("ip-address").textValue();
                assertEquals("dhclient4.example.com.", lease.get("hostname").textValue());
                awaitRecords(bind, server, "dhclient4.example.com", "A", List.of(address));
                awaitRecords(bind, server, address.split("\\.")[3] + ".2.0.192.in-addr.arpa", "PTR",
                        List.of("dhclient4.example.com."));
                assertEquals(1, bind.dig("dhclient4.example.com", "DHCID").size());

                NetnsPair.Result release = net.run(net.client(), 30, dhclient.toString(), "-4", "-r", "-v", "-cf",
                        conf.toString(), "-lf", leaseFile.toString(), "-pf", pidFile.toString(), "-sf",
                        script().toString(), net.clientInterface());
                assertEquals(0, release.exitCode(), release.output());
                awaitRecords(bind, server, "dhclient4.example.com", "A", List.of());
                awaitRecords(bind, server, address.split("\\.")[3] + ".2.0.192.in-addr.arpa", "PTR", List.of());
            }
        }
    }

    @Test
    void dhclient6GetsItsNamesAndReleasesThem() throws Exception {
        Path dhclient = External.program("dhclient");
        try (NetnsPair net = NetnsPair.create(false)) {
            Bind9 bind = Bind9.start(Files.createDirectories(dir.resolve("bind")), net.server());
            try (bind; Kea4jProcess server = start(net, """
                    { "Dhcp6": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "preferred-lifetime": 3000, "valid-lifetime": 3600,
                        "dhcp-ddns": { "enable-updates": true, "server-port": 53001 },
                        "ddns-qualifying-suffix": "example.com",
                        "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%s",
                                       "pools": [ { "pool": "2001:db8:1::1000 - 2001:db8:1::ffff" } ] } ] },
                      %s }
                    """.formatted(net.serverInterface(), net.serverInterface(), d2(bind, 53001)))) {
                Path conf = dir.resolve("dhclient6.conf");
                Files.writeString(conf, """
                        send fqdn.fqdn "dhclient6.example.com.";
                        send fqdn.server-update on;
                        """);
                Path leaseFile = dir.resolve("dhclient6.leases");
                Path pidFile = dir.resolve("dhclient6.pid");
                Path out = dir.resolve("dhclient6.out");
                net.start(net.client(), out, Map.of(), dhclient.toString(), "-6", "-d", "-v", "-cf", conf.toString(),
                        "-lf", leaseFile.toString(), "-pf", pidFile.toString(), "-sf", script().toString(),
                        net.clientInterface());
                assertTrue(Poll.until(30_000, () -> leases("lease6-get-all").size() == 1),
                        "dhclient -6 got a lease: " + Files.readString(out) + server.output());
                JsonNode lease = leases("lease6-get-all").get(0);
                String address = lease.get("ip-address").textValue();
                assertEquals("dhclient6.example.com.", lease.get("hostname").textValue());
                awaitRecords(bind, server, "dhclient6.example.com", "AAAA", List.of(address));
                String reverse = org.xbill.DNS.ReverseMap.fromAddress(address).toString();
                awaitRecords(bind, server, reverse, "PTR", List.of("dhclient6.example.com."));

                NetnsPair.Result release = net.run(net.client(), 30, dhclient.toString(), "-6", "-r", "-v", "-cf",
                        conf.toString(), "-lf", leaseFile.toString(), "-pf", pidFile.toString(), "-sf",
                        script().toString(), net.clientInterface());
                assertEquals(0, release.exitCode(), release.output());
                awaitRecords(bind, server, "dhclient6.example.com", "AAAA", List.of());
                awaitRecords(bind, server, reverse, "PTR", List.of());
            }
        }
    }

    /**
     * perfdhcp, as a relay, at 500 exchanges per second for 20 s, every client sending an FQDN option without a
     * name: each gets a generated name, and every name reaches BIND (the zones are counted by transfer). The
     * figures are printed.
     */
    @Test
    void perfdhcpWithFqdnAt500PerSecondPutsEveryNameInBind() throws Exception {
        try (NetnsPair net = NetnsPair.create(true)) {
            Bind9 bind = Bind9.start(Files.createDirectories(dir.resolve("bind")), net.server());
            try (bind; Kea4jProcess server = start(net, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "valid-lifetime": 4000,
                        "dhcp-ddns": { "enable-updates": true, "server-port": 53001 },
                        "ddns-qualifying-suffix": "example.com",
                        "subnet4": [ { "id": 2, "subnet": "10.20.0.0/16", "relay": { "ip-address": "192.0.2.2" },
                                       "pools": [ { "pool": "10.20.0.10 - 10.20.255.250" } ] } ] },
                      %s }
                    """.formatted(net.serverInterface(), d2(bind, 53001)))) {
                NetnsPair.Result perf = net.run(net.client(), 120, External.program("perfdhcp").toString(), "-4",
                        "-l", net.clientInterface(), "-r", "500", "-p", "20", "-R", "16000000", "-o", "81,050000",
                        "-d", "5", "-W", "5000000");
                long end = System.nanoTime();
                java.util.Map<String, long[]> stats = org.kea4j.itest.net.Perfdhcp.stats(perf.output(),
                        "DISCOVER-OFFER", "REQUEST-ACK");
                long acks = stats.get("REQUEST-ACK")[1];
                int leases = leases("lease4-get-all").size();
                assertTrue(acks >= 8_000, "perfdhcp ran its 20 s: " + perf.output());
                boolean all = Poll.until(180_000, () -> bind.transfer("example.com", "A").size() >= leases + 1
                        && bind.transfer("20.10.in-addr.arpa", "PTR").size() >= leases);
                double catchUp = (System.nanoTime() - end) / 1e9;
                int a = bind.transfer("example.com", "A").size() - 1; // ns1's address
                int ptr = bind.transfer("20.10.in-addr.arpa", "PTR").size();
                JsonNode d2 = JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"),
                        "{\"command\": \"statistic-get-all\"}")).path("arguments");
                long queueFull = d2.path("queue-mgr-queue-full").path(0).path(0).asLong();
                System.out.printf("perfdhcp -4 at 500/s for 20 s with FQDN: %d ACKs, %d leases; BIND holds %d A and %d PTR"
                        + " records %.1f s after perfdhcp ended; D2: %d NCRs received, %d updates sent, %d answered,"
                        + " %d timed out, %d queue-full drops%n", acks, leases, a, ptr, catchUp,
                        d2.path("ncr-received").path(0).path(0).asLong(), d2.path("update-sent").path(0).path(0).asLong(),
                        d2.path("update-success").path(0).path(0).asLong(),
                        d2.path("update-timeout").path(0).path(0).asLong(), queueFull);
                assertTrue(all, "every name reached BIND: " + a + " A, " + ptr + " PTR for " + leases + " leases");
                assertEquals(leases, a);
                assertEquals(leases, ptr);
                assertEquals(0, queueFull, "no request was dropped by a full queue");
                assertTrue(!server.output().contains("DHCPSRV_DHCP_DDNS_NCR_REJECTED"), "the server's sender refused none");
            }
        }
    }
}
