package org.kea4j.log;

import java.util.Objects;

/**
 * What a message ID stands for: its severity, its debug level (0-99, meaningful for DEBUG only) and its
 * text with placeholders {@code %1..%n}.
 */
public record MessageDef(Severity severity, int debugLevel, String text) {

    public MessageDef {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        if (severity == Severity.NONE) {
            throw new IllegalArgumentException("a message cannot have severity NONE");
        }
        if (debugLevel < 0 || debugLevel > Severity.MAX_DEBUG_LEVEL) {
            throw new IllegalArgumentException("debug level out of range: " + debugLevel);
        }
    }

    public static MessageDef debug(int debugLevel, String text) {
        return new MessageDef(Severity.DEBUG, debugLevel, text);
    }

    public static MessageDef info(String text) {
        return new MessageDef(Severity.INFO, 0, text);
    }

    public static MessageDef warn(String text) {
        return new MessageDef(Severity.WARN, 0, text);
    }

    public static MessageDef error(String text) {
        return new MessageDef(Severity.ERROR, 0, text);
    }

    public static MessageDef fatal(String text) {
        return new MessageDef(Severity.FATAL, 0, text);
    }
}
