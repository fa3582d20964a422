package org.kea4j.control;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A control command, offered as a service with the property {@value #COMMAND_PROPERTY} (one name or an
 * array of names). Handlers may be called from several threads.
 */
@ConsumerType
@FunctionalInterface
public interface CommandHandler {

    /** Service property: the command name(s) this handler answers. */
    String COMMAND_PROPERTY = "kea.command";

    /**
     * Handles a command.
     *
     * @param command   the command name
     * @param arguments the request's {@code arguments}, or null when it had none
     * @return the answer; an exception becomes result 1 with its message
     */
    Answer handle(String command, JsonNode arguments) throws Exception;
}
