package org.kea4j.core.internal.dhcpsrv;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the DHCP server library (Kea's DHCPSRV, without the lease back ends). */
public enum DhcpsrvMessages implements MessageId {
    DHCPSRV_ADDRESS4_ALLOC_ERROR(error("error during attempt to allocate an IPv4 address: %1")),
    DHCPSRV_ADDRESS4_ALLOC_FAIL(error("failed to allocate an IPv4 address after %1 attempt(s)")),
    DHCPSRV_ADDRESS6_ALLOC_ERROR(error("error during attempt to allocate an IPv6 address: %1")),
    DHCPSRV_ADDRESS6_ALLOC_FAIL(error("failed to allocate an IPv6 address after %1 attempt(s)")),
    DHCPSRV_CFGMGR_ADD_IFACE(info("listening on interface %1")),
    DHCPSRV_CFGMGR_ALL_IFACES_ACTIVE(debug(10, "enabling listening on all interfaces")),
    DHCPSRV_CFGMGR_CFG_DHCP_DDNS(debug(10, "Setting DHCP-DDNS configuration to: %1")),
    DHCPSRV_CFGMGR_CLEAR_ACTIVE_IFACES(debug(10, "stop listening on all interfaces")),
    DHCPSRV_CFGMGR_NO_SUBNET4(debug(10, "no suitable subnet is defined for address hint %1")),
    DHCPSRV_CFGMGR_NO_SUBNET6(debug(10, "no suitable subnet is defined for address hint %1")),
    DHCPSRV_CFGMGR_ONLY_SUBNET4(debug(10, "retrieved subnet %1 for address hint %2")),
    DHCPSRV_CFGMGR_ONLY_SUBNET6(debug(10, "retrieved subnet %1 for address hint %2")),
    DHCPSRV_CFGMGR_SOCKET_RAW_UNSUPPORTED(warn("use of raw sockets is unsupported on this OS, UDP sockets will be used")),
    DHCPSRV_CFGMGR_SOCKET_TYPE_DEFAULT(info("\"dhcp-socket-type\" not specified , using default socket type %1")),
    DHCPSRV_CFGMGR_SUBNET4(debug(10, "retrieved subnet %1 for address hint %2")),
    DHCPSRV_CFGMGR_SUBNET4_RELAY(debug(10, "selected subnet %1, because of matching relay addr %2")),
    DHCPSRV_CFGMGR_SUBNET6(debug(10, "retrieved subnet %1 for address hint %2")),
    DHCPSRV_CFGMGR_SUBNET6_IFACE(debug(10, "selected subnet %1 for packet received over interface %2")),
    DHCPSRV_CFGMGR_SUBNET6_IFACE_ID(debug(10, "selected subnet %1 (interface-id match) for incoming packet")),
    DHCPSRV_CFGMGR_SUBNET6_RELAY(debug(10, "selected subnet %1, because of matching relay addr %2")),
    DHCPSRV_CFGMGR_UNICAST_LINK_LOCAL(warn("specified link local address %1 for unicast traffic on interface %2")),
    DHCPSRV_CFGMGR_USE_ADDRESS(info("listening on address %1, on interface %2")),
    DHCPSRV_CFGMGR_USE_UNICAST(info("listening on unicast address %1, on interface %2")),
    DHCPSRV_CLOSE_DB(debug(50, "closing currently open %1 database")),
    DHCPSRV_DISCOVER_ADDRESS_CONFLICT(warn("conflicting reservation for address %1 with existing lease %2")),
    DHCPSRV_HOOK_LEASE4_RENEW_SKIP(debug(40, "DHCPv4 lease was not renewed because a callout set the skip flag.")),
    DHCPSRV_HOOK_LEASE4_SELECT_SKIP(debug(40, "Lease4 creation was skipped, because of callout skip flag.")),
    DHCPSRV_HOOK_LEASE6_EXTEND_SKIP(debug(40, "DHCPv6 lease lifetime was not extended because a callout set the skip flag for message %1")),
    DHCPSRV_HOOK_LEASE6_SELECT_SKIP(debug(40, "Lease6 (non-temporary) creation was skipped, because of callout skip flag.")),
    DHCPSRV_HR_RESERVED_ADDR_GRANTED(info("reserved address %1 was was assigned to client (duid=%2)")),
    DHCPSRV_HR_RESERVED_PREFIX_GRANTED(info("reserved prefix %1/%2 was was assigned to client (duid=%3)")),
    DHCPSRV_HR_REVOKED_ADDR6_LEASE(info("address %1 was revoked from client %2 as it is reserved for client %3")),
    DHCPSRV_HR_REVOKED_PREFIX6_LEASE(info("Prefix %1/%2 was revoked from client %3 as it is reserved for client %4")),
    DHCPSRV_INVALID_ACCESS(error("invalid database access string: %1")),
    DHCPSRV_MULTIPLE_RAW_SOCKETS_PER_IFACE(warn("current configuration will result in opening multiple brodcast capable sockets on some interfaces and some DHCP messages may be duplicated")),
    DHCPSRV_NOTYPE_DB(error("no 'type' keyword to determine database backend: %1")),
    DHCPSRV_NO_SOCKETS_OPEN(warn("no interface configured to listen to DHCP traffic")),
    DHCPSRV_OPEN_SOCKET_FAIL(warn("failed to open socket: %1")),
    DHCPSRV_REHEARSAL_DONE(info("%1 packet path rehearsed before the sockets open: %2 synthetic exchanges in %3 ms")),
    DHCPSRV_REHEARSAL_FAILED(warn("%1 packet path rehearsal failed, the server starts without it: %2")),
    DHCPSRV_RENEW6_ERROR(error("allocation engine experienced error with attempting to renew a lease: %1")),
    DHCPSRV_SOCKETS_NIO(warn("the native epoll transport is not used (%1): sockets use Java's NIO, cannot be bound"
            + " to their interfaces, and DHCPv4 receives only what is sent to an interface address (relayed or unicast"
            + " traffic)")),
    DHCPSRV_UNEXPECTED_NAME(error("database access parameters passed through '%1', expected 'lease-database'")),
    DHCPSRV_UNKNOWN_DB(error("unknown database type: %1"));

    private final MessageDef def;

    DhcpsrvMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
