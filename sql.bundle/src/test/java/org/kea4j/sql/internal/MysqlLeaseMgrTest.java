package org.kea4j.sql.internal;

/** The lease database contract on MySQL / MariaDB. */
class MysqlLeaseMgrTest extends SqlLeaseMgrContract {

    MysqlLeaseMgrTest() {
        super(SqlEngine.MYSQL, false);
    }
}
