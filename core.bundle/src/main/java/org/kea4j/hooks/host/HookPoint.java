package org.kea4j.hooks.host;

/** A named place where the server calls user code. */
public interface HookPoint {

    /** The hook point's name. */
    String name();

    /** Whether any callout is attached: check this before preparing arguments (it costs next to nothing). */
    boolean hasCallouts();

    /**
     * Calls the callouts in library order. Resets the session's status to CONTINUE first; a callout's
     * error or exception is logged and the next callout still runs.
     */
    void call(CalloutSession session);
}
