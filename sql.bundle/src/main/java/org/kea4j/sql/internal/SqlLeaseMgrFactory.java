package org.kea4j.sql.internal;

import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_MYSQL_DB;
import static org.kea4j.sql.internal.SqlMessages.DHCPSRV_PGSQL_DB;

import java.sql.SQLException;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrFactory;
import org.kea4j.log.KeaLogger;

/** Opens SQL lease databases of one engine; the two components below offer it by type. */
abstract class SqlLeaseMgrFactory implements LeaseMgrFactory {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("leases");

    private final SqlEngine engine;

    SqlLeaseMgrFactory(SqlEngine engine) {
        this.engine = engine;
    }

    @Override
    public void validate(DbAccess access, int universe) throws ConfigException {
        if (access.get("name").isEmpty()) {
            throw new ConfigException("lease-database/name", "must specify a name for the " + engine.displayName()
                    + " lease database", null);
        }
        DatabaseOutage.OnFail.parse(access.get("on-fail").orElse("stop-retry-exit"));
    }

    @Override
    public LeaseMgr open(DbAccess access, int universe) throws ConfigException {
        validate(access, universe);
        LOG.log(engine == SqlEngine.POSTGRESQL ? DHCPSRV_PGSQL_DB : DHCPSRV_MYSQL_DB, access.toString());
        return open(engine, access, universe);
    }

    /** Connects, checks the schema version and returns the lease manager. */
    static SqlLeaseMgr open(SqlEngine engine, DbAccess access, int universe) throws ConfigException {
        SqlDatabase db;
        try {
            db = SqlDatabase.open(engine, access, "kea4j-" + engine.adminName() + "-v" + universe);
        } catch (SQLException e) {
            throw new ConfigException("lease-database", e.getMessage(), null);
        }
        try {
            return new SqlLeaseMgr(db, universe, engine.schemaVersion(),
                    new DatabaseOutage(engine, access, universe, db::softEvict));
        } catch (ConfigException e) {
            db.close();
            throw e;
        }
    }
}
