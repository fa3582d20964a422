package org.kea4j.dhcp4.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.fatal;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the DHCPv4 server (Kea's DHCP4). */
public enum Dhcp4Messages implements MessageId {
    DHCP4_ACTIVATE_INTERFACE(info("activating interface %1")),
    DHCP4_ALREADY_RUNNING(fatal("%1 already running? %2")),
    DHCP4_CCSESSION_STARTED(debug(0, "control channel session started on socket %1")),
    DHCP4_CCSESSION_STARTING(debug(0, "starting control channel session, specfile: %1")),
    DHCP4_CLASS_ASSIGNED(debug(50, "client packet has been assigned to the following class(es): %1")),
    DHCP4_COMMAND_RECEIVED(debug(10, "received command %1, arguments: %2")),
    DHCP4_CONFIG_COMPLETE(info("DHCPv4 server has completed configuration: %1")),
    DHCP4_CONFIG_LOAD_FAIL(error("configuration error using file: %1, reason: %2")),
    DHCP4_CONFIG_NEW_SUBNET(info("a new subnet has been added to configuration: %1")),
    DHCP4_CONFIG_OPTION_DUPLICATE(warn("multiple options with the code %1 added to the subnet %2")),
    DHCP4_CONFIG_RECEIVED(debug(10, "received configuration %1")),
    DHCP4_CONFIG_START(debug(0, "DHCPv4 server is processing the following configuration: %1")),
    DHCP4_CONFIG_UPDATE(debug(10, "updated configuration received: %1")),
    DHCP4_DEACTIVATE_INTERFACE(info("deactivate interface %1")),
    // Kea 1.0+ messages of DHCPDECLINE handling (0.9.1 ignored DECLINE)
    DHCP4_DECLINE_LEASE(info("Received DHCPDECLINE for addr %1 from client %2. The lease will be unavailable for %3 seconds.")),
    DHCP4_DECLINE_LEASE_MISMATCH(warn("Received DHCPDECLINE for addr %1 from client %2, but the data doesn't match: received hwaddr: %3, lease hwaddr: %4, received client-id: %5, lease client-id: %6")),
    DHCP4_DECLINE_LEASE_NOT_FOUND(warn("Received DHCPDECLINE for addr %1 from client %2, but no such lease found.")),
    DHCP4_HOOK_DECLINE_SKIP(debug(40, "DHCPDECLINE processing was skipped for address %1 because a callout set the skip or drop status.")),
    DHCP4_DISCOVER_CLASS_PROCESSING_FAILED(debug(50, "client class specific processing failed for DHCPDISCOVER")),
    DHCP4_DYNAMIC_RECONFIGURATION(info("initiate server reconfiguration using file: %1, after receiving SIGHUP signal")),
    DHCP4_DYNAMIC_RECONFIGURATION_FAIL(error("dynamic server reconfiguration failed with file: %1")),
    // Kea 1.x+ (not in 0.9.1)
    DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS(info("dynamic server reconfiguration succeeded with file: %1")),
    DHCP4_HOOKS_LIBS_RELOAD_FAIL(error("reload of hooks libraries failed")),
    DHCP4_HOOK_BUFFER_RCVD_SKIP(debug(40, "received DHCPv4 buffer was dropped because a callout set the skip flag.")),
    DHCP4_HOOK_BUFFER_SEND_SKIP(debug(40, "prepared DHCPv4 response was dropped because a callout set the skip flag.")),
    DHCP4_HOOK_LEASE4_RELEASE_SKIP(debug(40, "DHCPv4 lease was not released because a callout set the skip flag.")),
    DHCP4_HOOK_PACKET_RCVD_SKIP(debug(40, "received DHCPv4 packet was dropped, because a callout set the skip flag.")),
    DHCP4_HOOK_PACKET_SEND_SKIP(debug(40, "prepared DHCPv6 response was not sent, because a callout set skip flag.")),
    DHCP4_HOOK_SUBNET4_SELECT_SKIP(debug(40, "no subnet was selected, because a callout set skip flag.")),
    DHCP4_INFORM_CLASS_PROCESSING_FAILED(debug(50, "client class specific processing failed for DHCPINFORM")),
    DHCP4_INIT_FAIL(error("failed to initialize Kea server: %1")),
    DHCP4_INVALID_ADDRESS_INIT_REBOOT(debug(50, "invalid address %1 requested by INIT-REBOOT client (id: %2, hwaddr: %3)")),
    DHCP4_LEASE_ADVERT(debug(50, "lease %1 advertised (client client-id %2, hwaddr %3)")),
    DHCP4_LEASE_ADVERT_FAIL(debug(50, "failed to advertise a lease for client-id %1, hwaddr %2, client sent ciaddr %3, requested-ip-address %4")),
    DHCP4_LEASE_ALLOC(debug(50, "lease %1 has been allocated for client-id %2, hwaddr %3")),
    DHCP4_LEASE_ALLOC_FAIL(debug(50, "failed to grant a lease for client-id %1, hwaddr %2, client sent ciaddr %3, requested-ip-address %4")),
    DHCP4_LEASE_DATABASE_TIMERS_EXEC_FAIL(warn("failed to execute timer-based functions for lease database: %1")),
    DHCP4_NAME_GEN_UPDATE_FAIL(error("failed to update the lease after generating name for a client: %1")),
    DHCP4_NOT_RUNNING(warn("DHCPv4 server is not running")),
    DHCP4_NO_LEASE_INIT_REBOOT(debug(50, "no lease for address %1 requested by INIT-REBOOT client (id: %2, hwaddr: %3)")),
    DHCP4_NO_SOCKETS_OPEN(warn("no interface configured to listen to DHCP traffic")),
    DHCP4_NO_SUBNET_FOR_DIRECT_CLIENT(info("no suitable subnet configured for a direct client sending packet with transaction id %1, on interface %2, received message is dropped")),
    DHCP4_OPEN_SOCKET(debug(0, "opening sockets on port %1")),
    DHCP4_OPEN_SOCKET_FAIL(warn("failed to open socket: %1")),
    DHCP4_PACKET_DROP_NO_TYPE(debug(50, "packet received on interface %1 dropped, because of missing msg-type option")),
    DHCP4_PACKET_NOT_FOR_US(debug(50, "received DHCPv4 message (transid=%1, iface=%2) dropped because it contains foreign server identifier")),
    DHCP4_PACKET_PARSE_FAIL(debug(50, "failed to parse incoming packet: %1")),
    DHCP4_PACKET_PROCESS_FAIL(error("failed to process packet received from %1: %2")),
    DHCP4_PACKET_RECEIVED(debug(40, "%1 (type %2) packet received on interface %3")),
    DHCP4_PACKET_RECEIVE_FAIL(error("error on attempt to receive packet: %1")),
    DHCP4_PACKET_QUEUE_FULL(warn("multi-threading packet queue is full")),
    DHCP4_PACKET_SEND_FAIL(error("failed to send DHCPv4 packet: %1")),
    DHCP4_PARSER_COMMIT_EXCEPTION(error("parser failed to commit changes")),
    DHCP4_PARSER_COMMIT_FAIL(error("parser failed to commit changes: %1")),
    DHCP4_PARSER_CREATED(debug(10, "created parser for configuration element %1")),
    DHCP4_PARSER_EXCEPTION(error("failed to create or run parser for configuration element %1")),
    DHCP4_PARSER_FAIL(error("failed to create or run parser for configuration element %1: %2")),
    // Kea 2.2's text (0.9.1: "received packet type %1, data is <%2>")
    DHCP4_QUERY_DATA(debug(55, "%1, packet details: %2")),
    DHCP4_RELEASE(debug(50, "address %1 belonging to client-id %2, hwaddr %3 was released properly.")),
    DHCP4_RELEASE_EXCEPTION(error("exception %1 while trying to release address %2")),
    DHCP4_RELEASE_FAIL(error("failed to remove lease for address %1 for duid %2, hwaddr %3")),
    DHCP4_RELEASE_FAIL_NO_LEASE(warn("client (client-id %1, hwaddr %2) tried to release address, %3, but there is no such lease.")),
    DHCP4_RELEASE_FAIL_WRONG_CLIENT_ID(warn("client (client-id %2) tried to release address %1, but it belongs to client (client-id %3)")),
    DHCP4_RELEASE_FAIL_WRONG_HWADDR(warn("client (client-id %2) tried to release address %1, but sent from a wrong hardware address (%3)")),
    DHCP4_REQUEST_CLASS_PROCESSING_FAILED(debug(50, "client class specific processing failed for DHCPREQUEST")),
    DHCP4_RESPONSE_DATA(debug(55, "responding with packet type %1, data is <%2>")),
    DHCP4_SERVER_FAILED(fatal("server failed: %1")),
    DHCP4_SHUTDOWN(info("server shutdown")),
    DHCP4_SHUTDOWN_REQUEST(debug(0, "shutdown of server requested")),
    DHCP4_SRV_CONSTRUCT_ERROR(error("error creating Dhcpv4Srv object, reason: %1")),
    DHCP4_STARTED(info("Kea DHCPv4 server version %1 started")),
    DHCP4_STARTING(info("Kea DHCPv4 server version %1 starting")),
    DHCP4_START_INFO(debug(0, "pid: %1, port: %2, verbose: %3")),
    DHCP4_SUBNET_SELECTED(debug(50, "the %1 subnet was selected for client assignment")),
    DHCP4_SUBNET_SELECTION_FAILED(warn("failed to select a subnet for incoming packet, src: %1, type: %2")),
    DHCP4_UNRECOGNIZED_RCVD_PACKET_TYPE(debug(40, "received message (transaction id %1) has unrecognized type %2 in option 53")),
    DHCP4_UNSUPPORTED_RCVD_PACKET_TYPE(debug(40, "received message (transaction id %1), having type %2 is not supported"));

    private final MessageDef def;

    Dhcp4Messages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
