package org.kea4j.memfile.internal;

/**
 * Named points where crash tests end the process abruptly, to prove that a crash at any step of Lease
 * File Cleanup loses no lease. Active only when the system property {@value #PROPERTY} names the point.
 */
final class FaultPoints {

    /** System property naming the point at which to halt. */
    static final String PROPERTY = "kea4j.fault.halt-at";
    /** The exit status of a halt, so that tests can tell it from other deaths. */
    static final int STATUS = 86;

    private FaultPoints() {
    }

    static void reach(String point) {
        String target = System.getProperty(PROPERTY);
        if (target != null && target.equals(point)) {
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
