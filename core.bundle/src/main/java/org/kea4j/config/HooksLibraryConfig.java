package org.kea4j.config;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code hooks-libraries}: a jar path or a bundle symbolic name, with its parameters.
 *
 * @param library    a jar path (absolute, or relative to the working directory) or a symbolic name
 * @param parameters the library's {@code parameters} as plain Java values (maps, lists, strings,
 *                   numbers, booleans)
 */
public record HooksLibraryConfig(String library, Map<String, Object> parameters) {

    public HooksLibraryConfig {
        Objects.requireNonNull(library, "library");
        parameters = Map.copyOf(parameters);
    }
}
