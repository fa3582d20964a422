package org.kea4j.ddns.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/**
 * Messages of the DHCP servers' DDNS side, which ddns.bundle carries out as callouts: Kea's DHCP4_* name and NCR
 * messages and its DHCPSRV_DHCP_DDNS_* sender messages.
 */
public enum ServerDdnsMessages implements MessageId {
    DHCP4_CLIENT_NAME_PROC_FAIL(debug(50, "failed to process the fqdn or hostname sent by a client: %1")),
    DHCP4_DDNS_REQUEST_SEND_FAILED(error("failed sending a request to kea-dhcp-ddns, error: %1, ncr: %2")),
    DHCP4_DHCID_COMPUTE_ERROR(error("failed to compute the DHCID for lease: %1, reason: %2")),
    DHCP4_EMPTY_HOSTNAME(debug(50, "received empty hostname from the client, skipping processing of this option")),
    DHCP4_NCR_CREATION_FAILED(error("failed to generate name change requests for DNS: %1")),
    DHCP4_QUEUE_NCR(debug(50, "name change request to %1 DNS entry queued: %2")),
    DHCPSRV_DHCP_DDNS_ERROR_EXCEPTION(error("error handler for DHCP_DDNS IO generated an expected exception: %1")),
    DHCPSRV_DHCP_DDNS_HANDLER_NULL(error("error handler for DHCP_DDNS IO is not set.")),
    DHCPSRV_DHCP_DDNS_NCR_REJECTED(error("NameChangeRequest rejected by the sender: %1, ncr: %2")),
    DHCPSRV_DHCP_DDNS_NCR_SENT(debug(40, "NameChangeRequest sent to kea-dhcp-ddns: %1")),
    DHCPSRV_DHCP_DDNS_SENDER_STARTED(info("NameChangeRequest sender has been started: %1")),
    DHCPSRV_DHCP_DDNS_SENDER_STOPPED(info("NameChangeRequest sender has been stopped."));

    private final MessageDef def;

    ServerDdnsMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
