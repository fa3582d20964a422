package org.kea4j.core.internal.hooks;

import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_CALLED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_ERROR;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_EXCEPTION;

import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPoint;
import org.kea4j.log.KeaLogger;

/**
 * A hook point: an immutable array of callouts, replaced as a whole when libraries change. Calling a hook
 * point without callouts reads one field.
 */
final class HookPointImpl implements HookPoint {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("callouts");
    private static final CalloutEntry[] NONE = new CalloutEntry[0];

    private final String name;
    private final int index;
    private volatile CalloutEntry[] callouts = NONE;

    HookPointImpl(String name, int index) {
        this.name = name;
        this.index = index;
    }

    @Override
    public String name() {
        return name;
    }

    int index() {
        return index;
    }

    @Override
    public boolean hasCallouts() {
        return callouts.length != 0;
    }

    CalloutEntry[] callouts() {
        return callouts;
    }

    void publish(CalloutEntry[] entries) {
        callouts = entries.length == 0 ? NONE : entries;
    }

    @Override
    public void call(CalloutSession session) {
        CalloutEntry[] list = callouts;
        CalloutSessionImpl handle = (CalloutSessionImpl) session;
        handle.setStatus(NextStep.CONTINUE);
        if (list.length == 0) {
            return;
        }
        String previousHook = handle.enterHook(name);
        try {
            for (CalloutEntry entry : list) {
                run(handle, entry);
            }
        } finally {
            handle.leaveHook(previousHook);
        }
    }

    private void run(CalloutSessionImpl handle, CalloutEntry entry) {
        handle.setCurrentLibrary(entry.library);
        long start = System.nanoTime();
        try {
            int result = entry.callout.call(handle);
            if (result != 0) {
                entry.errors.increment();
                LOG.log(HOOKS_CALLOUT_ERROR, name, entry.library.index(), entry.describe());
            } else if (LOG.isEnabled(HOOKS_CALLOUT_CALLED)) {
                LOG.log(HOOKS_CALLOUT_CALLED, entry.library.index(), name, entry.describe());
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            entry.errors.increment();
            LOG.log(HOOKS_CALLOUT_EXCEPTION, name, entry.library.index(), entry.describe(), String.valueOf(t));
        } finally {
            entry.nanos.add(System.nanoTime() - start);
            entry.calls.increment();
            handle.setCurrentLibrary(null);
        }
    }
}
