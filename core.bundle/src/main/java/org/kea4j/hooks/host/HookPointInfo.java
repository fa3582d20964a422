package org.kea4j.hooks.host;

import java.util.List;

/**
 * A hook point and its callouts, with their statistics.
 *
 * @param name     the hook point
 * @param callouts its callouts, in call order
 */
public record HookPointInfo(String name, List<CalloutInfo> callouts) {

    /**
     * One callout on a hook point.
     *
     * @param library    the library's index
     * @param callout    a description of the callout
     * @param calls      how often it was called
     * @param errors     how often it returned an error or threw
     * @param meanNanos  mean time per call, in nanoseconds
     */
    public record CalloutInfo(int library, String callout, long calls, long errors, long meanNanos) {
    }
}
