package org.kea4j.sql.internal;

import java.net.Inet4Address;
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
import org.kea4j.dhcpsrv.cfg.HostDataSource;
import org.kea4j.dhcpsrv.cfg.OptionDataConfig;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;

/**
 * Host reservations in Kea's {@code hosts} and {@code dhcp4_options} tables (read-only), one query per look-up:
 * a reservation inserted with SQL applies to the next packet. Global reservations have subnet id 0, as in Kea.
 */
final class SqlHostDataSource implements HostDataSource {

    private static final String SELECT = "SELECT host_id, dhcp_identifier, dhcp_identifier_type, ipv4_address, hostname, "
            + "dhcp4_client_classes, dhcp4_next_server, dhcp4_server_hostname, dhcp4_boot_file_name FROM hosts";
    private static final String BY_IDENTIFIER = SELECT
            + " WHERE dhcp_identifier = ? AND dhcp_identifier_type = ? AND dhcp4_subnet_id = ?";
    private static final String BY_ADDRESS = SELECT + " WHERE ipv4_address = ? AND dhcp4_subnet_id = ?";
    /** Options of a host: scope 3 ({@code host}) in Kea's {@code dhcp_option_scope}. */
    private static final String OPTIONS = "SELECT code, value, formatted_value, space, persistent FROM dhcp4_options "
            + "WHERE host_id = ? AND scope_id = 3 ORDER BY option_id";

    private final SqlDatabase db;

    SqlHostDataSource(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Reservation4Config> get4(long subnetId, HostIdentifier identifier) {
        return query(BY_IDENTIFIER, ps -> {
            ps.setBytes(1, identifier.value());
            ps.setInt(2, identifier.type().ordinal()); // Kea's host_identifier_type codes follow the same order
            ps.setLong(3, subnetId);
        });
    }

    @Override
    public Optional<Reservation4Config> get4(long subnetId, Inet4Address address) {
        return query(BY_ADDRESS, ps -> {
            ps.setLong(1, Addresses.toLong(address));
            ps.setLong(2, subnetId);
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Reservation4Config> query(String statement, Binder binder) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(c, rs));
            }
        } catch (SQLException e) {
            throw new LeaseMgrException(description() + ": " + e.getMessage(), e);
        }
    }

    private static Reservation4Config read(Connection c, ResultSet rs) throws SQLException {
        long hostId = rs.getLong("host_id");
        HostIdentifier identifier = new HostIdentifier(HostIdentifier.Type.values()[rs.getInt("dhcp_identifier_type")],
                rs.getBytes("dhcp_identifier"));
        long address = rs.getLong("ipv4_address");
        Inet4Address reserved = rs.wasNull() || address == 0 ? null : Addresses.fromLong(address);
        long next = rs.getLong("dhcp4_next_server");
        Inet4Address nextServer = rs.wasNull() || next == 0 ? null : Addresses.fromLong(next);
        String hostname = rs.getString("hostname");
        List<String> classes = new ArrayList<>();
        String classText = rs.getString("dhcp4_client_classes");
        if (classText != null) {
            for (String name : classText.split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    classes.add(name);
                }
            }
        }
        String serverHostname = rs.getString("dhcp4_server_hostname");
        String bootFile = rs.getString("dhcp4_boot_file_name");
        return new Reservation4Config(identifier, reserved, hostname == null || hostname.isEmpty() ? null : hostname,
                options(c, hostId), nextServer, emptyAsNull(serverHostname), emptyAsNull(bootFile), classes);
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The host's options: the formatted value (as option-data's data), else the binary value (as hex). */
    private static List<OptionDataConfig> options(Connection c, long hostId) throws SQLException {
        List<OptionDataConfig> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OPTIONS)) {
            ps.setLong(1, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String formatted = rs.getString("formatted_value");
                    byte[] value = rs.getBytes("value");
                    String space = rs.getString("space");
                    boolean csv = formatted != null;
                    String data = csv ? formatted : value == null ? "" : HexFormat.of().formatHex(value);
                    out.add(new OptionDataConfig(null, rs.getInt("code"), space == null ? "dhcp4" : space, data, csv,
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
