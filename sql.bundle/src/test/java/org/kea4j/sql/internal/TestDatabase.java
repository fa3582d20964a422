package org.kea4j.sql.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * A database of its own for a test, on the machine's PostgreSQL (127.0.0.1:5432, trust) or MariaDB
 * (127.0.0.1:3306, root without password), created empty and dropped afterwards. When the server is not
 * running the test is skipped, or fails under {@code KEA4J_REQUIRE_EXTERNAL=1} (as {@code .ci/run} sets).
 */
public final class TestDatabase implements AutoCloseable {

    private final SqlEngine engine;
    private final String name;

    private TestDatabase(SqlEngine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    /** Creates an empty database with a fresh name. */
    public static TestDatabase create(SqlEngine engine) {
        String name = "kea4j_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            admin(engine, "CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = engine.displayName() + " is not reachable on 127.0.0.1 (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("KEA4J_REQUIRE_EXTERNAL"))) {
                Assertions.fail(why + "; .ci/run starts it");
            }
            Assumptions.abort(why);
        }
        return new TestDatabase(engine, name);
    }

    /** Access parameters of a database on the local server (the admin account). */
    public static DbAccess access(SqlEngine engine, String name) {
        Map<String, String> params = new HashMap<>();
        params.put("name", name);
        params.put("host", "127.0.0.1");
        params.put("user", engine == SqlEngine.POSTGRESQL ? "postgres" : "root");
        params.put("connect-timeout", "5");
        return new DbAccess(engine.type(), params);
    }

    public DbAccess access() {
        return access(engine, name);
    }

    public String name() {
        return name;
    }

    public SqlEngine engine() {
        return engine;
    }

    /** Runs statements on this database. */
    public void execute(String... statements) throws SQLException {
        try (SqlDatabase db = SqlDatabase.connect(engine, access(), "kea4j-test");
             Connection c = db.connection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The rows of a query, each as its columns joined with {@code |}. */
    public List<String> rows(String query) throws SQLException {
        return rows(engine, access(), query);
    }

    /** The rows of a query on any database, each as its columns joined with {@code |}. */
    static List<String> rows(SqlEngine engine, DbAccess access, String query) throws SQLException {
        try (SqlDatabase db = SqlDatabase.connect(engine, access, "kea4j-test");
             Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
            return rows;
        }
    }

    private static void admin(SqlEngine engine, String statement) throws SQLException {
        String adminDb = engine == SqlEngine.POSTGRESQL ? "postgres" : "mysql";
        try (SqlDatabase db = SqlDatabase.connect(engine, access(engine, adminDb), "kea4j-test-admin");
             Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        admin(engine, engine == SqlEngine.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name);
    }
}
