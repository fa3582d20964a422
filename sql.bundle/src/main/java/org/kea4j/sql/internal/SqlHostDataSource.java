package org.kea4j.sql.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.cfg.HostDataSource;
import org.kea4j.dhcpsrv.cfg.OptionDataConfig;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;

/**
 * Host reservations in Kea's {@code hosts}, {@code ipv6_reservations}, {@code dhcp4_options} and
 * {@code dhcp6_options} tables (read-only), read at each look-up: a reservation inserted with SQL applies to the
 * next packet. Global reservations have subnet id 0, as in Kea.
 */
final class SqlHostDataSource implements HostDataSource {

    private static final String SELECT = "SELECT host_id, dhcp_identifier, dhcp_identifier_type, ipv4_address, hostname, "
            + "dhcp4_client_classes, dhcp4_next_server, dhcp4_server_hostname, dhcp4_boot_file_name FROM hosts";
    private static final String BY_IDENTIFIER = SELECT
            + " WHERE dhcp_identifier = ? AND dhcp_identifier_type = ? AND dhcp4_subnet_id = ?";
    private static final String BY_ADDRESS = SELECT + " WHERE ipv4_address = ? AND dhcp4_subnet_id = ?";
    private static final String SELECT6 = "SELECT host_id, dhcp_identifier, dhcp_identifier_type, hostname, "
            + "dhcp6_client_classes FROM hosts";
    private static final String BY_IDENTIFIER6 = SELECT6
            + " WHERE dhcp_identifier = ? AND dhcp_identifier_type = ? AND dhcp6_subnet_id = ?";
    /** Kea keeps reserved addresses and prefixes as text, in the compressed form. */
    private static final String BY_RESOURCE6 = SELECT6 + " WHERE host_id IN (SELECT host_id FROM ipv6_reservations"
            + " WHERE address = ? AND prefix_len = ?) AND dhcp6_subnet_id = ?";
    /** Type 0 is an address (IA_NA), 2 a prefix (IA_PD), as Kea's lease types. */
    private static final String RESOURCES6 = "SELECT address, prefix_len, type FROM ipv6_reservations "
            + "WHERE host_id = ? ORDER BY reservation_id";
    private static final int PREFIX_TYPE = 2;
    /** Options of a host: scope 3 ({@code host}) in Kea's {@code dhcp_option_scope}. */
    private static final String OPTIONS = "SELECT code, value, formatted_value, space, persistent FROM %s "
            + "WHERE host_id = ? AND scope_id = 3 ORDER BY option_id";
    private static final String OPTIONS4 = OPTIONS.formatted("dhcp4_options");
    private static final String OPTIONS6 = OPTIONS.formatted("dhcp6_options");

    private final SqlDatabase db;

    SqlHostDataSource(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Reservation4Config> get4(long subnetId, HostIdentifier identifier) {
        return query(BY_IDENTIFIER, ps -> bindIdentifier(ps, identifier, subnetId), SqlHostDataSource::read4);
    }

    @Override
    public Optional<Reservation4Config> get4(long subnetId, Inet4Address address) {
        return query(BY_ADDRESS, ps -> {
            ps.setLong(1, Addresses.toLong(address));
            ps.setLong(2, subnetId);
        }, SqlHostDataSource::read4);
    }

    @Override
    public Optional<Reservation6Config> get6(long subnetId, HostIdentifier identifier) {
        return query(BY_IDENTIFIER6, ps -> bindIdentifier(ps, identifier, subnetId), SqlHostDataSource::read6);
    }

    @Override
    public Optional<Reservation6Config> get6(long subnetId, Inet6Address address, int length) {
        return query(BY_RESOURCE6, ps -> {
            ps.setString(1, Addresses.format(address));
            ps.setInt(2, length);
            ps.setLong(3, subnetId);
        }, SqlHostDataSource::read6);
    }

    private static void bindIdentifier(PreparedStatement ps, HostIdentifier identifier, long subnetId)
            throws SQLException {
        ps.setBytes(1, identifier.value());
        ps.setInt(2, identifier.type().ordinal()); // Kea's host_identifier_type codes follow the same order
        ps.setLong(3, subnetId);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Connection c, ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String statement, Binder binder, Reader<T> reader) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(reader.read(c, rs));
            }
        } catch (SQLException e) {
            throw new LeaseMgrException(description() + ": " + e.getMessage(), e);
        }
    }

    private static HostIdentifier identifier(ResultSet rs) throws SQLException {
        return new HostIdentifier(HostIdentifier.Type.values()[rs.getInt("dhcp_identifier_type")],
                rs.getBytes("dhcp_identifier"));
    }

    private static Reservation6Config read6(Connection c, ResultSet rs) throws SQLException {
        long hostId = rs.getLong("host_id");
        HostIdentifier identifier = identifier(rs);
        String hostname = emptyAsNull(rs.getString("hostname"));
        List<String> classes = classes(rs.getString("dhcp6_client_classes"));
        List<Inet6Address> addresses = new ArrayList<>();
        List<Prefix> prefixes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RESOURCES6)) {
            ps.setLong(1, hostId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    Inet6Address address = Addresses.parseV6(r.getString("address"));
                    if (r.getInt("type") == PREFIX_TYPE) {
                        prefixes.add(new Prefix(address, r.getInt("prefix_len")));
                    } else {
                        addresses.add(address);
                    }
                }
            }
        }
        return new Reservation6Config(identifier, addresses, prefixes, hostname, options(c, hostId, 6), classes);
    }

    private static Reservation4Config read4(Connection c, ResultSet rs) throws SQLException {
        long hostId = rs.getLong("host_id");
        HostIdentifier identifier = identifier(rs);
        long address = rs.getLong("ipv4_address");
        Inet4Address reserved = rs.wasNull() || address == 0 ? null : Addresses.fromLong(address);
        long next = rs.getLong("dhcp4_next_server");
        Inet4Address nextServer = rs.wasNull() || next == 0 ? null : Addresses.fromLong(next);
        String hostname = emptyAsNull(rs.getString("hostname"));
        List<String> classes = classes(rs.getString("dhcp4_client_classes"));
        String serverHostname = rs.getString("dhcp4_server_hostname");
        String bootFile = rs.getString("dhcp4_boot_file_name");
        return new Reservation4Config(identifier, reserved, hostname, options(c, hostId, 4), nextServer,
                emptyAsNull(serverHostname), emptyAsNull(bootFile), classes);
    }

    /** Kea's class list column: names separated by commas or spaces. */
    private static List<String> classes(String text) {
        List<String> classes = new ArrayList<>();
        if (text != null) {
            for (String name : text.split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    classes.add(name);
                }
            }
        }
        return classes;
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The host's options: the formatted value (as option-data's data), else the binary value (as hex). */
    private static List<OptionDataConfig> options(Connection c, long hostId, int universe) throws SQLException {
        List<OptionDataConfig> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(universe == 4 ? OPTIONS4 : OPTIONS6)) {
            ps.setLong(1, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String formatted = rs.getString("formatted_value");
                    byte[] value = rs.getBytes("value");
                    String space = rs.getString("space");
                    boolean csv = formatted != null;
                    String data = csv ? formatted : value == null ? "" : HexFormat.of().formatHex(value);
                    out.add(new OptionDataConfig(null, rs.getInt("code"), space == null ? "dhcp" + universe : space, data, csv,
                            rs.getBoolean("persistent"), "hosts-database/host " + hostId, null));
                }
            }
        }
        return out;
    }

    @Override
    public String description() {
        return db.engine().displayName() + " hosts database " + SqlDatabase.describe(db.engine(), db.access());
    }

    @Override
    public void close() {
        db.close();
    }
}
