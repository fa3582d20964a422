package org.kea4j.hooks.host;

import org.kea4j.hooks.Argument;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.NextStep;

/**
 * The callout handle of one packet (or one command), opened and closed by the server. It sees one set of
 * libraries from its opening to its closing, so a packet is handled wholly by the callouts that were there
 * when it arrived, even when a library is replaced meanwhile. Used by one thread at a time.
 */
public interface CalloutSession extends CalloutHandle, AutoCloseable {

    /** Whether any callout is attached to the hook in this session's set: check this before preparing arguments. */
    boolean hasCallouts(Hook hook);

    /** Starts a call of a hook point: clears the arguments of the previous one. */
    CalloutSession begin(Hook hook);

    /**
     * Gives an argument of the call being prepared.
     *
     * @throws IllegalArgumentException when the hook point's declaration has no such argument, or it is of
     *                                  another type
     */
    <T> CalloutSession with(Argument<T> argument, T value);

    /**
     * Calls the hook point's callouts in library order, each with the arguments given; a callout's error or
     * exception is logged and the next callout still runs.
     *
     * @return the status the server obeys: one the declaration gives a meaning, otherwise CONTINUE
     * @throws IllegalStateException when an argument the declaration always passes was not given
     */
    NextStep call();

    /** Calls {@code context_destroy}. */
    @Override
    void close();
}
