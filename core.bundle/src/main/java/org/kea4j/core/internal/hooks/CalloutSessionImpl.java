package org.kea4j.core.internal.hooks;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.NoSuchArgumentException;
import org.kea4j.hooks.NoSuchCalloutContextException;
import org.kea4j.hooks.host.CalloutSession;

/** One packet's callout handle. Used by one thread at a time, as a packet is. */
final class CalloutSessionImpl implements CalloutSession {

    private final HooksManagerImpl manager;
    private final long stamp;
    private final Map<String, Object> arguments = new HashMap<>();
    private final Map<Library, Map<String, Object>> contexts = new IdentityHashMap<>();
    private NextStep status = NextStep.CONTINUE;
    private Library currentLibrary;
    private String hookName;
    private boolean closed;

    CalloutSessionImpl(HooksManagerImpl manager, long stamp) {
        this.manager = manager;
        this.stamp = stamp;
    }

    long stamp() {
        return stamp;
    }

    void setCurrentLibrary(Library library) {
        this.currentLibrary = library;
    }

    String enterHook(String name) {
        String previous = hookName;
        hookName = name;
        return previous;
    }

    void leaveHook(String previous) {
        hookName = previous;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getArgument(String name) {
        if (!arguments.containsKey(name)) {
            throw new NoSuchArgumentException(name);
        }
        return (T) arguments.get(name);
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
    public void setArgument(String name, Object value) {
        arguments.put(name, value);
    }

    @Override
    public void deleteArgument(String name) {
        arguments.remove(name);
    }

    @Override
    public void deleteAllArguments() {
        arguments.clear();
    }

    @Override
    public Set<String> getArgumentNames() {
        return Set.copyOf(arguments.keySet());
    }

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

    private Map<String, Object> context() {
        if (currentLibrary == null) {
            throw new IllegalStateException("the callout context is only available inside a callout");
        }
        return contexts.computeIfAbsent(currentLibrary, l -> new HashMap<>());
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

    @Override
    public String getHookName() {
        return hookName;
    }

    @Override
    public LibraryHandle getLibraryHandle() {
        if (currentLibrary == null) {
            throw new IllegalStateException("the library handle is only available inside a callout");
        }
        return currentLibrary.handle;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        manager.closeSession(this);
    }
}
