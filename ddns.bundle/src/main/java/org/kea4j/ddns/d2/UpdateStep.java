package org.kea4j.ddns.d2;

import static org.kea4j.ddns.internal.DdnsMessages.*;

import org.kea4j.ddns.internal.DdnsMessages;

/** One DNS UPDATE of a transaction, with the messages Kea logs when it cannot be built, sent, or is refused. */
enum UpdateStep {
    FORWARD_ADD(DHCP_DDNS_FORWARD_ADD_BUILD_FAILURE, DHCP_DDNS_FORWARD_ADD_IO_ERROR, DHCP_DDNS_FORWARD_ADD_REJECTED,
            DHCP_DDNS_FORWARD_ADD_RESP_CORRUPT),
    FORWARD_REPLACE(DHCP_DDNS_FORWARD_REPLACE_BUILD_FAILURE, DHCP_DDNS_FORWARD_REPLACE_IO_ERROR,
            DHCP_DDNS_FORWARD_REPLACE_REJECTED, DHCP_DDNS_FORWARD_REPLACE_RESP_CORRUPT),
    REVERSE_REPLACE(DHCP_DDNS_REVERSE_REPLACE_BUILD_FAILURE, DHCP_DDNS_REVERSE_REPLACE_IO_ERROR,
            DHCP_DDNS_REVERSE_REPLACE_REJECTED, DHCP_DDNS_REVERSE_REPLACE_RESP_CORRUPT),
    FORWARD_REMOVE_ADDRS(DHCP_DDNS_FORWARD_REMOVE_ADDRS_BUILD_FAILURE, DHCP_DDNS_FORWARD_REMOVE_ADDRS_IO_ERROR,
            DHCP_DDNS_FORWARD_REMOVE_ADDRS_REJECTED, DHCP_DDNS_FORWARD_REMOVE_ADDRS_RESP_CORRUPT),
    FORWARD_REMOVE_RRS(DHCP_DDNS_FORWARD_REMOVE_RRS_BUILD_FAILURE, DHCP_DDNS_FORWARD_REMOVE_RRS_IO_ERROR,
            DHCP_DDNS_FORWARD_REMOVE_RRS_REJECTED, DHCP_DDNS_FORWARD_REMOVE_RRS_RESP_CORRUPT),
    REVERSE_REMOVE(DHCP_DDNS_REVERSE_REMOVE_BUILD_FAILURE, DHCP_DDNS_REVERSE_REMOVE_IO_ERROR,
            DHCP_DDNS_REVERSE_REMOVE_REJECTED, DHCP_DDNS_REVERSE_REMOVE_RESP_CORRUPT);

    final DdnsMessages buildFailure;
    final DdnsMessages ioError;
    final DdnsMessages rejected;
    final DdnsMessages corrupt;

    UpdateStep(DdnsMessages buildFailure, DdnsMessages ioError, DdnsMessages rejected, DdnsMessages corrupt) {
        this.buildFailure = buildFailure;
        this.ioError = ioError;
        this.rejected = rejected;
        this.corrupt = corrupt;
    }
}
