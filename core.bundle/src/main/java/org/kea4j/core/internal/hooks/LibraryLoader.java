package org.kea4j.core.internal.hooks;

import java.nio.file.Path;

/** Where library instances come from: the OSGi framework, or a test. */
public interface LibraryLoader {

    /**
     * A fresh instance of a library, not loaded.
     *
     * @param name the configured name: a bundle symbolic name, or a jar path
     * @param jar  the jar to read a new copy from, or null for a bundle named by its symbolic name
     * @throws LibraryRefusedException when there is none, with the reason
     */
    LibraryInstance open(String name, Path jar) throws LibraryRefusedException;
}
