package org.kea4j.log;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A Kea message ID. Implemented by enums, whose constant names are the IDs:
 *
 * <pre>{@code
 * public enum MyMessages implements MessageId {
 *     MY_HOOK_LOADED(MessageDef.info("my hook loaded with %1 users"));
 *     private final MessageDef def;
 *     MyMessages(MessageDef def) { this.def = def; }
 *     public MessageDef def() { return def; }
 * }
 * }</pre>
 */
@ConsumerType
public interface MessageId {

    /** The ID itself, for example {@code DHCP4_STARTED}. */
    String name();

    /** Severity, debug level and compiled-in text of this ID. */
    MessageDef def();
}
