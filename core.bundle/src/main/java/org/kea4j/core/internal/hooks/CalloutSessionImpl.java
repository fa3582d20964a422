package org.kea4j.core.internal.hooks;

import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_CALLED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_ERROR;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_EXCEPTION;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.NoSuchArgumentException;
import org.kea4j.hooks.NoSuchCalloutContextException;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.log.KeaLogger;

/**
 * One packet's callout handle, on the callout table that was current when it opened. Used by one thread at a
 * time, as a packet is.
 */
final class CalloutSessionImpl implements CalloutSession {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("callouts");
    private static final Map<String, Object> NONE = Map.of();

    private final HooksManagerImpl manager;
    private final CalloutTable table;
    private final boolean counted;
    /** Created on first use: a packet that meets no callout allocates none. */
    private Map<String, Object> arguments = NONE;
    private Map<Library, Map<String, Object>> contexts;
    private NextStep status = NextStep.CONTINUE;
    private HookImpl pending;
    private HookPoint current;
    private CalloutEntry running;
    private boolean closed;

    CalloutSessionImpl(HooksManagerImpl manager, CalloutTable table, boolean counted) {
        this.manager = manager;
        this.table = table;
        this.counted = counted;
    }

    CalloutTable table() {
        return table;
    }

    boolean counted() {
        return counted;
    }

    // ------------------------------------------------------------------ the server's side

    @Override
    public boolean hasCallouts(Hook hook) {
        return table.chain(((HookImpl) hook).index()).length != 0;
    }

    @Override
    public CalloutSession begin(Hook hook) {
        pending = (HookImpl) hook;
        deleteAllArguments();
        return this;
    }

    @Override
    public <T> CalloutSession with(Argument<T> argument, T value) {
        if (pending == null) {
            throw new IllegalStateException("with() before begin()");
        }
        HookPoint.Parameter p = pending.point().parameter(argument.name());
        if (p == null || !p.argument().equals(argument)) {
            throw new IllegalArgumentException("hook point " + pending.point().name() + " declares no argument "
                    + argument.name() + " of type " + argument.typeName());
        }
        writable().put(argument.name(), argument.cast(value));
        return this;
    }

    @Override
    public NextStep call() {
        HookImpl hook = pending;
        if (hook == null) {
            throw new IllegalStateException("call() before begin()");
        }
        for (HookPoint.Parameter p : hook.point().parameters()) {
            if (p.condition() == null && !arguments.containsKey(p.argument().name())) {
                throw new IllegalStateException("hook point " + hook.point().name() + " called without its argument "
                        + p.argument().name());
            }
        }
        return hook.point().obeyed(run(hook));
    }

    /** Runs a hook point's callouts with the arguments set; returns the status they left. */
    NextStep run(HookImpl hook) {
        status = NextStep.CONTINUE;
        CalloutEntry[] chain = table.chain(hook.index());
        if (chain.length == 0) {
            return status;
        }
        HookPoint previous = current;
        current = hook.point();
        try {
            for (CalloutEntry entry : chain) {
                runOne(entry);
            }
        } finally {
            current = previous;
        }
        return status;
    }

    private void runOne(CalloutEntry entry) {
        running = entry;
        long start = System.nanoTime();
        boolean error = false;
        try {
            int result = entry.callout().call(this);
            if (result != 0) {
                error = true;
                LOG.log(HOOKS_CALLOUT_ERROR, current.name(), entry.library().index(), entry.name());
            } else if (LOG.isEnabled(HOOKS_CALLOUT_CALLED)) {
                LOG.log(HOOKS_CALLOUT_CALLED, entry.library().index(), current.name(), entry.name());
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            error = true;
            LOG.log(HOOKS_CALLOUT_EXCEPTION, current.name(), entry.library().index(), entry.name(), String.valueOf(t));
        } finally {
            entry.stats().record(System.nanoTime() - start, error);
            running = null;
        }
    }

    // ------------------------------------------------------------------ arguments

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getArgument(String name) {
        Object value = arguments.get(name);
        if (value == null && !arguments.containsKey(name)) {
            throw new NoSuchArgumentException(name);
        }
        return (T) value;
    }

    @Override
    public <T> T getArgument(String name, Class<T> type) {
        Object value = getArgument(name);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("argument " + name + " is a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    @Override
    public <T> T get(Argument<T> argument) {
        return argument.cast(getArgument(argument.name()));
    }

    @Override
    public void setArgument(String name, Object value) {
        HookPoint point = current;
        if (point != null) {
            HookPoint.Parameter p = point.parameter(name);
            if (p != null) {
                p.argument().cast(value);
            }
        }
        writable().put(name, value);
    }

    private Map<String, Object> writable() {
        if (arguments == NONE) {
            arguments = new HashMap<>();
        }
        return arguments;
    }

    @Override
    public <T> void set(Argument<T> argument, T value) {
        setArgument(argument.name(), argument.cast(value));
    }

    @Override
    public void deleteArgument(String name) {
        if (!arguments.isEmpty()) {
            arguments.remove(name);
        }
    }

    @Override
    public void deleteAllArguments() {
        if (!arguments.isEmpty()) {
            arguments.clear();
        }
    }

    @Override
    public Set<String> getArgumentNames() {
        return Set.copyOf(arguments.keySet());
    }

    // ------------------------------------------------------------------ status

    @Override
    public void setSkip(boolean skip) {
        status = skip ? NextStep.SKIP : NextStep.CONTINUE;
    }

    @Override
    public boolean getSkip() {
        return status != NextStep.CONTINUE;
    }

    @Override
    public void setStatus(NextStep status) {
        this.status = status == null ? NextStep.CONTINUE : status;
    }

    @Override
    public NextStep getStatus() {
        return status;
    }

    // ------------------------------------------------------------------ per-library context

    private Map<String, Object> context() {
        if (running == null) {
            throw new IllegalStateException("the callout context is only available inside a callout");
        }
        if (contexts == null) {
            contexts = new IdentityHashMap<>();
        }
        return contexts.computeIfAbsent(running.library(), l -> new HashMap<>());
    }

    @Override
    public void setContext(String name, Object value) {
        context().put(name, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getContext(String name) {
        Map<String, Object> context = context();
        if (!context.containsKey(name)) {
            throw new NoSuchCalloutContextException(name);
        }
        return (T) context.get(name);
    }

    @Override
    public Set<String> getContextNames() {
        return Set.copyOf(context().keySet());
    }

    @Override
    public void deleteContext(String name) {
        context().remove(name);
    }

    @Override
    public void deleteAllContext() {
        context().clear();
    }

    // ------------------------------------------------------------------ where we are

    @Override
    public String getHookName() {
        return current == null ? null : current.name();
    }

    @Override
    public HookPoint getHookPoint() {
        return current;
    }

    @Override
    public LibraryHandle getLibraryHandle() {
        if (running == null) {
            throw new IllegalStateException("the library handle is only available inside a callout");
        }
        return running.generation().handle();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.closeSession(this);
        }
    }
}
