package org.kea4j.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SortedSet;
import org.osgi.annotation.versioning.ProviderType;

/** Every command of the process; the door both the shell and the control sockets use (a service). */
@ProviderType
public interface CommandRegistry {

    /** Runs a command; an unknown one is {@link Answer#unsupported}. */
    Answer execute(String command, JsonNode arguments);

    /**
     * Runs a request in Kea's shape {@code {"command": ..., "arguments": ...}}; a request that is not
     * such a map is answered with result 1 and the reason.
     */
    Answer execute(JsonNode request);

    /** The registered command names, sorted. */
    SortedSet<String> commands();
}
