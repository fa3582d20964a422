package org.kea4j.sql.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrContractTest;

/**
 * The lease database contract on a real SQL server, in a database of the test's own: with kea4j's schema, or
 * with the one Kea 2.2's {@code kea-admin db-init} creates (its triggers and stored procedures included).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlLeaseMgrContract extends LeaseMgrContractTest {

    private final SqlEngine engine;
    private final boolean keaAdminSchema;
    private TestDatabase database;

    SqlLeaseMgrContract(SqlEngine engine, boolean keaAdminSchema) {
        this.engine = engine;
        this.keaAdminSchema = keaAdminSchema;
    }

    @BeforeAll
    void createDatabase() throws Exception {
        database = TestDatabase.create(engine);
        if (keaAdminSchema) {
            KeaAdmin.run("db-init", database);
        } else {
            SchemaTool.init(engine, database.access());
        }
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected LeaseMgr openEmpty(int universe) throws Exception {
        database.execute("DELETE FROM lease4", "DELETE FROM lease6", "DELETE FROM lease4_stat", "DELETE FROM lease6_stat");
        return reopen(universe);
    }

    @Override
    protected LeaseMgr reopen(int universe) throws Exception {
        return SqlLeaseMgrFactory.open(engine, database.access(), universe);
    }
}
