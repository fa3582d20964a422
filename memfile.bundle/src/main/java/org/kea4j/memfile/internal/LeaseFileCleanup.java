package org.kea4j.memfile.internal;

import static org.kea4j.memfile.internal.LfcMessages.LFC_FAIL_PID_CREATE;
import static org.kea4j.memfile.internal.LfcMessages.LFC_FAIL_PID_DEL;
import static org.kea4j.memfile.internal.LfcMessages.LFC_FAIL_PROCESS;
import static org.kea4j.memfile.internal.LfcMessages.LFC_FAIL_ROTATE;
import static org.kea4j.memfile.internal.LfcMessages.LFC_PROCESSING;
import static org.kea4j.memfile.internal.LfcMessages.LFC_READ_STATS;
import static org.kea4j.memfile.internal.LfcMessages.LFC_ROTATING;
import static org.kea4j.memfile.internal.LfcMessages.LFC_RUNNING;
import static org.kea4j.memfile.internal.LfcMessages.LFC_START;
import static org.kea4j.memfile.internal.LfcMessages.LFC_TERMINATE;
import static org.kea4j.memfile.internal.LfcMessages.LFC_WRITE_STATS;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kea4j.log.KeaLogger;

/**
 * Lease File Cleanup, as kea-lfc does it: merge the previous result (F.2) and the copy (F.1) into a file
 * that holds only the latest state of each live lease, then rotate it into place. Every step leaves files
 * from which a restarting server (or the next cleanup) recovers every lease:
 *
 * <ol>
 * <li>refuse to run when the PID file names a live process, else write our PID;</li>
 * <li>unless F.completed exists: load F.2 then F.1, write F.output (forced to disk), rename it to
 * F.completed;</li>
 * <li>delete F.2, delete F.1, rename F.completed to F.2;</li>
 * <li>remove the PID file.</li>
 * </ol>
 */
final class LeaseFileCleanup {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("lfc");

    /** How a run ended. */
    enum Result { DONE, ALREADY_RUNNING, FAILED }

    private LeaseFileCleanup() {
    }

    static Result run(int universe, LfcFiles files) {
        LOG.log(LFC_START);
        try {
            Optional<Long> running = livePid(files.pid());
            if (running.isPresent()) {
                LOG.log(LFC_RUNNING);
                return Result.ALREADY_RUNNING;
            }
            try {
                Files.writeString(files.pid(), ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                LOG.log(LFC_FAIL_PID_CREATE, "cannot write " + files.pid() + ": " + e.getMessage());
                return Result.FAILED;
            }
            FaultPoints.reach("lfc.pid-written");
            Result result = Result.DONE;
            try {
                if (!Files.exists(files.finish())) {
                    compact(universe, files);
                }
                LOG.log(LFC_ROTATING);
                rotate(files);
            } catch (CleanupException e) {
                LOG.log(e.rotating ? LFC_FAIL_ROTATE : LFC_FAIL_PROCESS, e.getMessage());
                result = Result.FAILED;
            }
            FaultPoints.reach("lfc.before-pid-removal");
            try {
                Files.deleteIfExists(files.pid());
            } catch (IOException e) {
                LOG.log(LFC_FAIL_PID_DEL, "cannot delete " + files.pid() + ": " + e.getMessage());
            }
            return result;
        } finally {
            LOG.log(LFC_TERMINATE);
        }
    }

    /** The PID in the file, when that process is alive and is not this one. */
    static Optional<Long> livePid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            if (pid == ProcessHandle.current().pid()) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final class CleanupException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean rotating;

        CleanupException(String message, boolean rotating) {
            super(message);
            this.rotating = rotating;
        }
    }

    private static void compact(int universe, LfcFiles files) throws CleanupException {
        LOG.log(LFC_PROCESSING, files.previous(), files.copy());
        if (universe == 4) {
            compact(new Lease4Codec(), new Lease4Store(), files);
        } else {
            compact(new Lease6Codec(), new Lease6Store(), files);
        }
    }

    private static <L> void compact(LeaseCodec<L> codec, LeaseStore<L> store, LfcFiles files) throws CleanupException {
        long rows = 0;
        long errors = 0;
        long loaded = 0;
        for (Path input : List.of(files.previous(), files.copy())) {
            if (!Files.exists(input)) {
                continue;
            }
            try {
                LeaseFileLoader.Stats stats = LeaseFileLoader.load(input, codec, store, 0, LOG);
                rows += stats.rows();
                errors += stats.errors();
                loaded += stats.leases();
            } catch (IOException e) {
                throw new CleanupException("cannot read " + input + ": " + e.getMessage(), false);
            }
        }
        LOG.log(LFC_READ_STATS, loaded, rows, errors);
        FaultPoints.reach("lfc.inputs-read");
        List<L> leases = new ArrayList<>(store.size());
        store.forEach(leases::add);
        long written = 0;
        try (FileChannel channel = FileChannel.open(files.output(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                Writer out = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            out.write(codec.header());
            out.write('\n');
            for (L lease : leases) {
                out.write(codec.format(lease));
                written++;
                if (written == leases.size() / 2) {
                    out.flush();
                    FaultPoints.reach("lfc.output-half-written");
                }
            }
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new CleanupException("cannot write " + files.output() + ": " + e.getMessage(), false);
        }
        LOG.log(LFC_WRITE_STATS, written, leases.size(), 0);
        FaultPoints.reach("lfc.output-written");
        try {
            Files.move(files.output(), files.finish(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CleanupException("cannot rename " + files.output() + " to " + files.finish() + ": " + e.getMessage(),
                    false);
        }
        FaultPoints.reach("lfc.completed");
    }

    private static void rotate(LfcFiles files) throws CleanupException {
        try {
            Files.deleteIfExists(files.previous());
            FaultPoints.reach("lfc.previous-deleted");
            Files.deleteIfExists(files.copy());
            FaultPoints.reach("lfc.copy-deleted");
            Files.move(files.finish(), files.previous(), StandardCopyOption.ATOMIC_MOVE);
            FaultPoints.reach("lfc.rotated");
        } catch (IOException e) {
            throw new CleanupException("cannot rotate the lease files: " + e.getMessage(), true);
        }
    }
}
