package org.kea4j.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/** A connection pool to one database of one engine (HikariCP over the vendor's DataSource). */
final class SqlDatabase implements AutoCloseable {

    /** Connections kept when {@code pool-size} (a kea4j key) is not given. */
    static final int DEFAULT_POOL_SIZE = 4;

    private final SqlEngine engine;
    private final DbAccess access;
    private final HikariDataSource pool;

    private SqlDatabase(SqlEngine engine, DbAccess access, HikariDataSource pool) {
        this.engine = engine;
        this.access = access;
        this.pool = pool;
    }

    /**
     * Connects (one attempt; the pool fills in the background).
     *
     * @throws SQLException when the database cannot be reached or the parameters are wrong
     */
    static SqlDatabase connect(SqlEngine engine, DbAccess access, String poolName) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(engine.dataSource(access));
        config.setPoolName(poolName);
        int size = (int) access.getLong("pool-size", DEFAULT_POOL_SIZE);
        config.setMaximumPoolSize(Math.max(1, size));
        config.setMinimumIdle(Math.max(1, size));
        long connectMillis = TimeUnit.SECONDS.toMillis(access.getLong("connect-timeout", SqlEngine.DEFAULT_CONNECT_TIMEOUT));
        config.setConnectionTimeout(Math.max(250, connectMillis));
        config.setValidationTimeout(Math.max(250, Math.min(connectMillis, 5_000)));
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        config.setKeepaliveTime(TimeUnit.SECONDS.toMillis(60));
        try {
            return new SqlDatabase(engine, access, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SQLException(engine.displayName() + " database " + describe(engine, access)
                    + " cannot be opened: " + cause.getMessage(), cause);
        }
    }

    /**
     * Connects and checks that the database holds the schema kea4j knows; closes the pool again when it does not.
     *
     * @throws SQLException when the database cannot be reached or holds another schema
     */
    static SqlDatabase open(SqlEngine engine, DbAccess access, String poolName) throws SQLException {
        SqlDatabase db = connect(engine, access, poolName);
        try {
            db.checkSchema();
            return db;
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /** {@code name@host:port}, never the password. */
    static String describe(SqlEngine engine, DbAccess access) {
        return access.get("name").orElse("?") + "@" + engine.host(access) + ":" + engine.port(access);
    }

    SqlEngine engine() {
        return engine;
    }

    DbAccess access() {
        return access;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The schema version in the database ({@code schema_version}), as {@code major.minor}. */
    String schemaVersion() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, minor FROM schema_version")) {
            if (!rs.next()) {
                throw new SQLException("the schema_version table is empty");
            }
            return rs.getInt(1) + "." + rs.getInt(2);
        }
    }

    /** Refuses a schema this version of kea4j does not know (Kea 2.x does the same). */
    void checkSchema() throws SQLException {
        String found;
        try {
            found = schemaVersion();
        } catch (SQLException e) {
            throw new SQLException(engine.displayName() + " database " + describe(engine, access)
                    + " holds no Kea schema (" + e.getMessage() + "); create it with 'kea4j.jar db-init "
                    + engine.adminName() + "' or kea-admin", e);
        }
        if (!found.equals(engine.schemaVersion())) {
            throw new SQLException(engine.displayName() + " schema version mismatch: need version: "
                    + engine.schemaVersion() + " found version: " + found + " in " + describe(engine, access));
        }
    }

    /** Replaces the pooled connections (after an outage: they are dead). */
    void softEvict() {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
