package org.kea4j.sql.internal;

import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_MYSQL_HOST_DB;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_PGSQL_HOST_DB;

import java.sql.SQLException;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.cfg.HostDataSource;
import org.kea4j.dhcpsrv.cfg.HostDatabases;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.log.KeaLogger;
import org.osgi.service.component.annotations.Component;

/** Opens {@code hosts-database} entries of one engine; the two components below offer it by type. */
abstract class SqlHostDataSourceFactory implements HostDatabases.Factory {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("hosts");

    private final SqlEngine engine;

    SqlHostDataSourceFactory(SqlEngine engine) {
        this.engine = engine;
    }

    @Override
    public HostDataSource open(DbAccess access, int universe) throws ConfigException {
        LOG.log(engine == SqlEngine.POSTGRESQL ? DHCPSRV_PGSQL_HOST_DB : DHCPSRV_MYSQL_HOST_DB, access.toString());
        return open(engine, access, universe);
    }

    static SqlHostDataSource open(SqlEngine engine, DbAccess access, int universe) throws ConfigException {
        try {
            return new SqlHostDataSource(SqlDatabase.open(engine, access, "kea4j-hosts-" + engine.adminName() + "-v"
                    + universe));
        } catch (SQLException e) {
            throw new ConfigException("hosts-database", e.getMessage(), null);
        }
    }

    /** {@code "hosts-database": {"type": "postgresql", ...}}. */
    @Component(service = HostDatabases.Factory.class, property = HostDatabases.Factory.TYPE_PROPERTY + "=postgresql")
    public static final class Pgsql extends SqlHostDataSourceFactory {
        public Pgsql() {
            super(SqlEngine.POSTGRESQL);
        }
    }

    /** {@code "hosts-database": {"type": "mysql", ...}}. */
    @Component(service = HostDatabases.Factory.class, property = HostDatabases.Factory.TYPE_PROPERTY + "=mysql")
    public static final class Mysql extends SqlHostDataSourceFactory {
        public Mysql() {
            super(SqlEngine.MYSQL);
        }
    }
}
