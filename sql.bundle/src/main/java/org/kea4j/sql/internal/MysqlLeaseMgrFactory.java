package org.kea4j.sql.internal;

import org.kea4j.dhcpsrv.leasemgr.LeaseMgrFactory;
import org.osgi.service.component.annotations.Component;

/** {@code "lease-database": {"type": "mysql", ...}}: MySQL and MariaDB. */
@Component(service = LeaseMgrFactory.class, property = LeaseMgrFactory.TYPE_PROPERTY + "=mysql")
public final class MysqlLeaseMgrFactory extends SqlLeaseMgrFactory {

    public MysqlLeaseMgrFactory() {
        super(SqlEngine.MYSQL);
    }
}
