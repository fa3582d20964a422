package org.kea4j.memfile.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Consumer;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcpsrv.Lease4;

/** Rows of {@code kea-leases4.csv}: Kea 0.9's nine columns, 1.0's state, 2.x's user context. */
final class Lease4Codec implements LeaseCodec<Lease4> {

    static final String[] COLUMNS = {"address", "hwaddr", "client_id", "valid_lifetime", "expire", "subnet_id",
        "fqdn_fwd", "fqdn_rev", "hostname", "state", "user_context"};
    /** Kea 0.9's columns end at hostname. */
    static final int MINIMUM = 9;
    private static final ObjectMapper JSON = new ObjectMapper();

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
    public Lease4 parse(String[] f, Consumer<String> hwaddrError) throws CsvRow.RowException {
        long address = parseAddress(f[0]);
        byte[] hw;
        try {
            hw = Hex.parse(f[1]);
            if (hw.length > HWAddr.MAX_LENGTH) {
                throw new IllegalArgumentException("hardware address longer than " + HWAddr.MAX_LENGTH + " bytes");
            }
        } catch (IllegalArgumentException e) {
            hwaddrError.accept(f[1] + ": " + e.getMessage());
            throw new CsvRow.RowException("invalid hwaddr '" + f[1] + "'");
        }
        Lease4.Builder b = Lease4.builder(address);
        if (hw.length > 0) {
            b.hwaddrBytes(hw, HWAddr.HTYPE_ETHER, HWAddr.SOURCE_UNKNOWN);
        }
        if (!f[2].isEmpty()) {
            try {
                b.clientIdBytes(Hex.parse(f[2]));
            } catch (IllegalArgumentException e) {
                throw new CsvRow.RowException("invalid client_id '" + f[2] + "': " + e.getMessage());
            }
        }
        long valid = CsvRow.number(f[3], 0xFFFF_FFFFL, "valid_lifetime");
        long expire = CsvRow.number(f[4], Long.MAX_VALUE / 2, "expire");
        b.validLifetime(valid).cltt(expire - valid);
        b.subnetId(CsvRow.number(f[5], 0xFFFF_FFFFL, "subnet_id"));
        b.fqdn(CsvRow.bool(f[6], "fqdn_fwd"), CsvRow.bool(f[7], "fqdn_rev"));
        b.hostname(CsvRow.unescape(f[8]));
        if (f.length > 9 && !f[9].isEmpty()) {
            b.state((int) CsvRow.number(f[9], 255, "state"));
        }
        if (f.length > 10 && !f[10].isEmpty()) {
            b.userContext(userContext(CsvRow.unescape(f[10])));
        }
        return b.build();
    }

    static String userContext(String text) throws CsvRow.RowException {
        try {
            if (!JSON.readTree(text).isObject()) {
                throw new CsvRow.RowException("user_context is not a JSON map: " + text);
            }
            return text;
        } catch (java.io.IOException e) {
            throw new CsvRow.RowException("user_context is not JSON: " + text);
        }
    }

    /** A dotted quad without allocation. */
    static long parseAddress(String text) throws CsvRow.RowException {
        long value = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    throw new CsvRow.RowException("invalid address '" + text + "'");
                }
            } else if (c == '.' && octet >= 0 && dots < 3) {
                value = (value << 8) | octet;
                octet = -1;
                dots++;
            } else {
                throw new CsvRow.RowException("invalid address '" + text + "'");
            }
        }
        if (dots != 3 || octet < 0) {
            throw new CsvRow.RowException("invalid address '" + text + "'");
        }
        return (value << 8) | octet;
    }

    @Override
    public String format(Lease4 l) {
        StringBuilder sb = new StringBuilder(112);
        long a = l.addressValue();
        sb.append(a >>> 24).append('.').append((a >>> 16) & 0xFF).append('.').append((a >>> 8) & 0xFF).append('.')
                .append(a & 0xFF).append(',');
        sb.append(Hex.colons(l.hwaddrBytes())).append(',');
        byte[] clientId = l.clientIdBytes();
        if (clientId != null) {
            sb.append(Hex.colons(clientId));
        }
        sb.append(',').append(l.validLifetime()).append(',').append(l.expire()).append(',').append(l.subnetId());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0').append(',').append(l.fqdnRev() ? '1' : '0').append(',');
        sb.append(CsvRow.escape(l.hostname())).append(',').append(l.state()).append(',');
        sb.append(CsvRow.escape(l.userContext())).append('\n');
        return sb.toString();
    }

    @Override
    public Lease4 deleted(Lease4 lease) {
        return lease.toBuilder().cltt(lease.expire()).validLifetime(0).build();
    }

    @Override
    public String key(Lease4 lease) {
        return lease.address().getHostAddress();
    }

    @Override
    public boolean isDelete(Lease4 lease) {
        return lease.validLifetime() == 0;
    }
}
