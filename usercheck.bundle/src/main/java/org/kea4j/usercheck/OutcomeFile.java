package org.kea4j.usercheck;

import static org.kea4j.usercheck.UserChkMessages.LOG;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_OUTCOME_WRITE_ERROR;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The outcome file: one record per decision, in Kea's format (five lines, the last blank), appended and
 * flushed at once so that another program can follow registrations:
 *
 * <pre>
 * id_type=HW_ADDR
 * client=hwtype=1 0c:0e:0a:01:ff:04
 * addr=192.0.2.10
 * registered=yes
 * </pre>
 *
 * A failing write is logged when it starts failing and the server carries on. Thread-safe.
 */
final class OutcomeFile implements Closeable {


    private final Path path;
    private final BufferedWriter out;
    private boolean failing;

    private OutcomeFile(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    /** Opens the file for appending, creating it. */
    static OutcomeFile open(Path path) throws IOException {
        return new OutcomeFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    Path path() {
        return path;
    }

    /** Appends one record. */
    synchronized void record(User.Type type, String client, String address, boolean registered) {
        try {
            out.write("id_type=" + type + "\nclient=" + client + "\naddr=" + address + "\nregistered="
                    + (registered ? "yes" : "no") + "\n\n");
            out.flush();
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                LOG.log(USER_CHK_OUTCOME_WRITE_ERROR, path, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
