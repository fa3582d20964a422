package org.kea4j.core.internal.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;

/**
 * One loaded instance of a library: the object whose {@code load()} ran, its handle and the callouts it
 * registered. A libreload or a replaced jar makes a new generation; the old one is unloaded once no packet
 * uses it. Registrations are guarded by the manager's state lock.
 */
final class Generation {

    private final Library library;
    private final LibraryInstance instance;
    private final Map<String, Object> parameters;
    private final LibraryHandleImpl handle;
    private final Map<HookImpl, List<CalloutEntry>> registered = new LinkedHashMap<>();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    /** Inside load(): registrations are accepted but not published yet. */
    boolean loading;
    /** load() succeeded; unload() is owed. */
    boolean loaded;
    /** Its object is shared with the running generation: it loads only once that one is unloaded. */
    boolean deferred;
    /** What its version() returned, or -1. */
    int version = -1;

    Generation(HooksManagerImpl manager, Library library, LibraryInstance instance, Map<String, Object> parameters) {
        this.library = library;
        this.instance = instance;
        this.parameters = Map.copyOf(parameters);
        this.handle = new LibraryHandleImpl(manager, this);
    }

    Library library() {
        return library;
    }

    HookLibrary object() {
        return instance.library();
    }

    LibrarySource source() {
        return instance.source();
    }

    LibraryInstance instance() {
        return instance;
    }

    LibraryHandleImpl handle() {
        return handle;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Whether registrations may happen now. */
    boolean acceptsCallouts() {
        return (loaded || loading) && !retired.get();
    }

    /** Adds a callout at the end of this library's callouts on a hook point. */
    void add(HookImpl hook, String name, Callout callout) {
        List<CalloutEntry> list = registered.computeIfAbsent(hook, h -> new ArrayList<>());
        int rank = 0;
        for (CalloutEntry e : list) {
            if (e.name().equals(name)) {
                rank++;
            }
        }
        list.add(new CalloutEntry(this, hook, callout, name, library.stats(hook.point().name(), name, rank)));
    }

    /** Removes a callout from a hook point; false when it was not there. */
    boolean remove(HookImpl hook, Callout callout) {
        List<CalloutEntry> list = registered.get(hook);
        return list != null && list.removeIf(e -> e.callout() == callout);
    }

    /** Removes every callout of a hook point; false when it had none. */
    boolean removeAll(HookImpl hook) {
        List<CalloutEntry> list = registered.remove(hook);
        return list != null && !list.isEmpty();
    }

    /** Removes every registration of a callout object (a callout service going away). */
    boolean removeEverywhere(Callout callout) {
        boolean any = false;
        for (List<CalloutEntry> list : registered.values()) {
            any |= list.removeIf(e -> e.callout() == callout);
        }
        return any;
    }

    Map<HookImpl, List<CalloutEntry>> registered() {
        return registered;
    }

    List<CalloutEntry> entries() {
        List<CalloutEntry> all = new ArrayList<>();
        registered.values().forEach(all::addAll);
        return all;
    }

    void clear() {
        registered.clear();
    }

    /** Marks it retired; true the first time. */
    boolean retire() {
        return retired.compareAndSet(false, true);
    }

    boolean retired() {
        return retired.get();
    }

    /** Gives the instance back to its loader, once. */
    void release() {
        if (released.compareAndSet(false, true)) {
            instance.release().run();
        }
    }
}
