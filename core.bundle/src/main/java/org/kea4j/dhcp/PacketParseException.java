package org.kea4j.dhcp;

/** A received packet that cannot be parsed; the server logs it with its parse-failure message and drops it. */
public final class PacketParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public PacketParseException(String message) {
        super(message, null, false, false);
    }
}
