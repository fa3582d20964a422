package com.example.hook;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** The library's own message IDs, as a Kea library's .mes file declares them; named in bnd.bnd's Kea-Messages. */
public enum ExampleMessages implements MessageId {
    EXAMPLE_LOADED(info("example hook loaded: replies without a domain name get %1")),
    EXAMPLE_UNLOADED(info("example hook unloaded")),
    EXAMPLE_BAD_PARAMETER(error("example hook parameter '%1' must be a string, not %2")),
    EXAMPLE_DOMAIN_ADDED(debug(50, "example hook added the domain name %1 to a %2"));

    private final MessageDef def;

    ExampleMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
