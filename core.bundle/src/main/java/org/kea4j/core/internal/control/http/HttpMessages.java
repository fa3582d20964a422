package org.kea4j.core.internal.control.http;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the HTTP control channel, with the IDs and texts of Kea 2.2's control agent and HTTP library. */
public enum HttpMessages implements MessageId {
    CTRL_AGENT_HTTP_SERVICE_STARTED(info("HTTP service bound to address %1:%2")),
    CTRL_AGENT_HTTPS_SERVICE_STARTED(info("HTTPS service bound to address %1:%2")),
    CTRL_AGENT_COMMAND_RECEIVED(debug(10, "command %1 received from remote address %2")),
    CTRL_AGENT_COMMAND_FORWARD_BEGIN(debug(10, "begin forwarding command %1 to service %2")),
    CTRL_AGENT_COMMAND_FORWARDED(debug(10, "command %1 successfully forwarded to the service %2 from remote address %3")),
    CTRL_AGENT_COMMAND_FORWARD_FAILED(error("failed forwarding command %1: %2")),
    HTTP_CLIENT_REQUEST_RECEIVED(debug(40, "received HTTP request from %1")),
    HTTP_BAD_CLIENT_REQUEST_RECEIVED(debug(40, "bad request received from %1: %2")),
    HTTP_SERVER_RESPONSE_SEND(debug(40, "sending HTTP response %1 to %2")),
    HTTP_CLIENT_REQUEST_AUTHORIZED(debug(40, "received HTTP request authorized for '%1'")),
    HTTP_CLIENT_REQUEST_NOT_AUTHORIZED(info("received HTTP request with not matching authentication header")),
    HTTP_CLIENT_REQUEST_NO_AUTH_HEADER(info("received HTTP request without required authentication header")),
    HTTP_CLIENT_REQUEST_BAD_AUTH_HEADER(info("received HTTP request with malformed authentication header: %1")),
    HTTP_CONNECTION_HANDSHAKE_FAILED(info("TLS handshake with %1 failed with %2")),
    HTTP_CONNECTION_STOP(debug(40, "stopping HTTP connection from %1")),
    HTTP_IDLE_CONNECTION_TIMEOUT_OCCURRED(debug(40, "closing persistent connection with %1 as a result of a timeout"));

    private final MessageDef def;

    HttpMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
