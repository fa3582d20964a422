package org.kea4j.sql.internal;

/** The lease database contract on MySQL / MariaDB, in a database Kea 2.2's kea-admin created. */
class MysqlOnKeaSchemaTest extends SqlLeaseMgrContract {

    MysqlOnKeaSchemaTest() {
        super(SqlEngine.MYSQL, true);
    }
}
