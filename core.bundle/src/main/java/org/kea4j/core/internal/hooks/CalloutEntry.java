package org.kea4j.core.internal.hooks;

import org.kea4j.hooks.Callout;

/**
 * A callout on a hook point: the library that registered it, the name the listing shows and its statistics.
 *
 * @param generation the loaded library instance that registered it
 * @param hook       the hook point
 * @param callout the callout
 * @param name    its name
 * @param stats   its statistics, shared by every generation of the library
 */
record CalloutEntry(Generation generation, HookImpl hook, Callout callout, String name, CalloutStats stats) {

    /** The library: the key of its per-packet context, and its index in log lines. */
    Library library() {
        return generation.library();
    }

    /** The name of a callout its author did not name: its class, or the class a lambda was written in. */
    static String describe(Callout callout) {
        String name = callout.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : name.substring(0, lambda) + " (lambda)";
    }
}
