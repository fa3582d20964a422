package org.kea4j.dhcpsrv.leasemgr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/**
 * A lease database that keeps {@link LeaseStatistics} as leases change through it: what each change did is
 * read from the lease before and after it, so that the servers, the lease commands and the reclamation are
 * counted alike.
 */
final class CountingLeaseMgr implements LeaseMgr {

    private final LeaseMgr db;
    private final LeaseStatistics stats;

    CountingLeaseMgr(LeaseMgr db, LeaseStatistics stats) {
        this.db = db;
        this.stats = stats;
    }

    // ---------------------------------------------------------------- the counted changes

    @Override
    public boolean addLease(Lease4 lease) {
        boolean added = db.addLease(lease);
        if (added) {
            stats.held(lease.subnetId(), lease.state(), false, 1);
            if (lease.state() == Lease4.STATE_DEFAULT) {
                stats.assignedNew(lease.subnetId(), false);
            }
        }
        return added;
    }

    @Override
    public void updateLease4(Lease4 lease) {
        Optional<Lease4> before = db.getLease4(lease.address());
        db.updateLease4(lease);
        counted4(before.orElse(null), lease);
    }

    @Override
    public boolean updateLease4(Lease4 previous, Lease4 lease) {
        boolean updated = db.updateLease4(previous, lease);
        if (updated) {
            counted4(previous, lease);
        }
        return updated;
    }

    private void counted4(Lease4 before, Lease4 lease) {
        if (before != null) {
            stats.held(before.subnetId(), before.state(), false, -1);
            if (before.state() != Lease4.STATE_EXPIRED_RECLAIMED && lease.state() == Lease4.STATE_EXPIRED_RECLAIMED) {
                stats.reclaimed(before.subnetId(), before.state());
            } else if (before.state() == Lease4.STATE_EXPIRED_RECLAIMED && lease.state() == Lease4.STATE_DEFAULT) {
                stats.assignedNew(lease.subnetId(), false);
            }
        }
        stats.held(lease.subnetId(), lease.state(), false, 1);
    }

    @Override
    public boolean deleteLease4(Inet4Address address) {
        Optional<Lease4> before = db.getLease4(address);
        boolean deleted = db.deleteLease4(address);
        if (deleted && before.isPresent()) {
            deleted4(before.get());
        }
        return deleted;
    }

    @Override
    public boolean deleteLease4(Lease4 expected) {
        boolean deleted = db.deleteLease4(expected);
        if (deleted) {
            deleted4(expected);
        }
        return deleted;
    }

    private void deleted4(Lease4 b) {
        stats.held(b.subnetId(), b.state(), false, -1);
        if (b.state() != Lease4.STATE_EXPIRED_RECLAIMED && b.expired(System.currentTimeMillis() / 1000)) {
            stats.reclaimed(b.subnetId(), b.state());
        }
    }

    @Override
    public long wipeLeases4(long subnetId) {
        List<Lease4> before = db.getLeases4(subnetId);
        long wiped = db.wipeLeases4(subnetId);
        before.forEach(b -> stats.held(b.subnetId(), b.state(), false, -1));
        return wiped;
    }

    @Override
    public boolean addLease(Lease6 lease) {
        boolean added = db.addLease(lease);
        if (added) {
            boolean prefix = lease.type() == LeaseType.PD;
            stats.held(lease.subnetId(), lease.state(), prefix, 1);
            if (lease.state() == Lease4.STATE_DEFAULT) {
                stats.assignedNew(lease.subnetId(), prefix);
            }
        }
        return added;
    }

    @Override
    public void updateLease6(Lease6 lease) {
        Optional<Lease6> before = db.getLease6(lease.type(), lease.address());
        db.updateLease6(lease);
        counted6(before.orElse(null), lease);
    }

    @Override
    public boolean updateLease6(Lease6 previous, Lease6 lease) {
        boolean updated = db.updateLease6(previous, lease);
        if (updated) {
            counted6(previous, lease);
        }
        return updated;
    }

    private void counted6(Lease6 before, Lease6 lease) {
        boolean prefix = lease.type() == LeaseType.PD;
        if (before != null) {
            stats.held(before.subnetId(), before.state(), prefix, -1);
            if (before.state() != Lease4.STATE_EXPIRED_RECLAIMED && lease.state() == Lease4.STATE_EXPIRED_RECLAIMED) {
                stats.reclaimed(before.subnetId(), before.state());
            } else if (before.state() == Lease4.STATE_EXPIRED_RECLAIMED && lease.state() == Lease4.STATE_DEFAULT) {
                stats.assignedNew(lease.subnetId(), prefix);
            }
        }
        stats.held(lease.subnetId(), lease.state(), prefix, 1);
    }

    @Override
    public boolean deleteLease6(LeaseType type, Inet6Address address) {
        Optional<Lease6> before = db.getLease6(type, address);
        boolean deleted = db.deleteLease6(type, address);
        if (deleted && before.isPresent()) {
            deleted6(before.get());
        }
        return deleted;
    }

    @Override
    public boolean deleteLease6(Lease6 expected) {
        boolean deleted = db.deleteLease6(expected);
        if (deleted) {
            deleted6(expected);
        }
        return deleted;
    }

    private void deleted6(Lease6 b) {
        stats.held(b.subnetId(), b.state(), b.type() == LeaseType.PD, -1);
        if (b.state() != Lease4.STATE_EXPIRED_RECLAIMED && b.expired(System.currentTimeMillis() / 1000)) {
            stats.reclaimed(b.subnetId(), b.state());
        }
    }

    @Override
    public long wipeLeases6(long subnetId) {
        List<Lease6> before = db.getLeases6(subnetId);
        long wiped = db.wipeLeases6(subnetId);
        before.forEach(b -> stats.held(b.subnetId(), b.state(), b.type() == LeaseType.PD, -1));
        return wiped;
    }

    // ---------------------------------------------------------------- the rest, as the database does it

    @Override
    public String type() {
        return db.type();
    }

    @Override
    public String name() {
        return db.name();
    }

    @Override
    public String description() {
        return db.description();
    }

    @Override
    public String version() {
        return db.version();
    }

    @Override
    public int universe() {
        return db.universe();
    }

    @Override
    public Optional<Lease4> getLease4(Inet4Address address) {
        return db.getLease4(address);
    }

    @Override
    public List<Lease4> getLease4(HWAddr hwaddr) {
        return db.getLease4(hwaddr);
    }

    @Override
    public Optional<Lease4> getLease4(HWAddr hwaddr, long subnetId) {
        return db.getLease4(hwaddr, subnetId);
    }

    @Override
    public List<Lease4> getLease4(ClientId clientId) {
        return db.getLease4(clientId);
    }

    @Override
    public Optional<Lease4> getLease4(ClientId clientId, long subnetId) {
        return db.getLease4(clientId, subnetId);
    }

    @Override
    public Optional<Lease4> getLease4(ClientId clientId, HWAddr hwaddr, long subnetId) {
        return db.getLease4(clientId, hwaddr, subnetId);
    }

    @Override
    public List<Lease4> getLeases4() {
        return db.getLeases4();
    }

    @Override
    public List<Lease4> getLeases4(long subnetId) {
        return db.getLeases4(subnetId);
    }

    @Override
    public List<Lease4> getExpiredLeases4(long now, int max) {
        return db.getExpiredLeases4(now, max);
    }

    @Override
    public List<Lease4> getExpiredReclaimedLeases4(long endedBefore) {
        return db.getExpiredReclaimedLeases4(endedBefore);
    }

    @Override
    public Optional<Lease6> getLease6(LeaseType type, Inet6Address address) {
        return db.getLease6(type, address);
    }

    @Override
    public List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid) {
        return db.getLeases6(type, duid, iaid);
    }

    @Override
    public List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid, long subnetId) {
        return db.getLeases6(type, duid, iaid, subnetId);
    }

    @Override
    public List<Lease6> getLeases6() {
        return db.getLeases6();
    }

    @Override
    public List<LeaseCount> countLeases() {
        return db.countLeases();
    }

    @Override
    public List<Lease6> getLeases6(long subnetId) {
        return db.getLeases6(subnetId);
    }

    @Override
    public List<Lease6> getExpiredLeases6(long now, int max) {
        return db.getExpiredLeases6(now, max);
    }

    @Override
    public List<Lease6> getExpiredReclaimedLeases6(long endedBefore) {
        return db.getExpiredReclaimedLeases6(endedBefore);
    }

    @Override
    public void commit() {
        db.commit();
    }

    @Override
    public void rollback() {
        db.rollback();
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public boolean serving() {
        return db.serving();
    }

    @Override
    public void onFatal(Runnable exit) {
        db.onFatal(exit);
    }
}
