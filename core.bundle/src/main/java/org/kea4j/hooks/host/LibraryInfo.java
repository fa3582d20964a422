package org.kea4j.hooks.host;

/**
 * A hooks library as the framework sees it.
 *
 * @param index    position in call order, from 1
 * @param name     the configured name (jar path or symbolic name) or the hot-deployed jar
 * @param bundle   the bundle's symbolic name, or null while it is not installed
 * @param state    its state
 * @param version  what its {@code version()} returned, or -1 before it was asked
 * @param detail   why it is not loaded, or empty
 */
public record LibraryInfo(int index, String name, String bundle, State state, int version, String detail) {

    /** Library states. */
    public enum State {
        /** Named by the configuration; its bundle or service is not there yet. */
        WAITING,
        /** Loaded; its callouts are called. */
        LOADED,
        /** Refused: wrong or missing version. */
        REFUSED,
        /** Its {@code load()} failed. */
        FAILED
    }
}
