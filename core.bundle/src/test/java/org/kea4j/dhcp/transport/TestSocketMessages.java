package org.kea4j.dhcp.transport;

import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Message IDs of a test's server sockets, in the shape of a server's ({@code DHCP4_OPEN_SOCKET} and the others). */
public enum TestSocketMessages implements MessageId {
    TEST_OPEN_SOCKET(MessageDef.info("opening sockets on port %1")),
    TEST_OPEN_SOCKET_FAIL(MessageDef.warn("failed to open socket: %1")),
    TEST_NO_SOCKETS_OPEN(MessageDef.warn("no socket open")),
    TEST_PACKET_RECEIVE_FAIL(MessageDef.error("error on attempt to receive packet: %1"));

    /** What a test's {@link ServerSockets} log, on the logger {@code test.sockets}. */
    public static final ServerSockets.Messages MESSAGES = new ServerSockets.Messages(KeaLogger.get("test.sockets"),
            TEST_OPEN_SOCKET, TEST_OPEN_SOCKET_FAIL, TEST_NO_SOCKETS_OPEN, TEST_PACKET_RECEIVE_FAIL);

    private final MessageDef def;

    TestSocketMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
