package org.kea4j.sql.internal;

/** The lease database contract on PostgreSQL. */
class PgsqlLeaseMgrTest extends SqlLeaseMgrContract {

    PgsqlLeaseMgrTest() {
        super(SqlEngine.POSTGRESQL, false);
    }
}
