package org.kea4j.dhcpsrv.leasemgr;

/** A lease database operation failed (the lease file cannot be written, the database is gone...). */
public class LeaseMgrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseMgrException(String message) {
        super(message);
    }

    public LeaseMgrException(String message, Throwable cause) {
        super(message, cause);
    }
}
