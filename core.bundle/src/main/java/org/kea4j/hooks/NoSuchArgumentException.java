package org.kea4j.hooks;

import org.osgi.annotation.versioning.ProviderType;

/** Thrown when a callout asks for an argument the hook point does not have. */
@ProviderType
public class NoSuchArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchArgumentException(String name) {
        super("no such argument: " + name);
    }
}
