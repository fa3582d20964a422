package org.kea4j.sql.internal;

/** The SQL text of every lease operation, for one engine (only the expiry conversions differ). */
final class SqlStatements {

    private static final String LEASE4_COLUMNS = "hwaddr, client_id, valid_lifetime, expire, subnet_id, fqdn_fwd, "
            + "fqdn_rev, hostname, state, user_context";
    private static final String LEASE6_COLUMNS = "duid, valid_lifetime, expire, subnet_id, pref_lifetime, lease_type, "
            + "iaid, prefix_len, fqdn_fwd, fqdn_rev, hostname, hwaddr, hwtype, hwaddr_source, state, user_context";

    final String insert4;
    final String update4;
    /** Update only while the row still has the expiry and state the caller read. */
    final String update4IfUnchanged;
    final String delete4;
    final String delete4IfUnchanged;
    final String wipe4;
    final String select4ByAddress;
    final String select4ByHwaddr;
    final String select4ByClientId;
    final String select4All;
    final String select4BySubnet;
    private final String select4;

    final String insert6;
    final String update6;
    final String update6IfUnchanged;
    final String delete6;
    final String delete6IfUnchanged;
    final String wipe6;
    final String select6ByAddress;
    final String select6ByDuidIaid;
    final String select6All;
    final String select6BySubnet;
    private final String select6;
    private final String expireTo;

    SqlStatements(SqlEngine engine) {
        expireTo = engine.expireToSql();
        String expireFrom = engine.expireFromSql();
        insert4 = "INSERT INTO lease4 (address, " + LEASE4_COLUMNS + ") VALUES (?, " + values(LEASE4_COLUMNS, expireTo) + ")";
        update4 = "UPDATE lease4 SET " + assignments(LEASE4_COLUMNS, expireTo) + " WHERE address = ?";
        update4IfUnchanged = update4 + " AND " + engine.expireUnchangedSql() + " AND state = ?";
        delete4 = "DELETE FROM lease4 WHERE address = ?";
        delete4IfUnchanged = delete4 + " AND " + engine.expireUnchangedSql() + " AND state = ?";
        wipe4 = "DELETE FROM lease4 WHERE subnet_id = ?";
        select4 = "SELECT address, " + LEASE4_COLUMNS.replace("expire,", expireFrom + " AS expire,") + " FROM lease4";
        select4ByAddress = select4 + " WHERE address = ?";
        select4ByHwaddr = select4 + " WHERE hwaddr = ? ORDER BY address";
        select4ByClientId = select4 + " WHERE client_id = ? ORDER BY address";
        select4All = select4 + " ORDER BY address";
        select4BySubnet = select4 + " WHERE subnet_id = ? ORDER BY address";

        insert6 = "INSERT INTO lease6 (address, " + LEASE6_COLUMNS + ") VALUES (?, " + values(LEASE6_COLUMNS, expireTo) + ")";
        update6 = "UPDATE lease6 SET " + assignments(LEASE6_COLUMNS, expireTo) + " WHERE address = ?";
        update6IfUnchanged = update6 + " AND lease_type = ? AND " + engine.expireUnchangedSql() + " AND state = ?";
        delete6 = "DELETE FROM lease6 WHERE address = ? AND lease_type = ?";
        delete6IfUnchanged = delete6 + " AND " + engine.expireUnchangedSql() + " AND state = ?";
        wipe6 = "DELETE FROM lease6 WHERE subnet_id = ?";
        select6 = "SELECT address, " + LEASE6_COLUMNS.replace("expire,", expireFrom + " AS expire,") + " FROM lease6";
        select6ByAddress = select6 + " WHERE address = ? AND lease_type = ?";
        select6ByDuidIaid = select6 + " WHERE duid = ? AND iaid = ? AND lease_type = ? ORDER BY address";
        select6All = select6 + " ORDER BY address";
        select6BySubnet = select6 + " WHERE subnet_id = ? ORDER BY address";
    }

    /** Leases not reclaimed whose time has come (infinite ones never), oldest first; max 0 = all. */
    String expired4(int max) {
        return expired(select4, max);
    }

    String expired6(int max) {
        return expired(select6, max);
    }

    String reclaimed4() {
        return select4 + " WHERE state = 2 AND expire < " + expireTo;
    }

    String reclaimed6() {
        return select6 + " WHERE state = 2 AND expire < " + expireTo;
    }

    /** Leases by subnet and state (IPv4: lease type 0 for every row), counted by the database. */
    static final String COUNT4 = "SELECT subnet_id, 0, state, COUNT(*) FROM lease4 GROUP BY subnet_id, state";

    /** Leases by subnet, type and state, counted by the database. */
    static final String COUNT6 = "SELECT subnet_id, lease_type, state, COUNT(*) FROM lease6"
            + " GROUP BY subnet_id, lease_type, state";

    private String expired(String select, int max) {
        return select + " WHERE state <> 2 AND valid_lifetime <> ? AND expire <= " + expireTo + " ORDER BY expire"
                + (max > 0 ? " LIMIT ?" : "");
    }

    private static String values(String columns, String expireTo) {
        StringBuilder sb = new StringBuilder();
        for (String column : columns.split(", ")) {
            sb.append(sb.length() == 0 ? "" : ", ").append(column.equals("expire") ? expireTo : "?");
        }
        return sb.toString();
    }

    private static String assignments(String columns, String expireTo) {
        StringBuilder sb = new StringBuilder();
        for (String column : columns.split(", ")) {
            sb.append(sb.length() == 0 ? "" : ", ").append(column).append(" = ")
                    .append(column.equals("expire") ? expireTo : "?");
        }
        return sb.toString();
    }
}
