package org.kea4j.dhcp;

import org.osgi.annotation.versioning.ProviderType;

/** A received packet that cannot be parsed; the server logs it with its parse-failure message and drops it. */
@ProviderType
public final class PacketParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public PacketParseException(String message) {
        super(message, null, false, false);
    }
}
