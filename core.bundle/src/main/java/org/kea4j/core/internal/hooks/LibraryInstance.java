package org.kea4j.core.internal.hooks;

import java.util.List;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;

/**
 * A library as a {@link LibraryLoader} hands it out, not loaded yet: the {@link HookLibrary} object, the bundle
 * it comes from, the callouts its bundle offers as services, and what gives it back.
 *
 * @param library   the library object (a fresh one where the bundle allows it)
 * @param source    its bundle
 * @param standard  callouts the bundle offers as services (Kea's standard callouts)
 * @param release   gives the instance back once it is unloaded (uninstalls a bundle copy, ungets a service)
 */
public record LibraryInstance(HookLibrary library, LibrarySource source, List<StandardCallout> standard,
        Runnable release) {

    public LibraryInstance {
        standard = List.copyOf(standard);
    }

    /**
     * A callout offered as a service.
     *
     * @param hook    the hook point it names
     * @param name    its name ({@link Callout#NAME_PROPERTY}), or null
     * @param callout the callout
     */
    public record StandardCallout(String hook, String name, Callout callout) {
    }
}
