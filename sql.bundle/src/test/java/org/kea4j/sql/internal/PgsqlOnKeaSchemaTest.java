package org.kea4j.sql.internal;

/** The lease database contract on PostgreSQL, in a database Kea 2.2's kea-admin created. */
class PgsqlOnKeaSchemaTest extends SqlLeaseMgrContract {

    PgsqlOnKeaSchemaTest() {
        super(SqlEngine.POSTGRESQL, true);
    }
}
