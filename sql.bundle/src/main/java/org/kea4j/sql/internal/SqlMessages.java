package org.kea4j.sql.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the MySQL and PostgreSQL lease back ends (Kea's DHCPSRV_MYSQL_* and DHCPSRV_PGSQL_*). */
public enum SqlMessages implements MessageId {
    // Kea 2.2: database outages (the DHCPv4 / DHCPv6 server IDs are logged by the SQL back ends, which alone lose
    // their database)
    DHCP4_DB_RECONNECT_LOST_CONNECTION(info("database connection lost.")),
    DHCP6_DB_RECONNECT_LOST_CONNECTION(info("database connection lost.")),
    DHCP4_DB_RECONNECT_SUCCEEDED(info("database connection recovered.")),
    DHCP6_DB_RECONNECT_SUCCEEDED(info("database connection recovered.")),
    DHCP4_DB_RECONNECT_DISABLED(info("database reconnect is disabled: max-reconnect-tries %1, reconnect-wait-time %2")),
    DHCP6_DB_RECONNECT_DISABLED(info("database reconnect is disabled: max-reconnect-tries %1, reconnect-wait-time %2")),
    DHCP4_DB_RECONNECT_FAILED(error("maximum number of database reconnect attempts: %1, has been exhausted without success")),
    DHCP6_DB_RECONNECT_FAILED(error("maximum number of database reconnect attempts: %1, has been exhausted without success")),
    DHCPSRV_PGSQL_FATAL_ERROR(error("Unrecoverable PostgreSQL error occurred: Statement: <%1>, reason: %2 (error code: %3).")),
    DHCPSRV_MYSQL_FATAL_ERROR(error("Unrecoverable MySQL error occurred: %1 for <%2>, reason: %3 (error code: %4).")),
    DHCPSRV_PGSQL_HOST_DB(info("opening PostgreSQL hosts database: %1")),
    DHCPSRV_MYSQL_HOST_DB(info("opening MySQL hosts database: %1")),
    DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE(info("scheduling attempt %1 of %2 in %3 milliseconds")),
    DHCPSRV_MYSQL_LEASE_DB_RECONNECT_ATTEMPT_SCHEDULE(info("scheduling attempt %1 of %2 in %3 milliseconds")),
    DHCPSRV_PGSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED(error("database reconnect failed: %1")),
    DHCPSRV_MYSQL_LEASE_DB_RECONNECT_ATTEMPT_FAILED(error("database reconnect failed: %1")),
    DHCPSRV_PGSQL_LEASE_DB_RECONNECT_FAILED(error("maximum number of database reconnect attempts: %1, has been exhausted without success")),
    DHCPSRV_MYSQL_LEASE_DB_RECONNECT_FAILED(error("maximum number of database reconnect attempts: %1, has been exhausted without success")),
    DHCPSRV_MYSQL_ADD_ADDR4(debug(50, "adding IPv4 lease with address %1")),
    DHCPSRV_MYSQL_ADD_ADDR6(debug(50, "adding IPv6 lease with address %1, lease type %2")),
    DHCPSRV_MYSQL_COMMIT(debug(50, "committing to MySQL database")),
    DHCPSRV_MYSQL_DB(info("opening MySQL lease database: %1")),
    DHCPSRV_MYSQL_DELETE_ADDR(debug(50, "deleting lease for address %1")),
    DHCPSRV_MYSQL_GET_ADDR4(debug(50, "obtaining IPv4 lease for address %1")),
    DHCPSRV_MYSQL_GET_ADDR6(debug(50, "obtaining IPv6 lease for address %1, lease type %2")),
    DHCPSRV_MYSQL_GET_CLIENTID(debug(50, "obtaining IPv4 leases for client ID %1")),
    DHCPSRV_MYSQL_GET_HWADDR(debug(50, "obtaining IPv4 leases for hardware address %1")),
    DHCPSRV_MYSQL_GET_IAID_DUID(debug(50, "obtaining IPv6 leases for IAID %1, DUID %2, lease type %3")),
    DHCPSRV_MYSQL_GET_IAID_SUBID_DUID(debug(50, "obtaining IPv6 leases for IAID %1, Subnet ID %2, DUID %3, lease type %4")),
    DHCPSRV_MYSQL_GET_SUBID_CLIENTID(debug(50, "obtaining IPv4 lease for subnet ID %1 and client ID %2")),
    DHCPSRV_MYSQL_GET_SUBID_HWADDR(debug(50, "obtaining IPv4 lease for subnet ID %1 and hardware address %2")),
    DHCPSRV_MYSQL_GET_VERSION(debug(50, "obtaining schema version information")),
    DHCPSRV_MYSQL_ROLLBACK(debug(50, "rolling back MySQL database")),
    DHCPSRV_MYSQL_UPDATE_ADDR4(debug(50, "updating IPv4 lease for address %1")),
    DHCPSRV_MYSQL_UPDATE_ADDR6(debug(50, "updating IPv6 lease for address %1, lease type %2")),
    DHCPSRV_PGSQL_ADD_ADDR4(debug(50, "adding IPv4 lease with address %1")),
    DHCPSRV_PGSQL_ADD_ADDR6(debug(50, "adding IPv6 lease with address %1")),
    DHCPSRV_PGSQL_COMMIT(debug(50, "committing to MySQL database")),
    DHCPSRV_PGSQL_DB(info("opening PostgreSQL lease database: %1")),
    DHCPSRV_PGSQL_DEALLOC_ERROR(error("An error occurred deallocating SQL statements while closing the PostgreSQL lease database: %1")),
    DHCPSRV_PGSQL_DELETE_ADDR(debug(50, "deleting lease for address %1")),
    DHCPSRV_PGSQL_GET_ADDR4(debug(50, "obtaining IPv4 lease for address %1")),
    DHCPSRV_PGSQL_GET_ADDR6(debug(50, "obtaining IPv6 lease for address %1 (lease type %2)")),
    DHCPSRV_PGSQL_GET_CLIENTID(debug(50, "obtaining IPv4 leases for client ID %1")),
    DHCPSRV_PGSQL_GET_HWADDR(debug(50, "obtaining IPv4 leases for hardware address %1")),
    DHCPSRV_PGSQL_GET_IAID_DUID(debug(50, "obtaining IPv4 leases for IAID %1 and DUID %2, lease type %3")),
    DHCPSRV_PGSQL_GET_IAID_SUBID_DUID(debug(50, "obtaining IPv4 leases for IAID %1, Subnet ID %2, DUID %3, and lease type %4")),
    DHCPSRV_PGSQL_GET_SUBID_CLIENTID(debug(50, "obtaining IPv4 lease for subnet ID %1 and client ID %2")),
    DHCPSRV_PGSQL_GET_SUBID_HWADDR(debug(50, "obtaining IPv4 lease for subnet ID %1 and hardware address %2")),
    DHCPSRV_PGSQL_GET_VERSION(debug(50, "obtaining schema version information")),
    DHCPSRV_PGSQL_ROLLBACK(debug(50, "rolling back PostgreSQL database")),
    DHCPSRV_PGSQL_UPDATE_ADDR4(debug(50, "updating IPv4 lease for address %1")),
    DHCPSRV_PGSQL_UPDATE_ADDR6(debug(50, "updating IPv6 lease for address %1"));

    private final MessageDef def;

    SqlMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
