package org.kea4j.hooks;

import org.osgi.annotation.versioning.ProviderType;

/** Thrown when a callout asks for a context value its library never stored for this packet. */
@ProviderType
public class NoSuchCalloutContextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchCalloutContextException(String name) {
        super("no such callout context item: " + name);
    }
}
