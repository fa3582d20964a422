package org.kea4j.hooks.host;

import java.util.List;
import java.util.Map;

/**
 * A hooks library as the framework sees it.
 *
 * @param index           position in call order, from 1
 * @param name            the configured name (jar path or symbolic name) or the jar in the hooks folder
 * @param origin          how it came
 * @param bundle          the bundle's symbolic name, or null when unknown
 * @param bundleVersion   the bundle's {@code Bundle-Version}, or null when unknown
 * @param bundleId        the id of the bundle that serves it now, or -1
 * @param version         what its {@code version()} returned (the hooks framework version it was built for), or -1
 * @param state           its state
 * @param detail          why it is not loaded, or empty
 * @param parameters      its configured {@code parameters}
 * @param callouts        its callouts, by hook point in registration order, with their statistics since the
 *                        library was first loaded
 */
public record LibraryInfo(int index, String name, Origin origin, String bundle, String bundleVersion, long bundleId,
        int version, State state, String detail, Map<String, Object> parameters, List<CalloutInfo> callouts) {

    /** How a library came to be loaded. */
    public enum Origin {
        /** Named by the configuration's {@code hooks-libraries}. */
        CONFIGURED,
        /** Dropped into the hooks folder. */
        HOOKS_FOLDER
    }

    /** Library states. */
    public enum State {
        /** Its bundle is not there (stopped); it loads again when the bundle comes back. */
        WAITING,
        /** Loaded; its callouts are called. */
        LOADED,
        /** Refused before load(): not a bundle, unresolved, a duplicate, a wrong or missing version. */
        REFUSED,
        /** Its {@code load()} failed. */
        FAILED
    }

    /**
     * One callout of a library, with its statistics.
     *
     * @param hook      the hook point
     * @param name      the name its author gave, or its class
     * @param calls     how often it was called
     * @param errors    how often it returned an error or threw
     * @param meanNanos mean time per call, in nanoseconds
     * @param maxNanos  the longest call, in nanoseconds
     */
    public record CalloutInfo(String hook, String name, long calls, long errors, long meanNanos, long maxNanos) {
    }
}
