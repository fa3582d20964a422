package org.kea4j.core.internal.hooks;

import java.util.Map;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.LibraryHandle;

/** A library's handle: registrations go to its own group of callouts. */
final class LibraryHandleImpl implements LibraryHandle {

    private final HooksManagerImpl manager;
    private final Library library;

    LibraryHandleImpl(HooksManagerImpl manager, Library library) {
        this.manager = manager;
        this.library = library;
    }

    @Override
    public String getLibraryName() {
        return library.name;
    }

    @Override
    public void registerCallout(String hookName, Callout callout) {
        manager.register(library, hookName, callout);
    }

    @Override
    public boolean deregisterCallout(String hookName, Callout callout) {
        return manager.deregister(library, hookName, callout);
    }

    @Override
    public boolean deregisterAllCallouts(String hookName) {
        return manager.deregisterAll(library, hookName);
    }

    @Override
    public Object getParameter(String name) {
        return library.parameters.get(name);
    }

    @Override
    public Map<String, Object> getParameters() {
        return library.parameters;
    }
}
