package org.kea4j.core.internal.hooks;

import java.nio.file.Path;

/**
 * The bundle a library instance comes from.
 *
 * @param bundleId      the bundle id
 * @param symbolicName  its symbolic name
 * @param bundleVersion its {@code Bundle-Version}
 * @param file          the jar it was read from, or null when it is a bundle installed by other means
 */
public record LibrarySource(long bundleId, String symbolicName, String bundleVersion, Path file) {
}
