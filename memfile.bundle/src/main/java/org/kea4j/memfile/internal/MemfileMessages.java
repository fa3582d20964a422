package org.kea4j.memfile.internal;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the memfile lease back end (Kea's DHCPSRV_MEMFILE_*). */
public enum MemfileMessages implements MessageId {
    DHCPSRV_MEMFILE_ADD_ADDR4(debug(50, "adding IPv4 lease with address %1")),
    DHCPSRV_MEMFILE_ADD_ADDR6(debug(50, "adding IPv6 lease with address %1")),
    DHCPSRV_MEMFILE_COMMIT(debug(50, "committing to memory file database")),
    DHCPSRV_MEMFILE_DB(info("opening memory file lease database: %1")),
    DHCPSRV_MEMFILE_DELETE_ADDR(debug(50, "deleting lease for address %1")),
    DHCPSRV_MEMFILE_GET_ADDR4(debug(50, "obtaining IPv4 lease for address %1")),
    DHCPSRV_MEMFILE_GET_ADDR6(debug(50, "obtaining IPv6 lease for address %1 and lease type %2")),
    DHCPSRV_MEMFILE_GET_CLIENTID(debug(50, "obtaining IPv4 leases for client ID %1")),
    DHCPSRV_MEMFILE_GET_CLIENTID_HWADDR_SUBID(debug(50, "obtaining IPv4 lease for client ID %1, hardware address %2 and subnet ID %3")),
    DHCPSRV_MEMFILE_GET_HWADDR(debug(50, "obtaining IPv4 leases for hardware address %1")),
    DHCPSRV_MEMFILE_GET_IAID_DUID(debug(50, "obtaining IPv6 leases for IAID %1 and DUID %2 and lease type %3")),
    DHCPSRV_MEMFILE_GET_IAID_SUBID_DUID(debug(50, "obtaining IPv6 leases for IAID %1, Subnet ID %2, DUID %3 and lease type %4")),
    DHCPSRV_MEMFILE_GET_SUBID_CLIENTID(debug(50, "obtaining IPv4 lease for subnet ID %1 and client ID %2")),
    DHCPSRV_MEMFILE_GET_SUBID_HWADDR(debug(50, "obtaining IPv4 lease for subnet ID %1 and hardware address %2")),
    DHCPSRV_MEMFILE_GET_VERSION(debug(50, "obtaining schema version information")),
    // not in the 0.9.1 manual (its entry lost the ID line); named as Kea names it
    DHCPSRV_MEMFILE_LEASE_LOAD(debug(55, "loading lease %1")),
    // Kea 2.x messages for what 0.9.1 had none for
    DHCPSRV_MEMFILE_LEASE_LOAD_ROW_ERROR(warn("discarding row %1, error: %2")),
    DHCPSRV_MEMFILE_NEEDS_UPGRADING(warn("version of lease file: %1 schema is earlier than version %2")),
    DHCPSRV_MEMFILE_LEASE_FILE_LOAD(info("loading leases from file %1")),
    DHCPSRV_MEMFILE_LFC_EXECUTE(info("executing Lease File Cleanup using: %1")),
    DHCPSRV_MEMFILE_LFC_LEASE_FILE_RENAME_FAIL(error("failed to rename the current lease file %1 to %2, reason: %3")),
    DHCPSRV_MEMFILE_LFC_LEASE_FILE_REOPEN_FAIL(error("failed to reopen lease file %1 after preparing input file for lease file cleanup, reason: %2, new leases will not be persisted!")),
    DHCPSRV_MEMFILE_LFC_SETUP(info("setting up the Lease File Cleanup interval to %1 sec")),
    DHCPSRV_MEMFILE_LFC_SPAWN_FAIL(error("lease file cleanup failed to run because kea-lfc process couldn't be spawned")),
    DHCPSRV_MEMFILE_LFC_START(info("starting Lease File Cleanup")),
    DHCPSRV_MEMFILE_NO_STORAGE(warn("running in non-persistent mode, leases will be lost after restart")),
    DHCPSRV_MEMFILE_READ_HWADDR_FAIL(warn("failed to read hardware address from lease file: %1")),
    DHCPSRV_MEMFILE_ROLLBACK(debug(50, "rolling back memory file database")),
    DHCPSRV_MEMFILE_UPDATE_ADDR4(debug(50, "updating IPv4 lease for address %1")),
    DHCPSRV_MEMFILE_UPDATE_ADDR6(debug(50, "updating IPv6 lease for address %1"));

    private final MessageDef def;

    MemfileMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
