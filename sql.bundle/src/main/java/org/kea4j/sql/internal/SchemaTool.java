package org.kea4j.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * Creates and checks kea4j's schema (Kea 2.2's lease and host tables) in an empty database, as
 * {@code kea-admin db-init} / {@code db-version} / {@code db-upgrade} do.
 */
public final class SchemaTool {

    private SchemaTool() {
    }

    /** The statements of an engine's schema script. */
    static List<String> statements(SqlEngine engine) throws IOException {
        String script;
        try (InputStream in = SchemaTool.class.getResourceAsStream(engine.schemaResource())) {
            if (in == null) {
                throw new IOException("schema script " + engine.schemaResource() + " missing from the bundle");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().equals("--;")) {
                add(statements, current);
            } else if (!line.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder sb) {
        String statement = sb.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        sb.setLength(0);
    }

    /**
     * Creates the schema in an empty database (PostgreSQL: in one transaction).
     *
     * @return the schema version now in the database
     * @throws SQLException when the database holds tables already, or a statement fails
     */
    public static String init(SqlEngine engine, DbAccess access) throws SQLException, IOException {
        List<String> statements = statements(engine);
        try (SqlDatabase db = SqlDatabase.connect(engine, access, "kea4j-db-init");
             Connection c = db.connection()) {
            List<String> tables = tables(c);
            if (!tables.isEmpty()) {
                throw new SQLException("database " + SqlDatabase.describe(engine, access) + " is not empty ("
                        + tables.size() + " tables, such as " + tables.get(0) + "): db-init needs an empty database");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return db.schemaVersion();
        }
    }

    /** The schema version in the database. */
    public static String version(SqlEngine engine, DbAccess access) throws SQLException {
        try (SqlDatabase db = SqlDatabase.connect(engine, access, "kea4j-db-version")) {
            return db.schemaVersion();
        }
    }

    /**
     * Brings the schema to the version kea4j uses. Only a database already at that version is accepted;
     * older Kea schemas are upgraded with Kea's own {@code kea-admin db-upgrade}.
     */
    public static String upgrade(SqlEngine engine, DbAccess access) throws SQLException {
        String found = version(engine, access);
        if (!found.equals(engine.schemaVersion())) {
            throw new SQLException("schema version " + found + " found; kea4j uses " + engine.schemaVersion()
                    + " and does not upgrade other versions: run 'kea-admin db-upgrade " + engine.adminName()
                    + "' (Kea 2.2) first");
        }
        return found;
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        String catalog = c.getCatalog();
        String schema = meta.getDatabaseProductName().toLowerCase().contains("postgres") ? "public" : null;
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
