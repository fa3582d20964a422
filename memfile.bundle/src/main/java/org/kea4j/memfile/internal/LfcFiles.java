package org.kea4j.memfile.internal;

import java.nio.file.Path;

/**
 * The files of Lease File Cleanup, named after the lease file F as Kea names them.
 *
 * @param current  F, appended to by the server
 * @param copy     F.1: the snapshot of F moved aside for the cleanup (kea-lfc's {@code -i})
 * @param previous F.2: the result of the last completed cleanup ({@code -x})
 * @param output   F.output: the cleanup's work file ({@code -o})
 * @param finish   F.completed: finished output awaiting rotation ({@code -f})
 * @param pid      F.pid: the PID of the running cleanup ({@code -p})
 */
record LfcFiles(Path current, Path copy, Path previous, Path output, Path finish, Path pid) {

    static LfcFiles of(Path leaseFile) {
        String f = leaseFile.toString();
        return new LfcFiles(leaseFile, Path.of(f + ".1"), Path.of(f + ".2"), Path.of(f + ".output"),
                Path.of(f + ".completed"), Path.of(f + ".pid"));
    }
}
