package org.kea4j.dhcpsrv.leasemgr;

/**
 * The lease database cannot be reached (an SQL server down, its connection lost). Not a {@link LeaseMgrException}:
 * the servers do not answer the packet (no NAK, which would make the client drop its address) and log nothing
 * per packet; the back end logged the outage once and reconnects as its {@code on-fail} says.
 */
public class LeaseDatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseDatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
