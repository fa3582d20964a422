package org.kea4j.core.internal.hooks;

import java.util.Map;

/**
 * A library the configuration lists.
 *
 * @param name       a jar path or a bundle symbolic name
 * @param parameters its {@code parameters}
 */
public record LibrarySpec(String name, Map<String, Object> parameters) {

    public LibrarySpec {
        parameters = Map.copyOf(parameters);
    }

    /** Whether the name is a jar path rather than a symbolic name. */
    public boolean isPath() {
        return HooksManagerImpl.looksLikePath(name);
    }
}
