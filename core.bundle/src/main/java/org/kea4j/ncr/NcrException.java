package org.kea4j.ncr;

/** A NameChangeRequest that cannot be read: malformed JSON, a member missing or of the wrong type or value. */
public class NcrException extends Exception {

    private static final long serialVersionUID = 1L;

    public NcrException(String message) {
        super(message);
    }

    public NcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
