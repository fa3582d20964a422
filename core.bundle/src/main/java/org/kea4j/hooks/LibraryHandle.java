package org.kea4j.hooks;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A library's view of the hooks framework: register and deregister its callouts, read its configured
 * {@code parameters}. Registration during a hook point's execution takes effect on the next call.
 * Registering on a hook point that no server declares is an error ({@link IllegalArgumentException}), so
 * that a misspelt name fails {@code load()} instead of never being called.
 */
@ProviderType
public interface LibraryHandle {

    /** The library's name as the configuration gives it (jar path or bundle symbolic name). */
    String getLibraryName();

    /**
     * Adds a callout at the end of this library's callouts on a hook point. Its statistics are shown under its
     * class name.
     *
     * @throws IllegalArgumentException when no hook point of this name is declared
     */
    void registerCallout(String hookName, Callout callout);

    /** Adds a callout on a declared hook point; statistics show it under its class name. */
    void registerCallout(HookPoint hookPoint, Callout callout);

    /**
     * Adds a callout on a declared hook point under a name of the author's choosing, which the hooks listing
     * ({@code hooks-list}, {@code kea:hooks}) shows with its statistics.
     */
    void registerCallout(HookPoint hookPoint, String calloutName, Callout callout);

    /** Removes every registration of a callout from a hook point; false when it was not there. */
    boolean deregisterCallout(String hookName, Callout callout);

    /** Removes all of this library's callouts from a hook point; false when it had none. */
    boolean deregisterAllCallouts(String hookName);

    /** A configured parameter (a String, Number, Boolean, List or Map), or null when absent. */
    Object getParameter(String name);

    /** All configured parameters. */
    Map<String, Object> getParameters();
}
