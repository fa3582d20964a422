package org.kea4j.core.internal.config;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of configuration handling (Kea's CONFIG). */
public enum ConfigMessages implements MessageId {
    CONFIG_CCSESSION_MSG(error("error in CC session message: %1")),
    CONFIG_CCSESSION_MSG_INTERNAL(error("error handling CC session message: %1")),
    CONFIG_CCSESSION_STOPPING(error("error sending stopping message: %1")),
    CONFIG_CCSESSION_STOPPING_UNKNOWN(error("unknown error sending stopping message")),
    CONFIG_GET_FAIL(error("error getting configuration from cfgmgr: %1")),
    CONFIG_JSON_PARSE(error("JSON parse error in %1: %2")),
    CONFIG_LOG_EXPLICIT(debug(10, "will use logging configuration for explicitly-named logger %1")),
    CONFIG_LOG_IGNORE_EXPLICIT(debug(10, "ignoring logging configuration for explicitly-named logger %1")),
    CONFIG_LOG_IGNORE_WILD(debug(10, "ignoring logging configuration for wildcard logger %1")),
    CONFIG_LOG_WILD_MATCH(debug(10, "will use logging configuration for wildcard logger %1")),
    CONFIG_MOD_SPEC_FORMAT(error("module specification error in %1: %2")),
    CONFIG_MOD_SPEC_REJECT(error("module specification rejected by cfgmgr: %1")),
    CONFIG_OPEN_FAIL(error("error opening %1: %2")),
    CONFIG_RPC_SEQ(debug(10, "RPC call %1 to %2 with seq %3"));

    private final MessageDef def;

    ConfigMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
