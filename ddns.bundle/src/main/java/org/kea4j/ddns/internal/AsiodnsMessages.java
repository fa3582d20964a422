package org.kea4j.ddns.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the DNS transport (Kea's ASIODNS). */
public enum AsiodnsMessages implements MessageId {
    ASIODNS_FD_ADD_TCP(debug(50, "adding a new TCP server by opened fd %1")),
    ASIODNS_FD_ADD_UDP(debug(50, "adding a new UDP server by opened fd %1")),
    ASIODNS_FETCH_COMPLETED(debug(50, "upstream fetch to %1(%2) has now completed")),
    ASIODNS_FETCH_STOPPED(debug(0, "upstream fetch to %1(%2) has been stopped")),
    ASIODNS_OPEN_SOCKET(error("error %1 opening %2 socket to %3(%4)")),
    ASIODNS_READ_DATA(error("error %1 reading %2 data from %3(%4)")),
    ASIODNS_READ_TIMEOUT(debug(50, "receive timeout while waiting for data from %1(%2)")),
    ASIODNS_SEND_DATA(error("error %1 sending data using %2 to %3(%4)")),
    ASIODNS_SYNC_UDP_CLOSE_FAIL(error("failed to close a DNS/UDP socket: %1")),
    ASIODNS_TCP_ACCEPT_FAIL(error("failed to accept TCP DNS connection: %1")),
    ASIODNS_TCP_CLEANUP_CLOSE_FAIL(error("failed to close a DNS/TCP socket on port cleanup: %1")),
    ASIODNS_TCP_CLOSE_ACCEPTOR_FAIL(error("failed to close listening TCP socket: %1")),
    ASIODNS_TCP_CLOSE_FAIL(debug(50, "failed to close DNS/TCP socket with a client: %1")),
    ASIODNS_TCP_CLOSE_NORESP_FAIL(debug(50, "failed to close DNS/TCP socket with a client: %1")),
    ASIODNS_TCP_GETREMOTE_FAIL(error("failed to get remote address of a DNS TCP connection: %1")),
    ASIODNS_TCP_READDATA_FAIL(error("failed to get DNS data on a TCP socket: %1")),
    ASIODNS_TCP_READLEN_FAIL(error("failed to get DNS data length on a TCP socket: %1")),
    ASIODNS_TCP_WRITE_FAIL(error("failed to send DNS message over a TCP socket: %1")),
    ASIODNS_UDP_ASYNC_SEND_FAIL(error("Error sending UDP packet to %1: %2")),
    ASIODNS_UDP_CLOSE_FAIL(error("failed to close a DNS/UDP socket: %1")),
    ASIODNS_UDP_RECEIVE_FAIL(error("failed to receive UDP DNS packet: %1")),
    ASIODNS_UDP_SYNC_RECEIVE_FAIL(error("failed to receive UDP DNS packet: %1")),
    ASIODNS_UDP_SYNC_SEND_FAIL(error("Error sending UDP packet to %1: %2")),
    ASIODNS_UNKNOWN_ORIGIN(error("unknown origin for ASIO error code %1 (protocol: %2, address %3)")),
    ASIODNS_UNKNOWN_RESULT(error("unknown result (%1) when IOFetch::stop() was executed for I/O to %2(%3)"));

    private final MessageDef def;

    AsiodnsMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
