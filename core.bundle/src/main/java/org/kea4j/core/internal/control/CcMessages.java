package org.kea4j.core.internal.control;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the command channel (Kea's CC). */
public enum CcMessages implements MessageId {
    CC_ASYNC_READ_FAILED(error("asynchronous read failed (error code = %1)")),
    CC_CONN_ERROR(error("error connecting to message queue (%1)")),
    CC_DISCONNECT(debug(0, "disconnecting from message queue daemon")),
    CC_ESTABLISH(debug(0, "trying to establish connection with message queue daemon at %1")),
    CC_ESTABLISHED(debug(0, "successfully connected to message queue daemon")),
    CC_GROUP_RECEIVE(debug(50, "trying to receive a message with seq %1")),
    CC_GROUP_RECEIVED(debug(40, "message arrived ('%1', '%2')")),
    CC_GROUP_SEND(debug(40, "sending message '%1' to group '%2'")),
    CC_INVALID_LENGTHS(error("invalid length parameters (%1, %2)")),
    CC_LENGTH_NOT_READY(error("length not ready")),
    CC_LNAME_RECEIVED(debug(10, "received local name: %1")),
    CC_NO_MESSAGE(debug(50, "no message ready to be received yet")),
    CC_NO_MSGQ(error("unable to connect to message queue (%1)")),
    CC_READ_ERROR(error("error reading data from command channel (%1)")),
    CC_READ_EXCEPTION(error("error reading data from command channel (%1)")),
    CC_REPLY(debug(50, "replying to message from '%1' with '%2'")),
    CC_SET_TIMEOUT(debug(10, "setting timeout to %1ms")),
    CC_START_READ(debug(0, "starting asynchronous read")),
    CC_SUBSCRIBE(debug(10, "subscribing to communication group %1")),
    CC_TIMEOUT(error("timeout reading data from command channel")),
    CC_UNSUBSCRIBE(debug(10, "unsubscribing from communication group %1")),
    CC_WRITE_ERROR(error("error writing data to command channel (%1)")),
    CC_ZERO_LENGTH(error("invalid message length (0)"));

    private final MessageDef def;

    CcMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
