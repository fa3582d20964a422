package org.kea4j.memfile.internal;

import java.util.function.Consumer;

/**
 * The row format of one universe's lease file.
 *
 * @param <L> Lease4 or Lease6
 */
interface LeaseCodec<L> {

    /** The header line this version writes (Kea 2.2's). */
    String header();

    /**
     * Checks a file's header.
     *
     * @return how many columns its rows have
     */
    int columns(String header) throws CsvRow.RowException;

    /** Whether a file with this many columns is older than what this version writes. */
    boolean isOld(int columns);

    /**
     * Reads a row. {@code hwaddrError} receives the message when the hardware address is what is wrong
     * (Kea logs that case with its own message).
     */
    L parse(String[] fields, Consumer<String> hwaddrError) throws CsvRow.RowException;

    /** The row of a lease, with its newline. */
    String format(L lease);

    /** The row that deletes a lease: the same lease with valid lifetime 0, as Kea appends. */
    L deleted(L lease);

    /** The lease's key text for messages (its address). */
    String key(L lease);

    /** Whether a row deletes rather than stores (valid lifetime 0). */
    boolean isDelete(L lease);
}
