package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.itest.ControlClient;
import org.kea4j.itest.Poll;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;

/**
 * Kea's classification and reservation modes with real clients in namespaces: a class from option 60 with
 * {@code substring} and {@code ifelse} chooses the pool, the class that pool requires adds its option (seen by
 * dhclient), a global reservation and an out-of-pool subnet reservation give perfdhcp clients their addresses;
 * and dhclient -6 sees RFC 6603's excluded prefix in its delegated prefix.
 */
class ClassesAndReservationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "Aastra6731i";

    @TempDir
    Path dir;

    private JsonNode leases(String family) throws Exception {
        return JSON.readTree(ControlClient.send(dir.resolve("ctrl.sock"), "{\"command\": \"lease" + family
                + "-get-all\"}")).path("arguments").path("leases");
    }

    private static int lastOctet(JsonNode lease) {
        String a = lease.get("ip-address").textValue();
        return Integer.parseInt(a.substring(a.lastIndexOf('.') + 1));
    }

    private NetnsPair.Result perfdhcp(NetnsPair net, String... more) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                External.program("perfdhcp").toString(), "-4", "-l", net.clientInterface(), "-r", "10", "-n", "10"));
        args.addAll(java.util.List.of(more));
        NetnsPair.Result r = net.run(net.client(), 60, args.toArray(String[]::new));
        assertTrue(r.exitCode() == 0 || r.exitCode() == 3, r.output());
        return r;
    }

    @Test
    void classesChoosePoolsAndReservationsGiveFixedAddresses() throws Exception {
        Path dhclient = External.program("dhclient");
        Path env = dir.resolve("dhclient.env");
        Path script = dir.resolve("dhclient-script.sh");
        Files.writeString(script, """
                #!/bin/sh
                # records what dhclient received; touches nothing
                case "$reason" in
                  BOUND) echo "address=$new_ip_address domain=$new_domain_name" >> %s ;;
                esac
                exit 0
                """.formatted(env));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = dir.resolve("dhclient.conf");
        Files.writeString(conf, "send vendor-class-identifier \"" + PHONE + "\";\n"
                + "request subnet-mask, routers, domain-name;\n");
        Path config = dir.resolve("kea4j.json");
        try (NetnsPair net = NetnsPair.create(true)) {
            Files.writeString(config, """
                    { "Dhcp4": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "valid-lifetime": 4000,
                        "client-classes": [
                          { "name": "phones", "test":
                            "ifelse(substring(option[60].hex, 0, 6) == 'Aastra', 'phone', 'other') == 'phone'" },
                          { "name": "others", "test": "not member('phones')" },
                          { "name": "voip", "only-if-required": true,
                            "option-data": [ { "name": "domain-name", "data": "voip.example.org" } ] } ],
                        "reservations-global": true, "reservations-in-subnet": true,
                        "reservations": [ { "hw-address": "00:0c:01:02:03:0a", "ip-address": "192.0.2.250" } ],
                        "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "interface": "%s",
                          "pools": [ { "pool": "192.0.2.10 - 192.0.2.99", "client-class": "phones",
                                       "require-client-classes": [ "voip" ] },
                                     { "pool": "192.0.2.100 - 192.0.2.199", "client-class": "others" } ],
                          "reservations": [ { "hw-address": "00:0c:01:02:03:0b", "ip-address": "192.0.2.240" } ]
                        } ] } }
                    """.formatted(net.serverInterface(), net.serverInterface()));
            try (Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(),
                    "--control-socket", dir.resolve("ctrl.sock").toString())) {
                assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 60_000), server.output());

                // perfdhcp phones: option 60 "Aastra6731i"; then plain clients
                String hex = HexFormat.of().formatHex(PHONE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                perfdhcp(net, "-R", "5", "-b", "mac=00:0c:01:00:00:00", "-o", "60," + hex);
                perfdhcp(net, "-R", "5", "-b", "mac=00:0c:02:00:00:00");
                // the reserved ones: one client each (perfdhcp's -R 1 uses the base address only)
                perfdhcp(net, "-b", "mac=00:0c:01:02:03:0a");
                perfdhcp(net, "-b", "mac=00:0c:01:02:03:0b");
                int phones = 0;
                int others = 0;
                for (JsonNode l : leases("4")) {
                    String mac = l.get("hw-address").textValue();
                    int octet = lastOctet(l);
                    switch (mac) {
                        case "00:0c:01:02:03:0a" -> assertEquals(250, octet, "global reservation: " + l);
                        case "00:0c:01:02:03:0b" -> assertEquals(240, octet, "out-of-pool reservation: " + l);
                        default -> {
                            if (mac.startsWith("00:0c:01:")) {
                                assertTrue(octet >= 10 && octet <= 99, "a phone in the phones' pool: " + l);
                                phones++;
                            } else {
                                assertTrue(octet >= 100 && octet <= 199, "others in the other pool: " + l);
                                others++;
                            }
                        }
                    }
                }
                assertTrue(phones >= 1 && others >= 1, leases("4").toString());
                assertTrue(leases("4").toString().contains("00:0c:01:02:03:0a")
                        && leases("4").toString().contains("00:0c:01:02:03:0b"), leases("4").toString());

                // dhclient as a phone: the phones' pool, and the domain name of the class the pool requires
                Path out = dir.resolve("dhclient.out");
                net.start(net.client(), out, Map.of(), dhclient.toString(), "-4", "-d", "-v", "-cf", conf.toString(),
                        "-lf", dir.resolve("dhclient.leases").toString(), "-pf", dir.resolve("dhclient.pid").toString(),
                        "-sf", script.toString(), net.clientInterface());
                assertTrue(Poll.until(30_000, () -> Files.exists(env) && Files.readString(env).contains("domain=")),
                        "dhclient bound: " + Files.readString(out) + server.output());
                String bound = Files.readString(env);
                assertTrue(bound.contains("domain=voip.example.org"), bound + Files.readString(out) + server.output());
                int octet = Integer.parseInt(bound.replaceAll("(?s).*address=\\d+\\.\\d+\\.\\d+\\.(\\d+) .*", "$1"));
                assertTrue(octet >= 10 && octet <= 99, bound);
                // dhclient (foreground, started through the pair) is stopped by the pair, by its handle
            }
        }
    }

    @Test
    void dhclientSixSeesTheExcludedPrefix() throws Exception {
        Path dhclient = External.program("dhclient");
        Path conf = dir.resolve("dhclient6.conf");
        Files.writeString(conf, "option dhcp6.pd-exclude code 67 = string;\nalso request dhcp6.pd-exclude;\n");
        Path leaseFile = dir.resolve("dhclient6.leases");
        Path config = dir.resolve("kea4j.json");
        try (NetnsPair net = NetnsPair.create(false)) {
            // each delegated /56 excludes its ...:41::/64: PD_EXCLUDE is 64 (0x40 '@') and 0x41 ('A')
            Files.writeString(config, """
                    { "Dhcp6": {
                        "interfaces-config": { "interfaces": [ "%s" ] },
                        "lease-database": { "type": "memfile", "persist": false },
                        "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102", "persist": false },
                        "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "%s",
                          "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                          "pd-pools": [ { "prefix": "2001:db8:8::", "prefix-len": 48, "delegated-len": 56,
                                          "excluded-prefix": "2001:db8:8:41::", "excluded-prefix-len": 64 } ]
                        } ] } }
                    """.formatted(net.serverInterface(), net.serverInterface()));
            try (Kea4jProcess server = Kea4jProcess.startIn(net.server(), dir, "-c", config.toString(),
                    "--control-socket", dir.resolve("ctrl.sock").toString())) {
                assertTrue(server.awaitControl(dir.resolve("ctrl.sock"), 60_000), server.output());
                NetnsPair.Result r = net.run(net.client(), 60, dhclient.toString(), "-6", "-P", "-1", "-v", "-cf",
                        conf.toString(), "-lf", leaseFile.toString(), "-pf", dir.resolve("dhclient6.pid").toString(),
                        "-sf", "/bin/true", net.clientInterface());
                External.stopByPidFile(dir.resolve("dhclient6.pid"));
                String lease = Files.readString(leaseFile);
                assertTrue(lease.contains("iaprefix 2001:db8:8:") && lease.contains("option dhcp6.pd-exclude \"@A\";"),
                        lease + r.output() + server.output());
                assertEquals(1, leases("6").size(), server.output());
            }
        }
    }
}
