package org.kea4j.config;

import java.util.OptionalInt;

/**
 * What a section may need to know while it prepares.
 *
 * @param origin      where the configuration comes from (file name, or "command")
 * @param testOnly    true for {@code config-test} and {@code -t}: nothing will be committed
 * @param serverPort  the {@code -p} port override of the command line, if any
 */
public record ConfigContext(String origin, boolean testOnly, OptionalInt serverPort) {
}
