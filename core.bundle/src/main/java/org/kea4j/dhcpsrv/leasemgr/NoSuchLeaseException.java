package org.kea4j.dhcpsrv.leasemgr;

/** An update named a lease that is not in the database. */
public class NoSuchLeaseException extends LeaseMgrException {

    private static final long serialVersionUID = 1L;

    public NoSuchLeaseException(String message) {
        super(message);
    }
}
