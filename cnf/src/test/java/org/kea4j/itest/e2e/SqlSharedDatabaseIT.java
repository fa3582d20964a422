package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;
import org.kea4j.itest.net.Perfdhcp;
import org.kea4j.itest.net.TcpRelay;
import org.kea4j.sql.internal.SchemaTool;
import org.kea4j.sql.internal.SqlEngine;
import org.kea4j.sql.internal.TestDatabase;

/**
 * Several servers, one database: two kea4j.jar processes, each in a network namespace of its own with its own
 * clients, share one PostgreSQL (or MariaDB) database and one pool smaller than the clients. perfdhcp drives both
 * for 20 s while kea4j's own client records every ACK it gets; afterwards the database holds each address once,
 * each client once, and a row for every ACK. The servers reach the machine's database through a veth pair to the
 * host and a TCP relay of the test's own (the database listens on 127.0.0.1 only).
 */
class SqlSharedDatabaseIT {

    private static final int POOL = 200;
    private static final Pattern ACK = Pattern.compile("^([0-9a-f:]{17}): DHCPACK (\\S+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void twoServersNeverLeaseOneAddressTwice(SqlEngine engine) throws Exception {
        String perfdhcp = External.program("perfdhcp").toString();
        int n = ThreadLocalRandom.current().nextInt(10, 240);
        try (TestDatabase db = TestDatabase.create(engine); NetnsPair a = NetnsPair.create(true);
             NetnsPair b = NetnsPair.create(true)) {
            SchemaTool.init(engine, db.access());
            String hostA = a.linkServerToHost(n);
            String hostB = b.linkServerToHost(n + 1);
            int dbPort = engine == SqlEngine.POSTGRESQL ? 5432 : 3306;
            try (TcpRelay relayA = new TcpRelay(hostA, dbPort); TcpRelay relayB = new TcpRelay(hostB, dbPort);
                 Kea4jProcess serverA = start(a, "a", db, hostA, relayA.port());
                 Kea4jProcess serverB = start(b, "b", db, hostB, relayB.port())) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    // first kea4j's client in both namespaces at once, recording every ACK (it relays from port 67,
                    // which perfdhcp takes); then perfdhcp in both for 20 s, until the pool is gone
                    Future<NetnsPair.Result> exactA = pool.submit(() -> client(a));
                    Future<NetnsPair.Result> exactB = pool.submit(() -> client(b));
                    Map<String, String> acked = new HashMap<>(); // client -> address, from kea4j's client
                    StringBuilder exactOutput = new StringBuilder();
                    for (Future<NetnsPair.Result> exact : List.of(exactA, exactB)) {
                        Matcher m = ACK.matcher(exact.get().output());
                        exactOutput.append(exact.get().output());
                        while (m.find()) {
                            acked.put(m.group(1), m.group(2));
                        }
                    }
                    // both servers may offer one free address; the REQUEST that loses the insert to the other server
                    // is NAKed (RFC 2131: the client asked for that address) and the client starts again
                    long naks = exactOutput.toString().lines().filter(l -> l.contains(": DHCPNAK from")).count();
                    assertEquals(60, acked.size() + naks, "each of kea4j's clients got an ACK or a NAK: " + exactOutput);
                    assertTrue(acked.size() >= 10, "kea4j's clients got leases: " + exactOutput);
                    Future<NetnsPair.Result> loadA = pool.submit(() -> a.run(a.client(), 90, perfdhcp, "-4", "-l",
                            a.clientInterface(), "-r", "10", "-R", "100000", "-p", "20", "-b", "mac=00:0a:00:00:00:00"));
                    Future<NetnsPair.Result> loadB = pool.submit(() -> b.run(b.client(), 90, perfdhcp, "-4", "-l",
                            b.clientInterface(), "-r", "10", "-R", "100000", "-p", "20", "-b", "mac=00:0b:00:00:00:00"));
                    String outA = loadA.get().output();
                    String outB = loadB.get().output();
                    long acksA = Perfdhcp.stats(outA, "REQUEST-ACK").get("REQUEST-ACK")[1];
                    long acksB = Perfdhcp.stats(outB, "REQUEST-ACK").get("REQUEST-ACK")[1];
                    // on a busy machine 20 s of perfdhcp may leave addresses free: kea4j's client in both
                    // namespaces takes the rest (bounded), so that the pool ends up exhausted whatever the speed
                    long deadline = System.currentTimeMillis() + 180_000;
                    while (count(db) < POOL && System.currentTimeMillis() < deadline) {
                        for (Future<NetnsPair.Result> more : List.of(pool.submit(() -> client(a)),
                                pool.submit(() -> client(b)))) {
                            Matcher m = ACK.matcher(more.get().output());
                            while (m.find()) {
                                acked.put(m.group(1), m.group(2));
                            }
                        }
                    }
                    check(engine, db, acked, acksA + acksB, serverA, serverB);
                    System.out.printf("%s: %d of kea4j's clients NAKed after the other server took their offer%n",
                            engine.displayName(), naks);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    private static long count(TestDatabase db) throws Exception {
        return Long.parseLong(db.rows("SELECT COUNT(*) FROM lease4").get(0));
    }

    private NetnsPair.Result client(NetnsPair net) throws Exception {
        return net.run(net.client(), 120, "java", "-jar", Kea4jProcess.jar().toString(), "client", "-4", "--server",
                NetnsPair.SERVER_V4 + ":67", "--relay", NetnsPair.CLIENT_V4, "--port", "67", "--count", "30", "--timeout", "1000");
    }

    private Kea4jProcess start(NetnsPair net, String name, TestDatabase db, String host, int port) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        Path config = work.resolve("kea4j.json");
        Files.writeString(config, """
                { "Dhcp4": {
                    "interfaces-config": { "interfaces": [ "%s" ] },
                    "lease-database": { "type": "%s", "name": "%s", "host": "%s", "port": %d, "user": "%s" },
                    "valid-lifetime": 3600,
                    "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.209" } ] } ]
                } }""".formatted(net.serverInterface(), db.engine().type(), db.name(), host, port,
                db.engine() == SqlEngine.POSTGRESQL ? "postgres" : "root"));
        Path socket = work.resolve("ctrl.sock");
        Kea4jProcess p = Kea4jProcess.startIn(net.server(), work, "-c", config.toString(), "--control-socket",
                socket.toString());
        assertTrue(p.awaitControl(socket, 90_000), p.output());
        return p;
    }

    private static void check(SqlEngine engine, TestDatabase db, Map<String, String> acked, long perfdhcpAcks,
            Kea4jProcess serverA, Kea4jProcess serverB) throws Exception {
        // perfdhcp's clients are random: one that came twice was acknowledged twice for one row
        String hex = engine == SqlEngine.POSTGRESQL ? "encode(hwaddr, 'hex')" : "LOWER(HEX(hwaddr))";
        List<String> rows = db.rows("SELECT address, " + hex + " FROM lease4");
        Map<String, String> byClient = new HashMap<>();
        Set<String> addresses = new HashSet<>();
        for (String row : rows) {
            String[] f = row.split("\\|");
            long a = Long.parseLong(f[0]);
            String address = org.kea4j.dhcpsrv.Addresses.fromLong(a).getHostAddress();
            assertTrue(addresses.add(address), "address " + address + " leased twice");
            String mac = f[1].replaceAll("(..)(?!$)", "$1:");
            assertEquals(null, byClient.put(mac, address), "client " + mac + " holds two leases");
        }
        assertEquals(POOL, rows.size(), "the pool, smaller than the clients, is fully leased\nA:\n"
                + serverA.output().lines().limit(30).toList() + "\nB:\n" + serverB.output().lines().limit(30).toList());
        List<String> missing = new ArrayList<>();
        acked.forEach((mac, address) -> {
            if (!address.equals(byClient.get(mac))) {
                missing.add(mac + " " + address + " stored as " + byClient.get(mac));
            }
        });
        assertEquals(List.of(), missing, "every ACK kea4j's client received has its row");
        // perfdhcp counts ACKs, not clients (a late ACK goes uncounted, a client that came twice counts twice), so
        // the exact per-ACK check is the one above, with kea4j's client; perfdhcp's load must have been stored too
        long perfdhcpRows = byClient.keySet().stream().filter(m -> m.startsWith("00:0a:") || m.startsWith("00:0b:")).count();
        assertTrue(perfdhcpAcks > 0 && perfdhcpRows > 0, "perfdhcp's clients were served and stored: " + perfdhcpAcks
                + " ACKs, " + perfdhcpRows + " rows");
        System.out.printf("%s shared by two servers: %d rows, %d perfdhcp ACKs, %d ACKs recorded by kea4j's client%n",
                engine.displayName(), rows.size(), perfdhcpAcks, acked.size());
    }
}
