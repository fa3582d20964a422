package org.kea4j.hooks;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * User code attached to a hook point. Returns 0 on success; any other value is logged as
 * {@code HOOKS_CALLOUT_ERROR} and, like an exception ({@code HOOKS_CALLOUT_EXCEPTION}), does not stop the
 * next callout nor veto the server: to change what the server does, set arguments or the status.
 */
@ConsumerType
@FunctionalInterface
public interface Callout {

    /** Service property naming the hook point(s) of a callout offered as a service. */
    String HOOK_PROPERTY = "hook";

    /** Optional service property: the name the hooks listing shows for a callout offered as a service. */
    String NAME_PROPERTY = "callout.name";

    /** Runs the callout. */
    int call(CalloutHandle handle) throws Exception;
}
