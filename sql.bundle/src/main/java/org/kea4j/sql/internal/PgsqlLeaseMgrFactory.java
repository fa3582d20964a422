package org.kea4j.sql.internal;

import org.kea4j.dhcpsrv.leasemgr.LeaseMgrFactory;
import org.osgi.service.component.annotations.Component;

/** {@code "lease-database": {"type": "postgresql", ...}}. */
@Component(service = LeaseMgrFactory.class, property = LeaseMgrFactory.TYPE_PROPERTY + "=postgresql")
public final class PgsqlLeaseMgrFactory extends SqlLeaseMgrFactory {

    public PgsqlLeaseMgrFactory() {
        super(SqlEngine.POSTGRESQL);
    }
}
