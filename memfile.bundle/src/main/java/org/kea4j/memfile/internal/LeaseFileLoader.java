package org.kea4j.memfile.internal;

import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LEASE_FILE_LOAD;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LEASE_LOAD;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_LEASE_LOAD_ROW_ERROR;
import static org.kea4j.memfile.internal.MemfileMessages.DHCPSRV_MEMFILE_READ_HWADDR_FAIL;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kea4j.log.KeaLogger;

/**
 * Reads a Kea lease file into a store: rows in order, the last row of an address wins, a row with valid
 * lifetime 0 deletes. A bad row is logged with its file and line and skipped; the others load.
 */
final class LeaseFileLoader {

    /**
     * What a load found.
     *
     * @param rows     rows read (attempts)
     * @param leases   rows that parsed
     * @param errors   rows skipped
     * @param columns  columns of the file's rows
     * @param old      whether the file is in an older format than this version writes
     */
    record Stats(long rows, long leases, long errors, int columns, boolean old) {
    }

    /** The file cannot be used at all (no header, wrong header, unreadable). */
    static final class BadFileException extends IOException {
        private static final long serialVersionUID = 1L;

        BadFileException(String message) {
            super(message);
        }
    }

    private LeaseFileLoader() {
    }

    /**
     * Loads a file.
     *
     * @param maxErrors   fail when more rows than this are bad (0 = never)
     */
    static <L> Stats load(Path file, LeaseCodec<L> codec, LeaseStore<L> store, long maxErrors, KeaLogger log)
            throws IOException {
        log.log(DHCPSRV_MEMFILE_LEASE_FILE_LOAD, file);
        long rows = 0;
        long leases = 0;
        long errors = 0;
        int columns;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                return new Stats(0, 0, 0, 0, false);
            }
            try {
                columns = codec.columns(header);
            } catch (CsvRow.RowException e) {
                throw new BadFileException("lease file " + file + ": " + e.getMessage());
            }
            boolean debug = log.isEnabled(DHCPSRV_MEMFILE_LEASE_LOAD);
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                rows++;
                long at = lineNo;
                String[] fields = CsvRow.split(line);
                try {
                    if (fields.length != columns) {
                        throw new CsvRow.RowException("expected " + columns + " columns, found " + fields.length);
                    }
                    L lease = codec.parse(fields, reason -> log.log(DHCPSRV_MEMFILE_READ_HWADDR_FAIL,
                            file + ":" + at + ": " + reason));
                    if (debug) {
                        log.log(DHCPSRV_MEMFILE_LEASE_LOAD, codec.key(lease));
                    }
                    if (codec.isDelete(lease)) {
                        store.remove(lease);
                    } else {
                        store.put(lease);
                    }
                    leases++;
                } catch (CsvRow.RowException | IllegalArgumentException e) {
                    errors++;
                    log.log(DHCPSRV_MEMFILE_LEASE_LOAD_ROW_ERROR, file + ":" + at, e.getMessage());
                    if (maxErrors > 0 && errors > maxErrors) {
                        throw new BadFileException("lease file " + file + " has more than " + maxErrors
                                + " bad rows (max-row-errors)");
                    }
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadFileException("lease file " + file + " is not text");
        }
        return new Stats(rows, leases, errors, columns, codec.isOld(columns));
    }
}
