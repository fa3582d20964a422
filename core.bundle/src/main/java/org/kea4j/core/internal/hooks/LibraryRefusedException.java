package org.kea4j.core.internal.hooks;

/**
 * A library could not be had or loaded: its reason for the listing and, as message, the log line that says why
 * (with its message ID).
 */
public final class LibraryRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an instance cannot be had. */
    public enum Kind {
        /** The jar or bundle cannot be opened: missing, not a bundle, unresolved, a duplicate (HOOKS_OPEN_ERROR). */
        OPEN,
        /** The bundle offers no HookLibrary (HOOKS_NO_VERSION). */
        NO_VERSION,
        /** version() threw or returned another framework version. */
        VERSION,
        /** load() failed. */
        LOAD
    }

    private final Kind kind;
    private final String reason;

    /** A refusal by a loader: the manager logs it and adds the log line. */
    public LibraryRefusedException(Kind kind, String reason) {
        this(kind, reason, reason);
    }

    LibraryRefusedException(Kind kind, String reason, String line) {
        super(line);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** The reason without the library's name. */
    public String reason() {
        return reason;
    }
}
