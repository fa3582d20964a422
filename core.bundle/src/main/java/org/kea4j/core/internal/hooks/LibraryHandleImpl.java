package org.kea4j.core.internal.hooks;

import java.util.Map;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.LibraryHandle;

/** A library generation's handle: registrations go to that generation's callouts. */
final class LibraryHandleImpl implements LibraryHandle {

    private final HooksManagerImpl manager;
    private final Generation generation;

    LibraryHandleImpl(HooksManagerImpl manager, Generation generation) {
        this.manager = manager;
        this.generation = generation;
    }

    @Override
    public String getLibraryName() {
        return generation.library().name;
    }

    @Override
    public void registerCallout(String hookName, Callout callout) {
        manager.register(generation, manager.hookNamed(hookName), null, callout);
    }

    @Override
    public void registerCallout(HookPoint hookPoint, Callout callout) {
        manager.register(generation, (HookImpl) manager.hook(hookPoint), null, callout);
    }

    @Override
    public void registerCallout(HookPoint hookPoint, String calloutName, Callout callout) {
        manager.register(generation, (HookImpl) manager.hook(hookPoint), calloutName, callout);
    }

    @Override
    public boolean deregisterCallout(String hookName, Callout callout) {
        return manager.deregister(generation, manager.hookNamed(hookName), callout);
    }

    @Override
    public boolean deregisterAllCallouts(String hookName) {
        return manager.deregisterAll(generation, manager.hookNamed(hookName));
    }

    @Override
    public Object getParameter(String name) {
        return generation.parameters().get(name);
    }

    @Override
    public Map<String, Object> getParameters() {
        return generation.parameters();
    }
}
