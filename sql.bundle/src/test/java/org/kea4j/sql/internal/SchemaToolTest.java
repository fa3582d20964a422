package org.kea4j.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;

/**
 * kea4j's schema against the one Kea 2.2's {@code kea-admin db-init} creates: the same lease and host tables
 * (columns, types, nullability, indexes), the same statistics kept by the triggers, and {@code kea-admin
 * db-version} reads kea4j's version. The server refuses a database without the schema or with another version.
 */
class SchemaToolTest {

    private static final String LEASE_AND_HOST_TABLES = "'lease4', 'lease6', 'lease4_stat', 'lease6_stat', "
            + "'lease6_types', 'lease_state', 'lease_hwaddr_source', 'schema_version', 'hosts', 'ipv6_reservations', "
            + "'host_identifier_type', 'dhcp4_options', 'dhcp6_options', 'dhcp_option_scope', 'lease4_stat_by_client_class', 'lease6_stat_by_client_class'";

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void keaAdminReadsTheVersionOfADatabaseKea4jCreated(SqlEngine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            assertEquals(engine.schemaVersion(), SchemaTool.init(engine, db.access()));
            String output = KeaAdmin.run("db-version", db);
            assertEquals(engine.schemaVersion(), output.strip().lines().reduce((a, b) -> b).orElse(""), output);
            SQLException again = assertThrows(SQLException.class, () -> SchemaTool.init(engine, db.access()));
            assertTrue(again.getMessage().contains("is not empty"), again.getMessage());
            assertEquals(engine.schemaVersion(), SchemaTool.upgrade(engine, db.access()));
        }
    }

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void tablesAndStatisticsMatchKeaAdminsSchema(SqlEngine engine) throws Exception {
        try (TestDatabase ours = TestDatabase.create(engine); TestDatabase keas = TestDatabase.create(engine)) {
            SchemaTool.init(engine, ours.access());
            KeaAdmin.run("db-init", keas);
            assertEquals(columns(keas), columns(ours));
            assertEquals(indexes(keas), indexes(ours));
            assertEquals(rows(keas, "SELECT * FROM lease_hwaddr_source ORDER BY 1"),
                    rows(ours, "SELECT * FROM lease_hwaddr_source ORDER BY 1"));
            for (TestDatabase db : List.of(ours, keas)) {
                exercise(engine, db);
            }
            String stat4 = "SELECT subnet_id, state, leases FROM lease4_stat WHERE leases > 0 ORDER BY 1, 2";
            String stat6 = "SELECT subnet_id, lease_type, state, leases FROM lease6_stat WHERE leases > 0 ORDER BY 1, 2, 3";
            assertEquals(List.of("1|0|1", "1|1|1", "2|0|1"), rows(keas, stat4), "Kea's triggers counted");
            assertEquals(rows(keas, stat4), rows(ours, stat4));
            assertEquals(rows(keas, stat6), rows(ours, stat6));
            assertEquals(List.of("1|0|0|1", "1|2|0|1", "2|0|0|1"), rows(keas, stat6));
        }
    }

    /** Adds, changes and deletes leases so that every trigger runs. */
    private static void exercise(SqlEngine engine, TestDatabase db) throws Exception {
        try (LeaseMgr v4 = SqlLeaseMgrFactory.open(engine, db.access(), 4);
             LeaseMgr v6 = SqlLeaseMgrFactory.open(engine, db.access(), 6)) {
            long now = System.currentTimeMillis() / 1000;
            for (int i = 1; i <= 5; i++) {
                v4.addLease(Lease4.builder((java.net.Inet4Address) InetAddress.getByName("192.0.2." + i))
                        .hwaddr(HWAddr.parse("08:00:27:00:00:0" + i)).validLifetime(3600).cltt(now).subnetId(1).build());
            }
            Lease4 moved = v4.getLease4((java.net.Inet4Address) InetAddress.getByName("192.0.2.2")).orElseThrow();
            v4.updateLease4(moved.toBuilder().subnetId(2).build());
            Lease4 declined = v4.getLease4((java.net.Inet4Address) InetAddress.getByName("192.0.2.3")).orElseThrow();
            v4.updateLease4(declined.toBuilder().state(Lease4.STATE_DECLINED).build());
            Lease4 reclaimed = v4.getLease4((java.net.Inet4Address) InetAddress.getByName("192.0.2.4")).orElseThrow();
            v4.updateLease4(reclaimed.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).build());
            v4.deleteLease4((java.net.Inet4Address) InetAddress.getByName("192.0.2.5"));
            Duid duid = Duid.parse("00:03:00:01:08:00:27:00:00:01");
            v6.addLease(Lease6.builder(LeaseType.NA, (java.net.Inet6Address) InetAddress.getByName("2001:db8::1"))
                    .duid(duid).iaid(1).validLifetime(7200).preferredLifetime(3600).cltt(now).subnetId(1).build());
            v6.addLease(Lease6.builder(LeaseType.NA, (java.net.Inet6Address) InetAddress.getByName("2001:db8::2"))
                    .duid(duid).iaid(0xFFFF_FFF0L).validLifetime(7200).preferredLifetime(3600).cltt(now).subnetId(2)
                    .hwaddr(new HWAddr(1, new byte[] {8, 0, 0x27, 0, 0, 1}, HWAddr.SOURCE_DUID)).build());
            v6.addLease(Lease6.builder(LeaseType.PD, (java.net.Inet6Address) InetAddress.getByName("2001:db8:8::"))
                    .duid(duid).iaid(2).prefixLength(56).validLifetime(7200).preferredLifetime(3600).cltt(now)
                    .subnetId(1).build());
            assertEquals(0xFFFF_FFF0L, v6.getLeases6(LeaseType.NA, duid, 0xFFFF_FFF0L).get(0).iaid());
        }
    }

    private static List<String> columns(TestDatabase db) throws SQLException {
        return rows(db, "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = " + schema(db) + " AND table_name IN (" + LEASE_AND_HOST_TABLES + ") "
                + "ORDER BY table_name, column_name");
    }

    private static List<String> indexes(TestDatabase db) throws SQLException {
        if (db.engine() == SqlEngine.POSTGRESQL) {
            return rows(db, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ("
                    + "'lease4', 'lease6', 'hosts', 'ipv6_reservations') ORDER BY 1, 2");
        }
        return rows(db, "SELECT table_name, index_name, seq_in_index, column_name, non_unique FROM "
                + "information_schema.statistics WHERE table_schema = DATABASE() AND table_name IN ('lease4', 'lease6', "
                + "'hosts', 'ipv6_reservations') ORDER BY 1, 2, 3");
    }

    private static String schema(TestDatabase db) {
        return db.engine() == SqlEngine.POSTGRESQL ? "'public'" : "DATABASE()";
    }

    static List<String> rows(TestDatabase db, String query) throws SQLException {
        return db.rows(query);
    }

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void theServerRefusesAMissingOrUnknownSchema(SqlEngine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            ConfigException empty = assertThrows(ConfigException.class, () -> SqlLeaseMgrFactory.open(engine, db.access(), 4));
            assertTrue(empty.getMessage().contains("holds no Kea schema"), empty.getMessage());
            SchemaTool.init(engine, db.access());
            db.execute("UPDATE schema_version SET version = 12");
            ConfigException old = assertThrows(ConfigException.class, () -> SqlLeaseMgrFactory.open(engine, db.access(), 4));
            assertTrue(old.getMessage().contains("schema version mismatch: need version: " + engine.schemaVersion()
                    + " found version: 12.0"), old.getMessage());
            SQLException upgrade = assertThrows(SQLException.class, () -> SchemaTool.upgrade(engine, db.access()));
            assertTrue(upgrade.getMessage().contains("kea-admin db-upgrade"), upgrade.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(SqlEngine.class)
    void anUnreachableServerIsAClearErrorWithoutThePassword(SqlEngine engine) {
        java.util.Map<String, String> params = new java.util.HashMap<>(TestDatabase.access(engine, "nothing").parameters());
        params.put("port", "1"); // nothing listens there
        params.put("password", "secret-pw");
        params.put("connect-timeout", "1");
        ConfigException e = assertThrows(ConfigException.class, () -> SqlLeaseMgrFactory.open(engine,
                new org.kea4j.dhcpsrv.leasemgr.DbAccess(engine.type(), params), 4));
        assertTrue(e.getMessage().contains("cannot be opened"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-pw"), e.getMessage());
    }
}
