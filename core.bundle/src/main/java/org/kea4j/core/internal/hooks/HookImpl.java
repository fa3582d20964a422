package org.kea4j.core.internal.hooks;

import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.host.Hook;

/**
 * A declared hook point with its index in the callout tables.
 *
 * @param point the declaration
 * @param index its position in every {@link CalloutTable}
 */
record HookImpl(HookPoint point, int index) implements Hook {
}
