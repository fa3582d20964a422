package org.kea4j.sql.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL plans the client look-ups of the packet path (by hardware address, client identifier, DUID and IAID)
 * once per connection and keeps the plan. Planned while the lease table is empty and never analysed (a new
 * database, autovacuum off or not yet run), a look-up that also named the subnet walked the index on subnet_id:
 * every lease of the subnet at each packet. The statements kea4j sends must go through the client's own index
 * whatever the table held when they were planned.
 */
class ClientLookupPlanTest {

    private static final SqlStatements SQL = new SqlStatements(SqlEngine.POSTGRESQL);

    @Test
    void clientLookupsPlannedOnAnEmptyTableUseTheClientIndexOnceItIsFull() throws Exception {
        try (TestDatabase db = TestDatabase.create(SqlEngine.POSTGRESQL)) {
            SchemaTool.init(SqlEngine.POSTGRESQL, db.access());
            try (SqlDatabase pool = SqlDatabase.connect(SqlEngine.POSTGRESQL, db.access(), "kea4j-test");
                 Connection c = pool.connection(); Statement s = c.createStatement()) {
                // the plan is made now, on the empty table, and kept (as a pooled connection keeps it)
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute(prepare("by_hwaddr", "bytea", SQL.select4ByHwaddr));
                s.execute(prepare("by_client_id", "bytea", SQL.select4ByClientId));
                s.execute(prepare("by_duid_iaid", "bytea, int, int", SQL.select6ByDuidIaid));
                s.execute("EXECUTE by_hwaddr('\\x000000000001')");
                s.execute("EXECUTE by_client_id('\\x01000000000001')");
                s.execute("EXECUTE by_duid_iaid('\\x000100', 1, 0)");

                s.execute("INSERT INTO lease4 (address, hwaddr, client_id, valid_lifetime, expire, subnet_id, state) "
                        + "SELECT 167772160 + g, decode(lpad(to_hex(g), 12, '0'), 'hex'), "
                        + "decode('01' || lpad(to_hex(g), 12, '0'), 'hex'), 4000, now() + interval '1 hour', 1, 0 "
                        + "FROM generate_series(1, 5000) g");
                s.execute("INSERT INTO lease6 (address, duid, valid_lifetime, expire, subnet_id, pref_lifetime, "
                        + "lease_type, iaid, prefix_len, state) SELECT '2001:db8::' || to_hex(g), "
                        + "decode('0001' || lpad(to_hex(g), 12, '0'), 'hex'), 4000, now() + interval '1 hour', 1, "
                        + "3000, 0, 1, 128, 0 FROM generate_series(1, 5000) g");

                assertUsesIndex(s, "EXPLAIN EXECUTE by_hwaddr('\\x000000000010')", "lease4_by_hwaddr_subnet_id");
                assertUsesIndex(s, "EXPLAIN EXECUTE by_client_id('\\x01000000000010')",
                        "lease4_by_client_id_subnet_id");
                assertUsesIndex(s, "EXPLAIN EXECUTE by_duid_iaid('\\x0001000000000010', 1, 0)",
                        "lease6_by_duid_iaid_subnet_id");
            }
        }
    }

    /** SQL-level PREPARE of a JDBC statement text (its {@code ?} numbered). */
    private static String prepare(String name, String types, String jdbcText) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : jdbcText.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        return "PREPARE " + name + " (" + types + ") AS " + numbered;
    }

    private static void assertUsesIndex(Statement s, String explain, String index) throws Exception {
        List<String> plan = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        String text = String.join("\n", plan);
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("using (\\S+)").matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertEquals(Set.of(index), used, explain + ":\n" + text);
        assertFalse(text.contains("Seq Scan"), explain + ":\n" + text);
    }
}
