package org.kea4j.sql.internal;

import static org.kea4j.sql.internal.SqlMessages.DHCP4_DB_RECONNECT_DISABLED;
import static org.kea4j.sql.internal.SqlMessages.DHCP4_DB_RECONNECT_FAILED;
import static org.kea4j.sql.internal.SqlMessages.DHCP4_DB_RECONNECT_LOST_CONNECTION;
import static org.kea4j.sql.internal.SqlMessages.DHCP4_DB_RECONNECT_SUCCEEDED;
import static org.kea4j.sql.internal.SqlMessages.DHCP6_DB_RECONNECT_DISABLED;
import static org.kea4j.sql.internal.SqlMessages.DHCP6_DB_RECONNECT_FAILED;
import static org.kea4j.sql.internal.SqlMessages.DHCP6_DB_RECONNECT_LOST_CONNECTION;
import static org.kea4j.sql.internal.SqlMessages.DHCP6_DB_RECONNECT_SUCCEEDED;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_MYSQL_FATAL_ERROR;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_MYSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_MYSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_MYSQL_LEASE_DB_RECONNECT_FAILED;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_PGSQL_FATAL_ERROR;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_PGSQL_LEASE_DB_RECONNECT_FAILED;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Locale;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabaseUnavailableException;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import org.kea4j.log.KeaLogger;

/**
 * Kea's recovery from a lost database: the loss is logged once per outage, operations then fail at once (the
 * servers drop the packet instead of waiting on the connect timeout), a thread reconnects
 * {@code max-reconnect-tries} times every {@code reconnect-wait-time} ms, and {@code on-fail} says what the
 * server does meanwhile and when the tries run out.
 */
final class DatabaseOutage implements AutoCloseable {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("leases");

    /** Kea's {@code on-fail} values. */
    enum OnFail {
        STOP_RETRY_EXIT, SERVE_RETRY_EXIT, SERVE_RETRY_CONTINUE;

        static OnFail parse(String text) throws ConfigException {
            for (OnFail f : values()) {
                if (f.text().equals(text)) {
                    return f;
                }
            }
            throw new ConfigException("lease-database/on-fail", "unsupported value '" + text
                    + "' (stop-retry-exit, serve-retry-exit or serve-retry-continue)", null);
        }

        String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean exits() {
            return this != SERVE_RETRY_CONTINUE;
        }
    }

    private final SqlEngine engine;
    private final DbAccess access;
    private final int universe;
    private final long maxTries;
    private final long waitMillis;
    private final OnFail onFail;
    private final Runnable recovered;
    private volatile boolean lost;
    private volatile boolean closed;
    private volatile Runnable exit = () -> { };
    private Thread reconnector;

    /**
     * @param recovered run when the database is back (the pool drops its dead connections)
     */
    DatabaseOutage(SqlEngine engine, DbAccess access, int universe, Runnable recovered) throws ConfigException {
        this.engine = engine;
        this.access = access;
        this.universe = universe;
        this.maxTries = access.getLong("max-reconnect-tries", 0);
        this.waitMillis = access.getLong("reconnect-wait-time", 0);
        this.onFail = OnFail.parse(access.get("on-fail").orElse("stop-retry-exit"));
        this.recovered = recovered;
    }

    void onFatal(Runnable action) {
        this.exit = action;
    }

    /** Whether the servers answer clients: not while lost under {@code stop-retry-exit}. */
    boolean serving() {
        return !lost || onFail != OnFail.STOP_RETRY_EXIT;
    }

    /** Fails at once while the database is lost. */
    void check() {
        if (lost) {
            throw new LeaseDatabaseUnavailableException(engine.displayName() + " lease database "
                    + SqlDatabase.describe(engine, access) + " is unreachable; reconnecting", null);
        }
    }

    /** The exception to throw for a failed statement; a lost connection starts an outage. */
    RuntimeException failure(SQLException e, String statement) {
        if (!isConnectionLoss(e)) {
            return new LeaseMgrException(engine.displayName() + " lease database " + SqlDatabase.describe(engine, access)
                    + ": " + e.getMessage(), e);
        }
        begin(e, statement);
        return new LeaseDatabaseUnavailableException(engine.displayName() + " lease database "
                + SqlDatabase.describe(engine, access) + " lost: " + e.getMessage(), e);
    }

    /** Whether an error means the connection or the server is gone (not a bad statement or a key conflict). */
    static boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private synchronized void begin(SQLException e, String statement) {
        if (lost || closed) {
            return;
        }
        lost = true;
        if (engine == SqlEngine.POSTGRESQL) {
            LOG.log(DHCPSRV_PGSQL_FATAL_ERROR, statement, e.getMessage(), e.getSQLState());
        } else {
            LOG.log(DHCPSRV_MYSQL_FATAL_ERROR, "statement", statement, e.getMessage(), e.getErrorCode());
        }
        LOG.log(universe == 4 ? DHCP4_DB_RECONNECT_LOST_CONNECTION : DHCP6_DB_RECONNECT_LOST_CONNECTION);
        if (maxTries == 0 || waitMillis == 0) {
            LOG.log(universe == 4 ? DHCP4_DB_RECONNECT_DISABLED : DHCP6_DB_RECONNECT_DISABLED, maxTries, waitMillis);
            if (onFail.exits()) {
                exit.run();
            }
            return; // stays lost until a new configuration opens the database again
        }
        reconnector = new Thread(this::reconnect, "kea4j-db-reconnect-v" + universe);
        reconnector.setDaemon(true);
        reconnector.start();
    }

    private void reconnect() {
        for (long attempt = 1; attempt <= maxTries && !closed; attempt++) {
            LOG.log(engine == SqlEngine.POSTGRESQL ? DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE
                    : DHCPSRV_MYSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE, attempt, maxTries, waitMillis);
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                probe();
                recovered.run();
                lost = false;
                LOG.log(universe == 4 ? DHCP4_DB_RECONNECT_SUCCEEDED : DHCP6_DB_RECONNECT_SUCCEEDED);
                return;
            } catch (SQLException e) {
                LOG.log(engine == SqlEngine.POSTGRESQL ? DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED
                        : DHCPSRV_MYSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED, e.getMessage());
            }
        }
        if (closed) {
            return;
        }
        LOG.log(engine == SqlEngine.POSTGRESQL ? DHCPSRV_PGSQL_LEASE_DB_RECONNECT_FAILED
                : DHCPSRV_MYSQL_LEASE_DB_RECONNECT_FAILED, maxTries);
        LOG.log(universe == 4 ? DHCP4_DB_RECONNECT_FAILED : DHCP6_DB_RECONNECT_FAILED, maxTries);
        if (onFail.exits()) {
            exit.run();
        } else {
            lost = false; // serve-retry-continue: the next failure starts another outage, and another round of tries
        }
    }

    /** One new connection, outside the pool, that reads the schema version. */
    private void probe() throws SQLException {
        try (Connection c = engine.dataSource(access).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            rs.next();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = reconnector;
        if (t != null) {
            t.interrupt();
        }
    }
}
