package org.kea4j.ncr;

/** What a NameChangeRequest asks for, with the number Kea's JSON gives it. */
public enum ChangeType {
    /** Add the client's name (code 0). */
    ADD,
    /** Remove the client's name (code 1). */
    REMOVE;

    /** The code in the JSON text: 0 for add, 1 for remove. */
    public int code() {
        return ordinal();
    }

    /**
     * The change type of a JSON code.
     *
     * @throws IllegalArgumentException when the code is neither 0 nor 1
     */
    public static ChangeType of(int code) {
        if (code == 0) {
            return ADD;
        }
        if (code == 1) {
            return REMOVE;
        }
        throw new IllegalArgumentException("change type must be 0 (add) or 1 (remove), not " + code);
    }
}
