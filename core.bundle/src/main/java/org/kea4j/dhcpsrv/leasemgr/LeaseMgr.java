package org.kea4j.dhcpsrv.leasemgr;

import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;

/**
 * A lease database, as Kea's {@code LeaseMgr}. Implementations are thread-safe. A change returns only
 * once it is stored (for memfile: written to the lease file), so that an acknowledged lease survives a
 * crash of the server. A manager holds the leases of one universe (IPv4 or IPv6); the operations of the
 * other throw {@link UnsupportedOperationException}.
 */
public interface LeaseMgr extends AutoCloseable {

    /** The back-end type: {@code memfile}, {@code mysql}, {@code postgresql}. */
    String type();

    /** The database or file name. */
    String name();

    /** A description of the back end. */
    String description();

    /** The schema or file format version, as {@code major.minor}. */
    String version();

    /** 4 or 6. */
    int universe();

    // ---------------------------------------------------------------- IPv4

    /** Adds a lease; false when its address is already leased. */
    boolean addLease(Lease4 lease);

    Optional<Lease4> getLease4(Inet4Address address);

    /** All leases of a hardware address, in any subnet. */
    List<Lease4> getLease4(HWAddr hwaddr);

    Optional<Lease4> getLease4(HWAddr hwaddr, long subnetId);

    /** All leases of a client identifier, in any subnet. */
    List<Lease4> getLease4(ClientId clientId);

    Optional<Lease4> getLease4(ClientId clientId, long subnetId);

    Optional<Lease4> getLease4(ClientId clientId, HWAddr hwaddr, long subnetId);

    List<Lease4> getLeases4();

    List<Lease4> getLeases4(long subnetId);

    /** Replaces the lease of the same address; {@link NoSuchLeaseException} when there is none. */
    void updateLease4(Lease4 lease);

    /** Deletes the lease of this address; false when there was none. */
    boolean deleteLease4(Inet4Address address);

    /**
     * Replaces a lease only if the stored one is still {@code previous} (the same expiry and state): servers that
     * share a database race for an expired lease, and the one whose update finds the row unchanged wins. Back ends
     * shared by several servers make this one atomic statement.
     *
     * @return false when the lease changed or went meanwhile
     */
    default boolean updateLease4(Lease4 previous, Lease4 lease) {
        if (!unchanged(getLease4(previous.address()), previous, Lease4::expire, Lease4::state)) {
            return false;
        }
        updateLease4(lease);
        return true;
    }

    /**
     * Deletes a lease only if the stored one is still {@code expected} (the same expiry and state), as
     * {@link #updateLease4(Lease4, Lease4)} updates one.
     *
     * @return false when the lease changed or went meanwhile
     */
    default boolean deleteLease4(Lease4 expected) {
        return unchanged(getLease4(expected.address()), expected, Lease4::expire, Lease4::state)
                && deleteLease4(expected.address());
    }

    /** Up to {@code max} (0 = all) leases expired at {@code now} and not reclaimed yet, oldest first. */
    List<Lease4> getExpiredLeases4(long now, int max);

    /**
     * The leases in the expired-reclaimed state whose lease ended before {@code endedBefore} (seconds since the
     * epoch): those the flush of reclaimed leases deletes. This default reads every lease; back ends with an
     * index on the lease's end should answer from it.
     */
    default List<Lease4> getExpiredReclaimedLeases4(long endedBefore) {
        return reclaimedBefore(getLeases4(), endedBefore, Lease4::expire, Lease4::state);
    }

    /** Deletes every lease of a subnet; returns how many. */
    long wipeLeases4(long subnetId);

    // ---------------------------------------------------------------- IPv6

    boolean addLease(Lease6 lease);

    Optional<Lease6> getLease6(LeaseType type, Inet6Address address);

    List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid);

    List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid, long subnetId);

    List<Lease6> getLeases6();

    List<Lease6> getLeases6(long subnetId);

    void updateLease6(Lease6 lease);

    boolean deleteLease6(LeaseType type, Inet6Address address);

    /** As {@link #updateLease4(Lease4, Lease4)}, for IPv6. */
    default boolean updateLease6(Lease6 previous, Lease6 lease) {
        if (!unchanged(getLease6(previous.type(), previous.address()), previous, Lease6::expire, Lease6::state)) {
            return false;
        }
        updateLease6(lease);
        return true;
    }

    /** Deletes a lease only if the stored one is still {@code expected}, as {@link #deleteLease4(Lease4)}. */
    default boolean deleteLease6(Lease6 expected) {
        return unchanged(getLease6(expected.type(), expected.address()), expected, Lease6::expire, Lease6::state)
                && deleteLease6(expected.type(), expected.address());
    }

    /** As {@link #getExpiredLeases4}, for IPv6 leases. */
    List<Lease6> getExpiredLeases6(long now, int max);

    /** As {@link #getExpiredReclaimedLeases4}, for IPv6 leases. */
    default List<Lease6> getExpiredReclaimedLeases6(long endedBefore) {
        return reclaimedBefore(getLeases6(), endedBefore, Lease6::expire, Lease6::state);
    }

    /** Whether the stored lease is there and still has the expected one's expiry and state. */
    private static <L> boolean unchanged(Optional<L> stored, L expected, ToLongFunction<L> expire,
            ToIntFunction<L> state) {
        return stored.isPresent() && expire.applyAsLong(stored.get()) == expire.applyAsLong(expected)
                && state.applyAsInt(stored.get()) == state.applyAsInt(expected);
    }

    /** The expired-reclaimed leases among these that ended before {@code endedBefore}. */
    private static <L> List<L> reclaimedBefore(List<L> leases, long endedBefore, ToLongFunction<L> expire,
            ToIntFunction<L> state) {
        return leases.stream().filter(l -> state.applyAsInt(l) == Lease4.STATE_EXPIRED_RECLAIMED
                && expire.applyAsLong(l) < endedBefore).toList();
    }

    long wipeLeases6(long subnetId);

    /**
     * How many leases of this database's universe there are, by subnet, type and state (for the statistics of a
     * new configuration). This default reads every lease; back ends that can count where the leases are should.
     */
    default List<LeaseCount> countLeases() {
        LeaseCount.Tally tally = new LeaseCount.Tally();
        if (universe() == 4) {
            getLeases4().forEach(tally::add);
        } else {
            getLeases6().forEach(tally::add);
        }
        return tally.rows();
    }

    // ---------------------------------------------------------------- transactions

    /** Commits pending changes (memfile: nothing to do, every change is stored when it returns). */
    void commit();

    /** Rolls back pending changes (memfile: nothing to do). */
    void rollback();

    /** Closes the database (memfile: flushes and closes the lease file). */
    @Override
    void close();

    // ---------------------------------------------------------------- outages (SQL back ends)

    /**
     * Whether the servers answer clients now: false while the database is lost and its {@code on-fail} is
     * {@code stop-retry-exit} (Kea stops the DHCP service until it reconnects). Memfile always serves.
     */
    default boolean serving() {
        return true;
    }

    /**
     * Tells the back end how to end the process when it gives up on its database and {@code on-fail} says the
     * server exits ({@code stop-retry-exit}, {@code serve-retry-exit}). Memfile never does.
     */
    default void onFatal(Runnable exit) {
    }
}
