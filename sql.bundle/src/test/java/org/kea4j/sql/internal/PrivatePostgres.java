package org.kea4j.sql.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * A PostgreSQL server of the test's own (Debian's PostgreSQL 15 binaries, run as the postgres user with trust
 * authentication), optionally inside a network namespace the test made, that the test may stop and start: an
 * outage without touching the machine's own database server. Stopped by the PID it wrote, never by name.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path root;
    private final Path data;
    private final String namespace;
    private final String listen;
    private final int port;
    private Process process;

    private PrivatePostgres(Path root, String namespace, String listen, int port) {
        this.root = root;
        this.data = root.resolve("data");
        this.namespace = namespace;
        this.listen = listen;
        this.port = port;
    }

    /**
     * Creates a cluster (initdb) and starts it.
     *
     * @param namespace the network namespace to run in, or null for the host
     * @param listen    the address it listens on (127.0.0.1 on the host)
     */
    public static PrivatePostgres start(String namespace, String listen) throws Exception {
        if (!Files.isExecutable(BIN.resolve("postgres")) || !"root".equals(System.getProperty("user.name"))) {
            String why = "a private PostgreSQL needs Debian's postgresql-15 and root (to run it as postgres)";
            if ("1".equals(System.getenv("KEA4J_REQUIRE_EXTERNAL"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        Path root = Files.createTempDirectory(Path.of("/tmp"), "kea4j-pg-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PrivatePostgres pg = new PrivatePostgres(root, namespace, listen, port);
        Files.createDirectories(pg.data);
        run("chown", "-R", "postgres:postgres", root.toString());
        run("runuser", "-u", "postgres", "--", BIN.resolve("initdb").toString(), "-D", pg.data.toString(), "-U",
                "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        Files.writeString(pg.data.resolve("pg_hba.conf"), "local all all trust\nhost all all 0.0.0.0/0 trust\n"
                + "host all all ::/0 trust\n");
        pg.start();
        return pg;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** Starts the server (again) and waits until it answers a query. */
    public void start() throws Exception {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of("runuser", "-u", "postgres", "--", BIN.resolve("postgres").toString(), "-D",
                data.toString(), "-p", Integer.toString(port), "-k", root.toString(), "-c", "listen_addresses=" + listen,
                "-c", "fsync=off", "-c", "max_connections=60"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("postgres.log").toFile()).start();
        if (namespace != null) {
            return; // the caller, in the namespace, checks readiness itself
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try (SqlDatabase db = SqlDatabase.connect(SqlEngine.POSTGRESQL, access("postgres"), "kea4j-test-ready");
                 Connection c = db.connection()) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the private PostgreSQL did not start:\n" + log());
    }

    /** Stops the server (fast shutdown: its clients lose their connections), by the PID it wrote. */
    public void stop() throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(h -> {
                run0("kill", "-INT", Long.toString(pid));
                h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
        if (process != null) {
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    private static void run0(String... command) {
        try {
            run(command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Access parameters of a database on this server. */
    public DbAccess access(String name) {
        Map<String, String> params = new HashMap<>();
        params.put("name", name);
        params.put("host", listen);
        params.put("port", Integer.toString(port));
        params.put("user", "postgres");
        params.put("connect-timeout", "2");
        return new DbAccess("postgresql", params);
    }

    /** Creates an empty database with kea4j's schema. */
    public DbAccess createKeaDatabase(String name) throws Exception {
        try (SqlDatabase db = SqlDatabase.connect(SqlEngine.POSTGRESQL, access("postgres"), "kea4j-test-admin");
             Connection c = db.connection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        SchemaTool.init(SqlEngine.POSTGRESQL, access(name));
        return access(name);
    }

    /** The rows of a query on a database of this server, each as its columns joined with {@code |}. */
    public List<String> rows(String name, String query) throws SQLException {
        return TestDatabase.rows(SqlEngine.POSTGRESQL, access(name), query);
    }

    public String log() throws IOException {
        Path log = root.resolve("postgres.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
