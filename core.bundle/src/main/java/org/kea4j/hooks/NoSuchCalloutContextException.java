package org.kea4j.hooks;

/** Thrown when a callout asks for a context value its library never stored for this packet. */
public class NoSuchCalloutContextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchCalloutContextException(String name) {
        super("no such callout context item: " + name);
    }
}
