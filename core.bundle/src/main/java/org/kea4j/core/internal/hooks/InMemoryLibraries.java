package org.kea4j.core.internal.hooks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.kea4j.hooks.HookLibrary;

/**
 * Libraries given as objects rather than bundles: each load gets a new object from its supplier, as each load
 * of a bundle gets a fresh copy. For tests of the framework and of the servers, and for the hooks SDK's test
 * support.
 */
public final class InMemoryLibraries implements LibraryLoader {

    private final Map<String, Supplier<? extends HookLibrary>> libraries = new ConcurrentHashMap<>();

    /** Makes a library available under a name; a configuration lists it by that name. */
    public InMemoryLibraries add(String name, Supplier<? extends HookLibrary> factory) {
        libraries.put(name, factory);
        return this;
    }

    @Override
    public LibraryInstance open(String name, Path jar) throws LibraryRefusedException {
        Supplier<? extends HookLibrary> factory = libraries.get(name);
        if (factory == null) {
            throw new LibraryRefusedException(LibraryRefusedException.Kind.OPEN, "no library of this name was added");
        }
        return new LibraryInstance(factory.get(), new LibrarySource(-1, name, "0.0.0", null), List.of(), () -> { });
    }
}
