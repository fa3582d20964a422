package org.kea4j.hooks.host;

import java.util.List;

/**
 * A hook point and its callouts, in call order.
 *
 * @param name     the hook point
 * @param callouts its callouts: each the index of its library and its statistics
 */
public record HookPointInfo(String name, List<Entry> callouts) {

    /**
     * One callout on the hook point.
     *
     * @param library the index of its library
     * @param callout the callout and its statistics
     */
    public record Entry(int library, LibraryInfo.CalloutInfo callout) {
    }
}
