package org.kea4j.sql.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.LeaseCount;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;

/**
 * Leases in Kea's {@code lease4} / {@code lease6} tables, one prepared statement per operation, each in its own
 * auto-committed transaction: a change is stored when the call returns. An address is leased once because the
 * table's primary key says so, whichever server inserts first.
 */
final class SqlLeaseMgr implements LeaseMgr {

    /** Kea's infinite lifetime. */
    static final long INFINITE = 0xFFFF_FFFFL;
    /** The largest time a TIMESTAMP column holds (2038-01-19 03:14:07 UTC); Kea stores infinite leases so. */
    static final long MAX_DB_TIME = Integer.MAX_VALUE;

    private final SqlDatabase db;
    private final SqlEngine engine;
    private final int universe;
    private final String version;
    private final SqlStatements sql;
    private final DatabaseOutage outage;

    SqlLeaseMgr(SqlDatabase db, int universe, String version, DatabaseOutage outage) {
        this.db = db;
        this.outage = outage;
        this.engine = db.engine();
        this.universe = universe;
        this.version = version;
        this.sql = new SqlStatements(engine);
    }

    @Override
    public String type() {
        return engine.type();
    }

    @Override
    public String name() {
        return db.access().get("name").orElse("");
    }

    @Override
    public String description() {
        return engine.displayName() + " database " + SqlDatabase.describe(engine, db.access());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int universe() {
        return universe;
    }

    private void requireUniverse(int wanted) {
        if (universe != wanted) {
            throw new UnsupportedOperationException("this lease database holds IPv" + universe + " leases");
        }
    }

    // ------------------------------------------------------------------ statement helpers

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String statement, Binder binder, RowReader<T> reader) {
        outage.check();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw outage.failure(e, statement);
        }
    }

    private <T> Optional<T> queryOne(String statement, Binder binder, RowReader<T> reader) {
        List<T> rows = query(statement, binder, reader);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private int update(String statement, Binder binder) {
        outage.check();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw outage.failure(e, statement);
        }
    }

    /** Inserts; false when the key is taken (by this server or another one on the database). */
    private boolean insert(String statement, Binder binder) {
        outage.check();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (engine.isDuplicateKey(e)) {
                return false;
            }
            throw outage.failure(e, statement);
        }
    }

    private static void setBytes(PreparedStatement ps, int index, byte[] bytes) throws SQLException {
        if (bytes == null || bytes.length == 0) {
            ps.setNull(index, Types.VARBINARY);
        } else {
            ps.setBytes(index, bytes);
        }
    }

    private static void setText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, text);
        }
    }

    /** The {@code expire} column of a lease: Kea's rules for infinite and too large times. */
    static long expireOf(long cltt, long validLifetime) {
        if (validLifetime == INFINITE) {
            return MAX_DB_TIME;
        }
        long expire = cltt + validLifetime;
        if (expire > MAX_DB_TIME) {
            throw new LeaseMgrException("Time value is too large: " + expire);
        }
        return expire;
    }

    /** The client's last transmission time from the stored expiry. */
    static long clttOf(long expire, long validLifetime) {
        return validLifetime == INFINITE ? expire : expire - validLifetime;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    // ------------------------------------------------------------------ IPv4

    private int bindLease4Columns(PreparedStatement ps, Lease4 lease, int i) throws SQLException {
        setBytes(ps, i++, lease.hwaddrBytes());
        setBytes(ps, i++, lease.clientIdBytes());
        ps.setLong(i++, lease.validLifetime());
        ps.setLong(i++, expireOf(lease.cltt(), lease.validLifetime()));
        ps.setLong(i++, lease.subnetId());
        ps.setBoolean(i++, lease.fqdnFwd());
        ps.setBoolean(i++, lease.fqdnRev());
        setText(ps, i++, lease.hostname());
        ps.setInt(i++, lease.state());
        setText(ps, i++, lease.userContext());
        return i;
    }

    private static Lease4 readLease4(ResultSet rs) throws SQLException {
        long valid = rs.getLong("valid_lifetime");
        byte[] hw = rs.getBytes("hwaddr");
        return Lease4.builder(rs.getLong("address"))
                .hwaddrBytes(hw, HWAddr.HTYPE_ETHER, HWAddr.SOURCE_UNKNOWN)
                .clientIdBytes(rs.getBytes("client_id"))
                .validLifetime(valid)
                .cltt(clttOf(rs.getLong("expire"), valid))
                .subnetId(rs.getLong("subnet_id"))
                .fqdn(rs.getBoolean("fqdn_fwd"), rs.getBoolean("fqdn_rev"))
                .hostname(nonNull(rs.getString("hostname")))
                .state(rs.getInt("state"))
                .userContext(rs.getString("user_context"))
                .build();
    }

    @Override
    public boolean addLease(Lease4 lease) {
        requireUniverse(4);
        return insert(sql.insert4, ps -> {
            ps.setLong(1, lease.addressValue());
            bindLease4Columns(ps, lease, 2);
        });
    }

    @Override
    public Optional<Lease4> getLease4(Inet4Address address) {
        requireUniverse(4);
        return queryOne(sql.select4ByAddress, ps -> ps.setLong(1, Addresses.toLong(address)), SqlLeaseMgr::readLease4);
    }

    @Override
    public List<Lease4> getLease4(HWAddr hwaddr) {
        requireUniverse(4);
        return query(sql.select4ByHwaddr, ps -> ps.setBytes(1, hwaddr.rawBytes()), SqlLeaseMgr::readLease4);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A client's leases are looked up by its identifier alone (the first column of Kea's index on identifier and
     * subnet) and the subnet is picked here, as Kea 2.2 does; so are the other look-ups by client identifier, DUID
     * and IAID. With "AND subnet_id = ?" in the statement, PostgreSQL's generic plan for it, made while the table
     * was still small or never analysed, may walk the index on subnet_id instead: every lease of the subnet at each
     * look-up, a cost that grows with the table (measured: 1.3 ms a look-up at 13,000 leases against 0.005 ms).
     */
    @Override
    public Optional<Lease4> getLease4(HWAddr hwaddr, long subnetId) {
        return inSubnet(getLease4(hwaddr), subnetId);
    }

    @Override
    public List<Lease4> getLease4(ClientId clientId) {
        requireUniverse(4);
        return query(sql.select4ByClientId, ps -> ps.setBytes(1, clientId.bytes()), SqlLeaseMgr::readLease4);
    }

    @Override
    public Optional<Lease4> getLease4(ClientId clientId, long subnetId) {
        return inSubnet(getLease4(clientId), subnetId);
    }

    @Override
    public Optional<Lease4> getLease4(ClientId clientId, HWAddr hwaddr, long subnetId) {
        return getLease4(clientId).stream()
                .filter(l -> l.subnetId() == subnetId && Arrays.equals(l.hwaddrBytes(), hwaddr.rawBytes()))
                .findFirst();
    }

    private static Optional<Lease4> inSubnet(List<Lease4> leases, long subnetId) {
        for (Lease4 lease : leases) {
            if (lease.subnetId() == subnetId) {
                return Optional.of(lease);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Lease4> getLeases4() {
        requireUniverse(4);
        return query(sql.select4All, ps -> { }, SqlLeaseMgr::readLease4);
    }

    @Override
    public List<Lease4> getLeases4(long subnetId) {
        requireUniverse(4);
        return query(sql.select4BySubnet, ps -> ps.setLong(1, subnetId), SqlLeaseMgr::readLease4);
    }

    @Override
    public void updateLease4(Lease4 lease) {
        requireUniverse(4);
        int rows = update(sql.update4, ps -> {
            int next = bindLease4Columns(ps, lease, 1);
            ps.setLong(next, lease.addressValue());
        });
        if (rows == 0) {
            throw new NoSuchLeaseException("no lease for " + lease.address().getHostAddress() + " to update");
        }
    }

    /** One statement: the row changes only if it still has the expiry and state of {@code previous}. */
    @Override
    public boolean updateLease4(Lease4 previous, Lease4 lease) {
        requireUniverse(4);
        return update(sql.update4IfUnchanged, ps -> {
            int next = bindLease4Columns(ps, lease, 1);
            ps.setLong(next++, previous.addressValue());
            ps.setLong(next++, expireOf(previous.cltt(), previous.validLifetime()));
            ps.setInt(next, previous.state());
        }) == 1;
    }

    @Override
    public boolean deleteLease4(Inet4Address address) {
        requireUniverse(4);
        return update(sql.delete4, ps -> ps.setLong(1, Addresses.toLong(address))) > 0;
    }

    /** One statement: the row goes only if it still has the expiry and state of {@code expected}. */
    @Override
    public boolean deleteLease4(Lease4 expected) {
        requireUniverse(4);
        return update(sql.delete4IfUnchanged, ps -> {
            ps.setLong(1, expected.addressValue());
            ps.setLong(2, expireOf(expected.cltt(), expected.validLifetime()));
            ps.setInt(3, expected.state());
        }) == 1;
    }

    @Override
    public List<Lease4> getExpiredLeases4(long now, int max) {
        requireUniverse(4);
        return query(sql.expired4(max), ps -> bindExpired(ps, now, max), SqlLeaseMgr::readLease4);
    }

    @Override
    public List<Lease4> getExpiredReclaimedLeases4(long endedBefore) {
        requireUniverse(4);
        return query(sql.reclaimed4(), ps -> ps.setLong(1, endedBefore), SqlLeaseMgr::readLease4);
    }

    /** Counted by the database (GROUP BY), not read lease by lease. */
    @Override
    public List<LeaseCount> countLeases() {
        return query(universe == 4 ? SqlStatements.COUNT4 : SqlStatements.COUNT6, ps -> { },
                rs -> new LeaseCount(rs.getLong(1), LeaseType.of(rs.getInt(2)), rs.getInt(3), rs.getLong(4)));
    }

    private static void bindExpired(PreparedStatement ps, long now, int max) throws SQLException {
        ps.setLong(1, INFINITE);
        ps.setLong(2, now);
        if (max > 0) {
            ps.setInt(3, max);
        }
    }

    @Override
    public long wipeLeases4(long subnetId) {
        requireUniverse(4);
        return update(sql.wipe4, ps -> ps.setLong(1, subnetId));
    }

    // ------------------------------------------------------------------ IPv6

    private int bindLease6Columns(PreparedStatement ps, Lease6 lease, int i) throws SQLException {
        setBytes(ps, i++, lease.duidBytes());
        ps.setLong(i++, lease.validLifetime());
        ps.setLong(i++, expireOf(lease.cltt(), lease.validLifetime()));
        ps.setLong(i++, lease.subnetId());
        ps.setLong(i++, lease.preferredLifetime());
        ps.setInt(i++, lease.type().code());
        engine.setIaid(ps, i++, lease.iaid());
        ps.setInt(i++, lease.prefixLength());
        ps.setBoolean(i++, lease.fqdnFwd());
        ps.setBoolean(i++, lease.fqdnRev());
        setText(ps, i++, lease.hostname());
        HWAddr hw = lease.hwaddr();
        if (hw == null) {
            ps.setNull(i++, Types.VARBINARY);
            ps.setNull(i++, Types.INTEGER);
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setBytes(i++, hw.rawBytes());
            ps.setInt(i++, hw.type());
            ps.setInt(i++, hw.source());
        }
        ps.setInt(i++, lease.state());
        setText(ps, i++, lease.userContext());
        return i;
    }

    private Lease6 readLease6(ResultSet rs) throws SQLException {
        long valid = rs.getLong("valid_lifetime");
        LeaseType type = LeaseType.of(rs.getInt("lease_type"));
        Lease6.Builder b = Lease6.builder(type, Addresses.parseV6(rs.getString("address")))
                .duid(new Duid(rs.getBytes("duid")))
                .iaid(engine.getIaid(rs, "iaid"))
                .subnetId(rs.getLong("subnet_id"))
                .validLifetime(valid)
                .preferredLifetime(rs.getLong("pref_lifetime"))
                .cltt(clttOf(rs.getLong("expire"), valid))
                .prefixLength(rs.getInt("prefix_len"))
                .fqdn(rs.getBoolean("fqdn_fwd"), rs.getBoolean("fqdn_rev"))
                .hostname(nonNull(rs.getString("hostname")))
                .state(rs.getInt("state"))
                .userContext(rs.getString("user_context"));
        byte[] hw = rs.getBytes("hwaddr");
        if (hw != null && hw.length > 0) {
            int hwtype = rs.getInt("hwtype");
            b.hwaddr(new HWAddr(rs.wasNull() ? HWAddr.HTYPE_ETHER : hwtype, hw, rs.getInt("hwaddr_source")));
        }
        return b.build();
    }

    @Override
    public boolean addLease(Lease6 lease) {
        requireUniverse(6);
        return insert(sql.insert6, ps -> {
            ps.setString(1, Addresses.format(lease.address()));
            bindLease6Columns(ps, lease, 2);
        });
    }

    @Override
    public Optional<Lease6> getLease6(LeaseType type, Inet6Address address) {
        requireUniverse(6);
        return queryOne(sql.select6ByAddress, ps -> {
            ps.setString(1, Addresses.format(address));
            ps.setInt(2, type.code());
        }, this::readLease6);
    }

    @Override
    public List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid) {
        requireUniverse(6);
        return query(sql.select6ByDuidIaid, ps -> {
            ps.setBytes(1, duid.rawBytes());
            engine.setIaid(ps, 2, iaid);
            ps.setInt(3, type.code());
        }, this::readLease6);
    }

    @Override
    public List<Lease6> getLeases6(LeaseType type, Duid duid, long iaid, long subnetId) {
        // by DUID and IAID alone, the subnet picked here: see getLease4(HWAddr, long)
        List<Lease6> leases = getLeases6(type, duid, iaid);
        leases.removeIf(l -> l.subnetId() != subnetId);
        return leases;
    }

    @Override
    public List<Lease6> getLeases6() {
        requireUniverse(6);
        return query(sql.select6All, ps -> { }, this::readLease6);
    }

    @Override
    public List<Lease6> getLeases6(long subnetId) {
        requireUniverse(6);
        return query(sql.select6BySubnet, ps -> ps.setLong(1, subnetId), this::readLease6);
    }

    @Override
    public void updateLease6(Lease6 lease) {
        requireUniverse(6);
        int rows = update(sql.update6, ps -> {
            int next = bindLease6Columns(ps, lease, 1);
            ps.setString(next, Addresses.format(lease.address()));
        });
        if (rows == 0) {
            throw new NoSuchLeaseException("no lease for " + Addresses.format(lease.address()) + " to update");
        }
    }

    @Override
    public boolean updateLease6(Lease6 previous, Lease6 lease) {
        requireUniverse(6);
        return update(sql.update6IfUnchanged, ps -> {
            int next = bindLease6Columns(ps, lease, 1);
            ps.setString(next++, Addresses.format(previous.address()));
            ps.setInt(next++, previous.type().code());
            ps.setLong(next++, expireOf(previous.cltt(), previous.validLifetime()));
            ps.setInt(next, previous.state());
        }) == 1;
    }

    /** One statement: the row goes only if it still has the expiry and state of {@code expected}. */
    @Override
    public boolean deleteLease6(Lease6 expected) {
        requireUniverse(6);
        return update(sql.delete6IfUnchanged, ps -> {
            ps.setString(1, Addresses.format(expected.address()));
            ps.setInt(2, expected.type().code());
            ps.setLong(3, expireOf(expected.cltt(), expected.validLifetime()));
            ps.setInt(4, expected.state());
        }) == 1;
    }

    @Override
    public boolean deleteLease6(LeaseType type, Inet6Address address) {
        requireUniverse(6);
        return update(sql.delete6, ps -> {
            ps.setString(1, Addresses.format(address));
            ps.setInt(2, type.code());
        }) > 0;
    }

    @Override
    public List<Lease6> getExpiredLeases6(long now, int max) {
        requireUniverse(6);
        return query(sql.expired6(max), ps -> bindExpired(ps, now, max), this::readLease6);
    }

    @Override
    public List<Lease6> getExpiredReclaimedLeases6(long endedBefore) {
        requireUniverse(6);
        return query(sql.reclaimed6(), ps -> ps.setLong(1, endedBefore), this::readLease6);
    }

    @Override
    public long wipeLeases6(long subnetId) {
        requireUniverse(6);
        return update(sql.wipe6, ps -> ps.setLong(1, subnetId));
    }

    // ------------------------------------------------------------------ transactions

    /** Every change is committed when it returns (auto-commit), as Kea's SQL back ends do. */
    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }

    @Override
    public boolean serving() {
        return outage.serving();
    }

    @Override
    public void onFatal(Runnable exit) {
        outage.onFatal(exit);
    }

    @Override
    public void close() {
        outage.close();
        db.close();
    }
}
