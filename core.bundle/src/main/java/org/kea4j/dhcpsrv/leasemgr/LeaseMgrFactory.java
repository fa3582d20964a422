package org.kea4j.dhcpsrv.leasemgr;

import org.kea4j.config.ConfigException;

/**
 * A lease back end, offered as a service with the property {@value #TYPE_PROPERTY} ({@code memfile},
 * {@code mysql}, {@code postgresql}). Adding a back end never touches a server.
 */
public interface LeaseMgrFactory {

    /** Service property: the {@code lease-database} type this factory opens. */
    String TYPE_PROPERTY = "type";

    /**
     * Checks the access parameters before a configuration commits (no side effects).
     *
     * @param universe 4 or 6
     */
    void validate(DbAccess access, int universe) throws ConfigException;

    /**
     * Opens the database: loads lease files, connects to the server.
     *
     * @param universe 4 or 6
     */
    LeaseMgr open(DbAccess access, int universe) throws ConfigException;
}
