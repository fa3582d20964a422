package org.kea4j.hooks;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The contract of a hooks library, offered as a service by its bundle. Mirrors Kea's {@code version},
 * {@code load} and {@code unload} functions.
 */
@ConsumerType
public interface HookLibrary {

    /**
     * The hooks framework version this API defines. A library returns the value it was compiled with
     * from {@link #version()}; the platform refuses any other ({@code HOOKS_INCORRECT_VERSION}).
     */
    int FRAMEWORK_VERSION = 1;

    /** The framework version the library was built for: return {@link #FRAMEWORK_VERSION}. */
    int version();

    /**
     * Called when the library is loaded, after its standard callouts (callout services of its bundle)
     * are registered. A non-zero return or an exception is a load failure: the library's callouts are
     * removed ({@code HOOKS_LOAD_ERROR}, {@code HOOKS_LOAD_EXCEPTION}).
     */
    default int load(LibraryHandle handle) throws Exception {
        return 0;
    }

    /** Called before the library's callouts are removed. A non-zero return or exception is only logged. */
    default int unload() throws Exception {
        return 0;
    }
}
