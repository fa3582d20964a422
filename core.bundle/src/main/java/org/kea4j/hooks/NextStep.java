package org.kea4j.hooks;

import org.osgi.annotation.versioning.ProviderType;

/** What the server does after a hook point's callouts, as Kea 1.0+ defines it. */
@ProviderType
public enum NextStep {
    /** Carry on normally. */
    CONTINUE,
    /** Skip the step the hook point guards (Kea 0.9's skip flag); its meaning depends on the hook. */
    SKIP,
    /** Drop the packet (where the hook point supports it). */
    DROP
}
