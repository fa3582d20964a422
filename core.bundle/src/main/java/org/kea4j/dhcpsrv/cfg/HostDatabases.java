package org.kea4j.dhcpsrv.cfg;

import org.kea4j.config.ConfigException;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;

/**
 * Opens host reservation databases by type (an OSGi service of core); the back ends offer a {@link Factory} each
 * with the service property {@value Factory#TYPE_PROPERTY}.
 */
public interface HostDatabases {

    /** Opens a database; an absent type is {@code DHCPSRV_UNKNOWN_DB}. */
    HostDataSource open(DbAccess access, int universe) throws ConfigException;

    /** A back end of host reservations ({@code mysql}, {@code postgresql}). */
    interface Factory {
        /** Service property: the {@code hosts-database} type this factory opens. */
        String TYPE_PROPERTY = "type";

        HostDataSource open(DbAccess access, int universe) throws ConfigException;
    }
}
