package org.kea4j.core.internal.hooks;

import java.nio.file.Path;

/**
 * The bundle a library comes from.
 *
 * @param bundleId     the bundle id
 * @param symbolicName its symbolic name
 * @param file         the jar it was installed from, or null when not installed from a file
 */
public record LibrarySource(long bundleId, String symbolicName, Path file) {
}
