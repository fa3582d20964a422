package org.kea4j.dhcp6.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.fatal;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the DHCPv6 server (Kea's DHCP6). */
public enum Dhcp6Messages implements MessageId {
    DHCP6_ACTIVATE_INTERFACE(info("activating interface %1")),
    DHCP6_ALREADY_RUNNING(fatal("%1 already running? %2")),
    DHCP6_CCSESSION_STARTED(debug(0, "control channel session started on socket %1")),
    DHCP6_CCSESSION_STARTING(debug(0, "starting control channel session, specfile: %1")),
    DHCP6_CLASS_ASSIGNED(debug(50, "client packet has been assigned to the following class(es): %1")),
    DHCP6_CLIENTID_MISSING(error("mandatory client-id option is missing, message from %1 dropped")),
    DHCP6_COMMAND_RECEIVED(debug(10, "received command %1, arguments: %2")),
    DHCP6_CONFIG_COMPLETE(info("DHCPv6 server has completed configuration: %1")),
    DHCP6_CONFIG_LOAD_FAIL(error("configuration error using file: %1, reason: %2")),
    DHCP6_CONFIG_NEW_SUBNET(info("a new subnet has been added to configuration: %1")),
    DHCP6_CONFIG_OPTION_DUPLICATE(warn("multiple options with the code: %1 added to the subnet: %2")),
    DHCP6_CONFIG_RECEIVED(debug(10, "received configuration: %1")),
    DHCP6_CONFIG_START(debug(0, "DHCPv6 server is processing the following configuration: %1")),
    DHCP6_CONFIG_UPDATE(debug(10, "updated configuration received: %1")),
    DHCP6_DB_BACKEND_STARTED(info("lease database started (type: %1, name: %2)")),
    DHCP6_DDNS_CREATE_ADD_NAME_CHANGE_REQUEST(debug(50, "created name change request: %1")),
    DHCP6_DDNS_CREATE_REMOVE_NAME_CHANGE_REQUEST(debug(50, "created name change request: %1")),
    DHCP6_DDNS_LEASE_ASSIGN_FQDN_CHANGE(debug(50, "FQDN for the allocated lease: %1 has changed. New values: hostname = %2, reverse mapping = %3, forward mapping = %4")),
    DHCP6_DDNS_LEASE_RENEW_FQDN_CHANGE(debug(50, "FQDN for the renewed lease: %1 has changed. New values: hostname = %2, reverse mapping = %3, forward mapping = %4")),
    DHCP6_DDNS_RECEIVE_FQDN(debug(50, "received DHCPv6 Client FQDN Option: %1")),
    DHCP6_DDNS_REMOVE_INVALID_HOSTNAME(error("invalid FQDN: %1 for the lease: %2 when removing DNS bindings")),
    DHCP6_DDNS_REQUEST_SEND_FAILED(error("failed sending a request to kea-dhcp-ddns, error: %1, ncr: %2")),
    DHCP6_DDNS_SEND_FQDN(debug(50, "sending DHCPv6 Client FQDN Option to the client: %1")),
    DHCP6_DEACTIVATE_INTERFACE(info("deactivate interface %1")),
    DHCP6_DYNAMIC_RECONFIGURATION(info("initate server reconfiguration using file: %1, after receiving SIGHUP signal")),
    DHCP6_DYNAMIC_RECONFIGURATION_FAIL(error("dynamic server reconfiguration failed with file: %1")),
    // Kea 1.x+ (not in 0.9.1)
    DHCP6_DYNAMIC_RECONFIGURATION_SUCCESS(info("dynamic server reconfiguration succeeded with file: %1")),
    DHCP6_EXTEND_LEASE_SUBNET_SELECTED(debug(50, "the %1 subnet was selected for client extending its lease")),
    DHCP6_EXTEND_LEASE_SUBNET_SELECT_FAILED(warn("failed to select a subnet for received %1: src=%2 type=%3")),
    DHCP6_EXTEND_NA_UNKNOWN(warn("received unknown IA_NA from client (duid=%1, iaid=%2) in subnet %3")),
    DHCP6_EXTEND_NA_UNKNOWN_SUBNET(warn("%1 message received from client on unknown subnet (duid=%2, iaid=%3)")),
    DHCP6_EXTEND_PD_NO_BINDING(warn("client sent a %1 message to extend lifetimes of prefixes for an unknown binding: duid=%2, iaid=%3, subnet=%4")),
    DHCP6_EXTEND_PD_UNKNOWN_SUBNET(warn("%1 message received from client on unknown subnet (duid=%2, iaid=%3)")),
    DHCP6_HOOKS_LIBS_RELOAD_FAIL(error("reload of hooks libraries failed")),
    DHCP6_HOOK_BUFFER_RCVD_SKIP(debug(40, "received DHCPv6 buffer was dropped because a callout set the skip flag")),
    DHCP6_HOOK_BUFFER_SEND_SKIP(debug(40, "prepared DHCPv6 response was dropped because a callout set the skip flag")),
    DHCP6_HOOK_LEASE6_EXTEND_SKIP(debug(40, "DHCPv6 lease lifetime was not extended because a callout set the skip flag for message %1")),
    DHCP6_HOOK_LEASE6_RELEASE_NA_SKIP(debug(40, "DHCPv6 address lease was not released because a callout set the skip flag")),
    DHCP6_HOOK_LEASE6_RELEASE_PD_SKIP(debug(40, "DHCPv6 prefix lease was not released because a callout set the skip flag")),
    DHCP6_HOOK_LEASE6_RENEW_SKIP(debug(40, "DHCPv6 lease was not renewed because a callout set the skip flag")),
    DHCP6_HOOK_PACKET_RCVD_SKIP(debug(40, "received DHCPv6 packet was dropped because a callout set the skip flag")),
    DHCP6_HOOK_PACKET_SEND_SKIP(debug(40, "prepared DHCPv6 response was not sent because a callout set the skip flag")),
    DHCP6_HOOK_SUBNET6_SELECT_SKIP(debug(40, "no subnet was selected because a callout set the skip flag")),
    DHCP6_INIT_FAIL(error("failed to initialize Kea server: %1")),
    DHCP6_LEASE_ADVERT(debug(50, "address lease %1 advertised (client duid=%2, iaid=%3)")),
    DHCP6_LEASE_ADVERT_FAIL(debug(50, "failed to advertise an address lease for client duid=%1, iaid=%2")),
    DHCP6_LEASE_ALLOC(debug(50, "address lease %1 has been allocated (client duid=%2, iaid=%3)")),
    DHCP6_LEASE_ALLOC_FAIL(debug(50, "failed to grant an address lease for client duid=%1, iaid=%2")),
    DHCP6_LEASE_DATABASE_TIMERS_EXEC_FAIL(warn("failed to execute timer-based functions for lease database: %1")),
    DHCP6_LEASE_NA_WITHOUT_DUID(error("address lease for address %1 does not have a DUID")),
    DHCP6_LEASE_PD_WITHOUT_DUID(error("prefix lease for address %1 does not have a DUID")),
    DHCP6_NAME_GEN_UPDATE_FAIL(error("failed to update the lease using address %1, after generating FQDN for a client, reason: %2")),
    DHCP6_NOT_RUNNING(warn("IPv6 DHCP server is not running")),
    DHCP6_NO_INTERFACES(fatal("failed to detect any network interfaces")),
    DHCP6_NO_SOCKETS_OPEN(warn("no interface configured to listen to DHCP traffic")),
    DHCP6_OPEN_SOCKET(debug(0, "opening sockets on port %1")),
    DHCP6_OPEN_SOCKET_FAIL(warn("failed to open socket: %1")),
    DHCP6_PACKET_MISMATCH_SERVERID_DROP(debug(50, "dropping packet %1 (transid=%2, interface=%3) having mismatched server identifier")),
    DHCP6_PACKET_PARSE_FAIL(debug(50, "failed to parse incoming packet: %1")),
    DHCP6_PACKET_PROCESS_FAIL(error("processing of %1 message received from %2 failed: %3")),
    DHCP6_PACKET_RECEIVED(debug(40, "%1 packet received")),
    DHCP6_PACKET_RECEIVE_FAIL(error("error on attempt to receive packet: %1")),
    DHCP6_PACKET_QUEUE_FULL(warn("multi-threading packet queue is full")),
    DHCP6_PACKET_SEND_FAIL(error("failed to send DHCPv6 packet: %1")),
    DHCP6_PACK_FAIL(error("failed to assemble response correctly")),
    DHCP6_PARSER_COMMIT_EXCEPTION(error("parser failed to commit changes")),
    DHCP6_PARSER_COMMIT_FAIL(error("parser failed to commit changes: %1")),
    DHCP6_PARSER_CREATED(debug(10, "created parser for configuration element %1")),
    DHCP6_PARSER_EXCEPTION(error("failed to create or run parser for configuration element %1")),
    DHCP6_PARSER_FAIL(error("failed to create or run parser for configuration element %1: %2")),
    DHCP6_PD_LEASE_ADVERT(debug(50, "prefix lease %1/%2 advertised (client duid=%3, iaid=%4)")),
    DHCP6_PD_LEASE_ADVERT_FAIL(debug(50, "failed to advertise a prefix lease for client duid=%1, iaid=%2")),
    DHCP6_PD_LEASE_ALLOC(debug(50, "prefix lease %1/%2 has been allocated (client duid=%3, iaid=%4)")),
    DHCP6_PD_LEASE_ALLOC_FAIL(debug(50, "failed to grant a prefix lease for client duid=%1, iaid=%2")),
    DHCP6_PROCESS_IA_NA_REQUEST(debug(50, "server is processing IA_NA option (duid=%1, iaid=%2, hint=%3)")),
    DHCP6_PROCESS_IA_PD_REQUEST(debug(50, "server is processing IA_PD option (duid=%1, iaid=%2, hint=%3)")),
    // Kea 2.2's text (0.9.1: "received packet length %1, data length %2, data is %3")
    DHCP6_QUERY_DATA(debug(55, "%1, packet details: %2")),
    DHCP6_RELEASE_MISSING_CLIENTID(warn("client (address=%1) sent RELEASE message without mandatory client-id")),
    DHCP6_RELEASE_NA(debug(50, "address %1 belonging to client duid=%2, iaid=%3 was released properly")),
    DHCP6_RELEASE_NA_FAIL(error("failed to remove address lease for address %1 for duid=%2, iaid=%3")),
    DHCP6_RELEASE_NA_FAIL_WRONG_DUID(warn("client (duid=%1) tried to release address %2, but it belongs to another client (duid=%3)")),
    DHCP6_RELEASE_NA_FAIL_WRONG_IAID(warn("client (duid=%1) tried to release address %2, but it used wrong IAID (expected %3, but got %4)")),
    DHCP6_RELEASE_PD(debug(50, "prefix %1 belonging to client duid=%2, iaid=%3 was released properly")),
    DHCP6_RELEASE_PD_FAIL(error("failed to remove prefix lease for address %1 for duid=%2, iaid=%3")),
    DHCP6_RELEASE_PD_FAIL_WRONG_DUID(warn("client (duid=%1) tried to release prefix %2, but it belongs to another client (duid=%3)")),
    DHCP6_RELEASE_PD_FAIL_WRONG_IAID(warn("client (duid=%1) tried to release prefix %2, but it used wrong IAID (expected %3, but got %4)")),
    DHCP6_REQUIRED_OPTIONS_CHECK_FAIL(debug(50, "%1 message received from %2 failed the following check: %3")),
    DHCP6_RESPONSE_DATA(debug(55, "responding with packet type %1 data is %2")),
    DHCP6_SERVERID_GENERATED(info("server-id %1 has been generated and will be stored in %2")),
    DHCP6_SERVERID_LOADED(debug(40, "server-id %1 has been loaded from file %2")),
    DHCP6_SERVERID_WRITE_FAIL(warn("server was not able to write its ID to file %1")),
    DHCP6_SERVER_FAILED(fatal("server failed: %1")),
    DHCP6_SHUTDOWN(info("server shutdown")),
    DHCP6_SHUTDOWN_REQUEST(debug(0, "shutdown of server requested")),
    DHCP6_SOCKET_UNICAST(debug(50, "server is about to open socket on address %1 on interface %2")),
    DHCP6_SRV_CONSTRUCT_ERROR(error("error creating Dhcpv6Srv object, reason: %1")),
    DHCP6_STANDALONE(debug(0, "skipping message queue, running standalone")),
    DHCP6_STARTED(info("Kea DHCPv6 server version %1 started")),
    DHCP6_STARTING(info("Kea DHCPv6 server version %1 starting")),
    DHCP6_START_INFO(debug(0, "pid: %1, port: %2, verbose: %3")),
    DHCP6_SUBNET_SELECTED(debug(50, "the %1 subnet was selected for client assignment")),
    DHCP6_SUBNET_SELECTION_FAILED(warn("failed to select a subnet for incoming packet, src=%1 type=%2")),
    DHCP6_UNKNOWN_MSG_RECEIVED(debug(40, "received unknown message (type %d) on interface %2")),
    DHCP6_UNKNOWN_RELEASE_NA(warn("received RELEASE from unknown client (IA_NA, duid=%1, iaid=%2)")),
    DHCP6_UNKNOWN_RELEASE_PD(warn("received RELEASE from unknown client (IA_PD, duid=%1, iaid=%2)"));

    private final MessageDef def;

    Dhcp6Messages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
