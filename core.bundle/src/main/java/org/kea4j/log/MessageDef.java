package org.kea4j.log;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a message ID stands for: its severity, its debug level (0-99, meaningful for DEBUG only) and its
 * text with placeholders {@code %1..%n}.
 */
@ProviderType
public final class MessageDef {

    private final Severity severity;
    private final int debugLevel;
    private final String text;

    public MessageDef(Severity severity, int debugLevel, String text) {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        if (severity == Severity.NONE) {
            throw new IllegalArgumentException("a message cannot have severity NONE");
        }
        if (debugLevel < 0 || debugLevel > Severity.MAX_DEBUG_LEVEL) {
            throw new IllegalArgumentException("debug level out of range: " + debugLevel);
        }
        this.severity = severity;
        this.debugLevel = debugLevel;
        this.text = text;
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

    public Severity severity() {
        return severity;
    }

    public int debugLevel() {
        return debugLevel;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageDef o && java.util.Objects.equals(o.severity, severity) && o.debugLevel == debugLevel && java.util.Objects.equals(o.text, text);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(severity, debugLevel, text);
    }

    @Override
    public String toString() {
        return "MessageDef[severity=" + severity + ", debugLevel=" + debugLevel + ", text=" + text + "]";
    }
}
