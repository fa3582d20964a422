package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Lease-file rows (Kea's CSV, v4 and v6, every column count the loader takes), fuzzed (Jazzer): a row is read
 * or refused as the loader refuses a bad row ({@link CsvRow.RowException} or {@link IllegalArgumentException}:
 * DHCPSRV_MEMFILE_LEASE_LOAD_ROW_ERROR, the row skipped), never another exception; a lease read is written back
 * as a row that reads as the same lease.
 */
class LeaseRowFuzzTest {

    @FuzzTest
    void rows(byte[] input) throws CsvRow.RowException {
        // the first byte picks the family (odd: v6), the rest is the row
        boolean v6 = input.length > 0 && (input[0] & 1) == 1;
        String line = input.length == 0 ? "" : new String(input, 1, input.length - 1, java.nio.charset.StandardCharsets.UTF_8);
        int end = line.indexOf('\n') >= 0 ? line.indexOf('\n') : line.length();
        end = line.indexOf('\r') >= 0 ? Math.min(end, line.indexOf('\r')) : end;
        line = line.substring(0, end);
        if (v6) {
            roundTrip(new Lease6Codec(), line);
        } else {
            roundTrip(new Lease4Codec(), line);
        }
    }

    private static <L> void roundTrip(LeaseCodec<L> codec, String line) throws CsvRow.RowException {
        String[] fields = CsvRow.split(line);
        String[] columns = codec.header().split(",");
        if (fields.length > columns.length) {
            return; // more columns than any header has: the loader refuses the row by its count
        }
        try {
            // the loader reads rows only with as many fields as its header has columns
            codec.columns(String.join(",", java.util.Arrays.copyOf(columns, fields.length)));
        } catch (CsvRow.RowException noSuchHeader) {
            return;
        }
        L lease;
        try {
            lease = codec.parse(fields, reason -> { });
        } catch (CsvRow.RowException | IllegalArgumentException refused) {
            return; // the loader's refusal of a bad row
        }
        String written = codec.format(lease);
        written = written.endsWith("\n") ? written.substring(0, written.length() - 1) : written; // a file's line
        assertEquals(lease, codec.parse(CsvRow.split(written), reason -> { }), written);
    }
}
