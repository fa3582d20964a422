package org.kea4j.sql.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What differs between the two SQL engines: the vendor's DataSource (DriverManager does not see other bundles'
 * drivers in OSGi), time conversions, duplicate-key errors and the schema version of Kea 2.2. Everything else is
 * one SQL text for both.
 */
public enum SqlEngine {

    POSTGRESQL("postgresql", "pgsql", "PostgreSQL", 5432, 13, 0) {
        @Override
        DataSource dataSource(DbAccess access) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {host(access)});
            ds.setPortNumbers(new int[] {port(access)});
            ds.setDatabaseName(databaseName(access));
            access.get("user").ifPresent(ds::setUser);
            access.get("password").ifPresent(ds::setPassword);
            ds.setConnectTimeout((int) access.getLong("connect-timeout", DEFAULT_CONNECT_TIMEOUT));
            ds.setSocketTimeout((int) Math.max(access.getLong("read-timeout", 0), access.getLong("write-timeout", 0)));
            ds.setTcpKeepAlive(true);
            ds.setApplicationName("kea4j");
            return ds;
        }

        @Override
        String expireToSql() {
            return "to_timestamp(?)";
        }

        @Override
        String expireFromSql() {
            return "CAST(FLOOR(EXTRACT(EPOCH FROM expire)) AS BIGINT)";
        }

        @Override
        String expireUnchangedSql() {
            return "date_trunc('second', expire) = to_timestamp(?)"; // a row written with a fraction of a second
        }

        @Override
        boolean isDuplicateKey(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        void setIaid(PreparedStatement ps, int index, long iaid) throws SQLException {
            ps.setInt(index, (int) iaid); // Kea stores the 32 bits in a signed INT
        }

        @Override
        long getIaid(ResultSet rs, String column) throws SQLException {
            return rs.getInt(column) & 0xFFFF_FFFFL;
        }
    },

    MYSQL("mysql", "mysql", "MySQL", 3306, 14, 0) {
        @Override
        DataSource dataSource(DbAccess access) throws SQLException {
            long connect = TimeUnit.SECONDS.toMillis(access.getLong("connect-timeout", DEFAULT_CONNECT_TIMEOUT));
            long socket = TimeUnit.SECONDS.toMillis(
                    Math.max(access.getLong("read-timeout", 0), access.getLong("write-timeout", 0)));
            // found rows: an update that changes nothing still counts its row, as in Kea's MySQL sessions
            String url = "jdbc:mariadb://" + host(access) + ":" + port(access) + "/" + databaseName(access)
                    + "?connectTimeout=" + connect + "&socketTimeout=" + socket + "&tcpKeepAlive=true"
                    + "&useAffectedRows=false&sessionVariables=sql_mode='STRICT_ALL_TABLES'";
            MariaDbDataSource ds = new MariaDbDataSource(url);
            ds.setUser(access.get("user").orElse(""));
            ds.setPassword(access.get("password").orElse(""));
            return ds;
        }

        @Override
        String expireToSql() {
            return "FROM_UNIXTIME(?)";
        }

        @Override
        String expireFromSql() {
            return "UNIX_TIMESTAMP(expire)";
        }

        @Override
        String expireUnchangedSql() {
            return "expire = FROM_UNIXTIME(?)";
        }

        @Override
        boolean isDuplicateKey(SQLException e) {
            return e.getErrorCode() == 1062;
        }

        @Override
        void setIaid(PreparedStatement ps, int index, long iaid) throws SQLException {
            ps.setLong(index, iaid);
        }

        @Override
        long getIaid(ResultSet rs, String column) throws SQLException {
            return rs.getLong(column);
        }
    };

    /** Kea 2.2's default {@code connect-timeout}, seconds. */
    static final long DEFAULT_CONNECT_TIMEOUT = 5;

    private final String type;
    private final String adminName;
    private final String displayName;
    private final int defaultPort;
    private final int schemaMajor;
    private final int schemaMinor;

    SqlEngine(String type, String adminName, String displayName, int defaultPort, int schemaMajor, int schemaMinor) {
        this.type = type;
        this.adminName = adminName;
        this.displayName = displayName;
        this.defaultPort = defaultPort;
        this.schemaMajor = schemaMajor;
        this.schemaMinor = schemaMinor;
    }

    /** The {@code lease-database} type. */
    public String type() {
        return type;
    }

    /** The name {@code kea-admin} uses: {@code pgsql}, {@code mysql}. */
    public String adminName() {
        return adminName;
    }

    public String displayName() {
        return displayName;
    }

    /** The schema version of Kea 2.2, which kea4j reads and writes. */
    public String schemaVersion() {
        return schemaMajor + "." + schemaMinor;
    }

    /** The schema script, in this bundle. */
    String schemaResource() {
        return "/org/kea4j/sql/schema/" + adminName + ".sql";
    }

    /** The engine of a {@code lease-database} type or a {@code kea-admin} backend name. */
    public static SqlEngine of(String name) {
        for (SqlEngine e : values()) {
            if (e.type.equals(name) || e.adminName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown database backend '" + name + "' (pgsql or mysql)");
    }

    /** The vendor's DataSource for these access parameters. */
    abstract DataSource dataSource(DbAccess access) throws SQLException;

    /** An SQL expression turning a Unix time parameter into the {@code expire} column's type. */
    abstract String expireToSql();

    /** An SQL expression reading the {@code expire} column as Unix seconds. */
    abstract String expireFromSql();

    /** The condition that a row still has the expiry (in whole seconds) read from it. */
    abstract String expireUnchangedSql();

    /** Whether an error is a primary or unique key conflict. */
    abstract boolean isDuplicateKey(SQLException e);

    abstract void setIaid(PreparedStatement ps, int index, long iaid) throws SQLException;

    abstract long getIaid(ResultSet rs, String column) throws SQLException;

    String host(DbAccess access) {
        return access.get("host").orElse("localhost");
    }

    int port(DbAccess access) {
        return (int) access.getLong("port", defaultPort);
    }

    static String databaseName(DbAccess access) {
        return access.get("name").orElseThrow(() -> new IllegalArgumentException("must specify a name"));
    }
}
