package org.kea4j.ddns.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the DHCP-DDNS server (Kea's DHCP_DDNS). */
public enum DdnsMessages implements MessageId {
    DHCP_DDNS_ADD_FAILED(error("DHCP_DDNS Transaction outcome: %1")),
    DHCP_DDNS_ADD_SUCCEEDED(info("DHCP_DDNS successfully added the DNS mapping addition for this request: %1")),
    DHCP_DDNS_AT_MAX_TRANSACTIONS(debug(50, "application has %1 queued requests but has reached maximum number of %2 concurrent transactions")),
    DHCP_DDNS_CFG_FILE_RELOAD_ERROR(error("configuration reload failed: %1, reverting to current configuration.")),
    DHCP_DDNS_CFG_FILE_RELOAD_SIGNAL_RECVD(info("OS signal %1 received, reloading configuration from file: %2")),
    DHCP_DDNS_CLEARED_FOR_SHUTDOWN(debug(0, "application has met shutdown criteria for shutdown type: %1")),
    DHCP_DDNS_COMMAND(debug(10, "command directive received, command: %1 - args: %2")),
    DHCP_DDNS_CONFIGURE(debug(10, "configuration update received: %1")),
    DHCP_DDNS_FAILED(debug(50, "application experienced a fatal error: %1")),
    DHCP_DDNS_FORWARD_ADD_BAD_DNSCLIENT_STATUS(error("DHCP_DDNS received an unknown DNSClient status: %1, while adding a forward address mapping for FQDN %2 to DNS server %3")),
    DHCP_DDNS_FORWARD_ADD_BUILD_FAILURE(error("DNS udpate message to add a forward DNS entry could not be constructed for this request: %1, reason: %2")),
    DHCP_DDNS_FORWARD_ADD_IO_ERROR(error("DHCP_DDNS encountered an IO error sending a forward mapping add for FQDN %1 to DNS server %2")),
    DHCP_DDNS_FORWARD_ADD_REJECTED(error("DNS Server, %1, rejected a DNS update request to add the address mapping for FQDN, %2, with an RCODE: %3")),
    DHCP_DDNS_FORWARD_ADD_RESP_CORRUPT(error("DHCP_DDNS received a corrupt response from the DNS server, %1, while adding forward address mapping for FQDN, %2")),
    DHCP_DDNS_FORWARD_REMOVE_ADDRS_BAD_DNSCLIENT_STATUS(error("DHCP_DDNS received an unknown DNSClient status: %1, while removing a forward address mapping for FQDN %2 to DNS server %3")),
    DHCP_DDNS_FORWARD_REMOVE_ADDRS_BUILD_FAILURE(error("DNS udpate message to remove a forward DNS Address entry could not be constructed for this request: %1, reason: %2")),
    DHCP_DDNS_FORWARD_REMOVE_ADDRS_IO_ERROR(error("DHCP_DDNS encountered an IO error sending a forward mapping address removal for FQDN %1 to DNS server %2")),
    DHCP_DDNS_FORWARD_REMOVE_ADDRS_REJECTED(error("DNS Server, %1, rejected a DNS update request to remove the forward address mapping for FQDN, %2, with an RCODE: %3")),
    DHCP_DDNS_FORWARD_REMOVE_ADDRS_RESP_CORRUPT(error("DHCP_DDNS received a corrupt response from the DNS server, %1, while removing forward address mapping for FQDN, %2")),
    DHCP_DDNS_FORWARD_REMOVE_RRS_BAD_DNSCLIENT_STATUS(error("DHCP_DDNS received an unknown DNSClient status: %1, while removing forward RRs for FQDN %2 to DNS server %3")),
    DHCP_DDNS_FORWARD_REMOVE_RRS_BUILD_FAILURE(error("DNS udpate message to remove forward DNS RR entries could not be constructed for this request: %1, reason: %2")),
    DHCP_DDNS_FORWARD_REMOVE_RRS_IO_ERROR(error("DHCP_DDNS encountered an IO error sending a forward RR removal for FQDN %1 to DNS server %2")),
    DHCP_DDNS_FORWARD_REMOVE_RRS_REJECTED(error("DNS Server, %1, rejected a DNS update request to remove forward RR entries for FQDN, %2, with an RCODE: %3")),
    DHCP_DDNS_FORWARD_REMOVE_RRS_RESP_CORRUPT(error("DHCP_DDNS received a corrupt response from the DNS server, %1, while removing forward RRs for FQDN, %2")),
    DHCP_DDNS_FORWARD_REPLACE_BAD_DNSCLIENT_STATUS(error("DHCP_DDNS received an unknown DNSClient status: %1, while replacing forward address mapping for FQDN %2 to DNS server %3")),
    DHCP_DDNS_FORWARD_REPLACE_BUILD_FAILURE(error("DNS update message to replace a forward DNS entry could not be constructed from this request: %1, reason: %2")),
    DHCP_DDNS_FORWARD_REPLACE_IO_ERROR(error("DHCP_DDNS encountered an IO error sending a forward mapping replace for FQDN %1 to DNS server %2")),
    DHCP_DDNS_FORWARD_REPLACE_REJECTED(error("DNS Server, %1, rejected a DNS update request to replace the address mapping for FQDN, %2, with an RCODE: %3")),
    DHCP_DDNS_FORWARD_REPLACE_RESP_CORRUPT(error("DHCP_DDNS received a corrupt response from the DNS server, %1, while replacing forward address mapping for FQDN, %2")),
    DHCP_DDNS_FWD_REQUEST_IGNORED(debug(50, "Forward updates are disabled, the forward portion of request will be ignored: %1")),
    DHCP_DDNS_INVALID_NCR(error("application received an invalid DNS update request: %1")),
    DHCP_DDNS_INVALID_RESPONSE(debug(50, "received response to DNS Update message is malformed: %1")),
    DHCP_DDNS_NCR_FLUSH_IO_ERROR(error("DHCP-DDNS Last send before stopping did not complete successfully: %1")),
    DHCP_DDNS_NCR_LISTEN_CLOSE_ERROR(error("application encountered an error while closing the listener used to receive NameChangeRequests : %1")),
    DHCP_DDNS_NCR_RECV_NEXT_ERROR(error("application could not initiate the next read following a request receive.")),
    DHCP_DDNS_NCR_SEND_CLOSE_ERROR(error("DHCP-DDNS client encountered an error while closing the sender connection used to send NameChangeRequests: %1")),
    DHCP_DDNS_NCR_SEND_NEXT_ERROR(error("DHCP-DDNS client could not initiate the next request send following send completion: %1")),
    DHCP_DDNS_NCR_UDP_CLEAR_READY_ERROR(error("NCR UDP watch socket failed to clear: %1")),
    DHCP_DDNS_NCR_UDP_RECV_CANCELED(debug(50, "UDP socket receive was canceled while listening for DNS Update requests")),
    DHCP_DDNS_NCR_UDP_RECV_ERROR(error("UDP socket receive error while listening for DNS Update requests: %1")),
    DHCP_DDNS_NCR_UDP_SEND_CANCELED(info("UDP socket send was canceled while sending a DNS Update request to DHCP_DDNS: %1")),
    DHCP_DDNS_NCR_UDP_SEND_ERROR(error("UDP socket send error while sending a DNS Update request: %1")),
    DHCP_DDNS_NOT_ON_LOOPBACK(warn("the DHCP-DDNS server has been configured to listen on %1 which is not the local loopback. This is an insecure configuration supported for testing purposes only")),
    DHCP_DDNS_NO_ELIGIBLE_JOBS(debug(50, "although there are queued requests, there are pending transactions for each Queue count: %1 Transaction count: %2")),
    DHCP_DDNS_NO_FWD_MATCH_ERROR(error("the configured list of forward DDNS domains does not contain a match for: %1 The request has been discarded.")),
    DHCP_DDNS_NO_MATCH(warn("No DNS servers match FQDN %1")),
    DHCP_DDNS_NO_REV_MATCH_ERROR(error("the configured list of reverse DDNS domains does not contain a match for: %1 The request has been discarded.")),
    DHCP_DDNS_PROCESS_INIT(debug(50, "application init invoked")),
    DHCP_DDNS_QUEUE_MGR_QUEUE_FULL(error("application request queue has reached maximum number of entries %1")),
    DHCP_DDNS_QUEUE_MGR_RECONFIGURING(info("application is reconfiguring the queue manager")),
    DHCP_DDNS_QUEUE_MGR_RECOVERING(info("application is attempting to recover from a queue manager IO error")),
    DHCP_DDNS_QUEUE_MGR_RECV_ERROR(error("application's queue manager was notified of a request receive error by its listener.")),
    DHCP_DDNS_QUEUE_MGR_RESUME_ERROR(error("application could not restart the queue manager, reason: %1")),
    DHCP_DDNS_QUEUE_MGR_RESUMING(info("application is resuming listening for requests now that the request queue size has reached %1 of a maximum %2 allowed")),
    DHCP_DDNS_QUEUE_MGR_STARTED(debug(0, "application's queue manager has begun listening for requests.")),
    DHCP_DDNS_QUEUE_MGR_START_ERROR(error("application could not start the queue manager, reason: %1")),
    DHCP_DDNS_QUEUE_MGR_STOPPED(debug(0, "application's queue manager has stopped listening for requests.")),
    DHCP_DDNS_QUEUE_MGR_STOPPING(info("application is stopping the queue manager for %1")),
    DHCP_DDNS_QUEUE_MGR_STOP_ERROR(error("application encountered an error stopping the queue manager: %1")),
    DHCP_DDNS_QUEUE_MGR_UNEXPECTED_HANDLER_ERROR(error("application's queue manager request receive handler experienced an unexpected exception %1:")),
    DHCP_DDNS_QUEUE_MGR_UNEXPECTED_STOP(error("application's queue manager receive was")),
    DHCP_DDNS_REMOVE_SUCCEEDED(info("DHCP_DDNS successfully removed the DNS mapping addition for this request: %1")),
    DHCP_DDNS_REQUEST_DROPPED(debug(50, "Request contains no enabled update requests and will be dropped: %1")),
    DHCP_DDNS_REVERSE_REMOVE_BAD_DNSCLIENT_STATUS(error("DHCP_DDNS received an unknown DNSClient status: %1, while removing reverse address mapping for FQDN %2 to DNS server %3")),
    DHCP_DDNS_REVERSE_REMOVE_BUILD_FAILURE(error("DNS update message to remove a reverse DNS entry could not be constructed from this request: %1, reason: %2")),
    DHCP_DDNS_REVERSE_REMOVE_IO_ERROR(error("DHCP_DDNS encountered an IO error sending a reverse mapping remove for FQDN %1 to DNS server %2")),
    DHCP_DDNS_REVERSE_REMOVE_REJECTED(error("DNS Server, %1, rejected a DNS update request to remove the reverse mapping for FQDN, %2, with an RCODE: %3")),
    DHCP_DDNS_REVERSE_REMOVE_RESP_CORRUPT(error("DHCP_DDNS received a corrupt response from the DNS server, %1, while removing reverse address mapping for FQDN, %2")),
    DHCP_DDNS_REVERSE_REPLACE_BAD_DNSCLIENT_STATUS(error("DHCP_DDNS received an unknown DNSClient status: %1, while replacing reverse address mapping for FQDN %2 to DNS server %3")),
    DHCP_DDNS_REVERSE_REPLACE_BUILD_FAILURE(error("DNS update message to replace a reverse DNS entry could not be constructed from this request: %1, reason: %2")),
    DHCP_DDNS_REVERSE_REPLACE_IO_ERROR(error("DHCP_DDNS encountered an IO error sending a reverse mapping replacement for FQDN %1 to DNS server %2")),
    DHCP_DDNS_REVERSE_REPLACE_REJECTED(error("DNS Server, %1, rejected a DNS update request to replace the reverse mapping for FQDN, %2, with an RCODE: %3")),
    DHCP_DDNS_REVERSE_REPLACE_RESP_CORRUPT(error("DHCP_DDNS received a corrupt response from the DNS server, %1, while replacing reverse address mapping for FQDN, %2")),
    DHCP_DDNS_REV_REQUEST_IGNORED(debug(50, "Reverse updates are disabled, the reverse portion of request will be ignored: %1")),
    DHCP_DDNS_RUN_EXIT(debug(0, "application is exiting the event loop")),
    DHCP_DDNS_SHUTDOWN_COMMAND(debug(0, "application received shutdown command with args: %1")),
    DHCP_DDNS_SHUTDOWN_SIGNAL_RECVD(debug(0, "OS signal %1 received, starting shutdown")),
    DHCP_DDNS_SIGNAL_ERROR(error("signal handler for signal %1, threw an unexpected exception: %2")),
    DHCP_DDNS_STARTED(info("Kea DHCP-DDNS server version %1 started")),
    DHCP_DDNS_STARTING(info("DHCP-DDNS starting, pid: %1, version: %2")),
    DHCP_DDNS_STATE_MODEL_UNEXPECTED_ERROR(error("application encountered an unexpected error while carrying out a NameChangeRequest: %1")),
    DHCP_DDNS_TRANS_SEND_ERROR(error("application encountered an unexpected error while attempting to send a DNS update: %1")),
    DHCP_DDNS_UNCAUGHT_NCR_RECV_HANDLER_ERROR(error("unexpected exception thrown from the application receive completion handler: %1")),
    DHCP_DDNS_UNCAUGHT_NCR_SEND_HANDLER_ERROR(error("unexpected exception thrown from the DHCP-DDNS client send completion handler: %1")),
    DHCP_DDNS_UNSUPPORTED_SIGNAL(debug(50, "ignoring reception of unsupported signal: %1")),
    DHCP_DDNS_UPDATE_REQUEST_SENT(debug(40, "%1 for transaction key: %2 to server: %3")),
    DHCP_DDNS_UPDATE_RESPONSE_RECEIVED(debug(40, "for transaction key: %1 to server: %2 status: %3")),
    DHCP_DDNS_WATCH_SINK_CLOSE_ERROR(error("Sink-side watch socket failed to close: %1")),
    DHCP_DDNS_WATCH_SOURCE_CLOSE_ERROR(error("Source-side watch socket failed to close: %1"));

    private final MessageDef def;

    DdnsMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
