package org.kea4j.memfile.internal;

import java.util.function.Consumer;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/**
 * Rows of {@code kea-leases6.csv}: Kea 0.9.0's twelve columns, 0.9.1's hwaddr, 1.0's state, 1.5's user
 * context, 2.1's hwtype and hwaddr_source.
 */
final class Lease6Codec implements LeaseCodec<Lease6> {

    static final String[] COLUMNS = {"address", "duid", "valid_lifetime", "expire", "subnet_id", "pref_lifetime",
        "lease_type", "iaid", "prefix_len", "fqdn_fwd", "fqdn_rev", "hostname", "hwaddr", "state", "user_context",
        "hwtype", "hwaddr_source"};
    static final int MINIMUM = 12;

    @Override
    public String header() {
        return String.join(",", COLUMNS);
    }

    @Override
    public int columns(String header) throws CsvRow.RowException {
        return CsvRow.checkHeader(header, COLUMNS, MINIMUM);
    }

    @Override
    public boolean isOld(int columns) {
        return columns < COLUMNS.length;
    }

    @Override
    public Lease6 parse(String[] f, Consumer<String> hwaddrError) throws CsvRow.RowException {
        LeaseType type;
        try {
            type = LeaseType.of((int) CsvRow.number(f[6], 2, "lease_type"));
        } catch (IllegalArgumentException e) {
            throw new CsvRow.RowException(e.getMessage());
        }
        Lease6.Builder b;
        try {
            b = Lease6.builder(type, Addresses.parseV6(f[0]));
        } catch (IllegalArgumentException e) {
            throw new CsvRow.RowException("invalid address '" + f[0] + "'");
        }
        try {
            b.duid(new Duid(Hex.parse(f[1])));
        } catch (IllegalArgumentException e) {
            throw new CsvRow.RowException("invalid duid '" + f[1] + "': " + e.getMessage());
        }
        long valid = CsvRow.number(f[2], 0xFFFF_FFFFL, "valid_lifetime");
        long expire = CsvRow.number(f[3], Long.MAX_VALUE / 2, "expire");
        b.validLifetime(valid).cltt(expire - valid);
        b.subnetId(CsvRow.number(f[4], 0xFFFF_FFFFL, "subnet_id"));
        b.preferredLifetime(CsvRow.number(f[5], 0xFFFF_FFFFL, "pref_lifetime"));
        b.iaid(CsvRow.number(f[7], 0xFFFF_FFFFL, "iaid"));
        int prefixLength = (int) CsvRow.number(f[8], 128, "prefix_len");
        if (prefixLength < 1) {
            throw new CsvRow.RowException("invalid prefix_len " + prefixLength);
        }
        b.prefixLength(prefixLength);
        b.fqdn(CsvRow.bool(f[9], "fqdn_fwd"), CsvRow.bool(f[10], "fqdn_rev"));
        b.hostname(CsvRow.unescape(f[11]));
        if (f.length > 12 && !f[12].isEmpty()) {
            byte[] hw;
            try {
                hw = Hex.parse(f[12]);
                if (hw.length > HWAddr.MAX_LENGTH) {
                    throw new IllegalArgumentException("hardware address longer than " + HWAddr.MAX_LENGTH + " bytes");
                }
            } catch (IllegalArgumentException e) {
                hwaddrError.accept(f[12] + ": " + e.getMessage());
                throw new CsvRow.RowException("invalid hwaddr '" + f[12] + "'");
            }
            int hwtype = f.length > 15 && !f[15].isEmpty() ? (int) CsvRow.number(f[15], 0xFFFF, "hwtype") : HWAddr.HTYPE_ETHER;
            int source = f.length > 16 && !f[16].isEmpty() ? (int) CsvRow.number(f[16], 0xFFFF, "hwaddr_source") : 0;
            b.hwaddr(new HWAddr(hwtype, hw, source));
        }
        if (f.length > 13 && !f[13].isEmpty()) {
            b.state((int) CsvRow.number(f[13], 255, "state"));
        }
        if (f.length > 14 && !f[14].isEmpty()) {
            b.userContext(Lease4Codec.userContext(CsvRow.unescape(f[14])));
        }
        return b.build();
    }

    @Override
    public String format(Lease6 l) {
        StringBuilder sb = new StringBuilder(160);
        Addresses.appendV6(sb, l.addressHigh(), l.addressLow()).append(',').append(Hex.colons(l.duidBytes())).append(',');
        sb.append(l.validLifetime()).append(',').append(l.expire()).append(',').append(l.subnetId()).append(',');
        sb.append(l.preferredLifetime()).append(',').append(l.type().code()).append(',').append(l.iaid()).append(',');
        sb.append(l.prefixLength()).append(',').append(l.fqdnFwd() ? '1' : '0').append(',')
                .append(l.fqdnRev() ? '1' : '0').append(',');
        sb.append(CsvRow.escape(l.hostname())).append(',');
        HWAddr hw = l.hwaddr();
        sb.append(hw == null ? "" : hw.toString()).append(',').append(l.state()).append(',');
        sb.append(CsvRow.escape(l.userContext())).append(',');
        if (hw != null) {
            sb.append(hw.type()).append(',').append(hw.source());
        } else {
            sb.append(',');
        }
        return sb.append('\n').toString();
    }

    @Override
    public Lease6 deleted(Lease6 lease) {
        return lease.toBuilder().cltt(lease.expire()).validLifetime(0).preferredLifetime(0).build();
    }

    @Override
    public String key(Lease6 lease) {
        return Addresses.format(lease.address());
    }

    @Override
    public boolean isDelete(Lease6 lease) {
        return lease.validLifetime() == 0;
    }
}
