package org.kea4j.hooks.host;

import org.kea4j.hooks.CalloutHandle;

/** The callout handle of one packet, opened and closed by the server. */
public interface CalloutSession extends CalloutHandle, AutoCloseable {

    /** Calls {@code context_destroy} and lets waiting library changes proceed. */
    @Override
    void close();
}
