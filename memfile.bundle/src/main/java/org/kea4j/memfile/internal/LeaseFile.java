package org.kea4j.memfile.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease file the server appends to, with group commit. A caller enqueues its row (in the order its
 * change was applied in memory) and then waits until the row has been written to the operating system:
 * the first waiting caller writes everything enqueued so far in one {@code write}, the others find their
 * rows written when it is done. One caller pays one system call; many callers share them.
 *
 * <p>Written, not forced to disk: a lease survives the death of the process ({@code kill -9}); surviving
 * power loss would need {@code fsync}, which Kea's memfile does not do either.
 */
final class LeaseFile implements AutoCloseable {

    private final Path path;
    private final String header;
    private final Object lock = new Object();
    private FileChannel channel;
    /**
     * The channel's position, where the next row goes (kept here: no system call per write to ask); -1 unknown, as
     * after an open, and then asked of the channel once.
     */
    private long end;
    /** A failed write may have left a partial row that could not be cut off: start the next on a new line. */
    private boolean tailBroken;
    private byte[] pending = new byte[1 << 16];
    private byte[] spare = new byte[1 << 16];
    private int pendingLength;
    private long enqueued;
    private long written;
    private boolean writing;
    /** Sequence ranges whose write failed, with the cause: [from, to]. */
    private final List<Failure> failures = new ArrayList<>();

    private record Failure(long from, long to, IOException cause) {
    }

    private LeaseFile(Path path, String header, FileChannel channel) {
        this.path = path;
        this.header = header;
        this.channel = channel;
        this.end = -1;
    }

    /**
     * Opens a lease file for appending: creates it with the header when missing, and ends a truncated last
     * line (a crash in the middle of a write) so that the next row starts on a line of its own.
     */
    static LeaseFile open(Path path, String header) throws IOException {
        return new LeaseFile(path, header, openChannel(path, header));
    }

    private static FileChannel openChannel(Path path, String header) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            long size = ch.size();
            ch.position(size);
            if (size == 0) {
                writeFully(ch, ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.UTF_8)));
            } else {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    writeFully(ch, ByteBuffer.wrap(new byte[] {'\n'}));
                }
            }
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            ch.write(buffer);
        }
    }

    Path path() {
        return path;
    }

    /** Adds a row to the next write; returns its sequence number. Cheap: call it under the store's lock. */
    long enqueue(String row) {
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (pendingLength + bytes.length > pending.length) {
                byte[] bigger = new byte[Math.max(pending.length * 2, pendingLength + bytes.length)];
                System.arraycopy(pending, 0, bigger, 0, pendingLength);
                pending = bigger;
            }
            System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
            pendingLength += bytes.length;
            return ++enqueued;
        }
    }

    /** Returns once the row with this sequence number has been written; throws when its write failed. */
    void await(long sequence) throws IOException {
        byte[] batch;
        int length;
        long upTo;
        synchronized (lock) {
            while (true) {
                if (written >= sequence) {
                    throwIfFailed(sequence);
                    return;
                }
                if (!writing) {
                    break;
                }
                waitUninterruptibly();
            }
            writing = true;
            batch = pending;
            length = pendingLength;
            upTo = enqueued;
            pending = spare;
            pendingLength = 0;
        }
        IOException error = null;
        try {
            append(batch, length);
        } catch (IOException e) {
            error = e;
        }
        synchronized (lock) {
            if (error != null) {
                failures.add(new Failure(written + 1, upTo, error));
            }
            written = upTo;
            writing = false;
            spare = batch;
            lock.notifyAll();
            throwIfFailed(sequence);
        }
    }

    /**
     * Appends rows; a write that fails (a full disk) is undone, so that no partial row is left for the next
     * rows to be glued to: the file is cut back to where the write started, or, when even that fails, the next
     * write starts on a new line (the partial row is then a bad row of its own, skipped when loaded).
     */
    private void append(byte[] rows, int length) throws IOException {
        long start = end;
        try {
            if (start < 0) {
                start = channel.position();
            }
            long next = start;
            if (tailBroken) {
                writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
                tailBroken = false;
                next++;
            }
            writeFully(channel, ByteBuffer.wrap(rows, 0, length));
            end = next + length;
        } catch (IOException e) {
            end = -1;
            try {
                if (start < 0) {
                    throw e;
                }
                channel.truncate(start);
                channel.position(start);
                end = start;
            } catch (IOException stillBroken) {
                tailBroken = true;
            }
            throw e;
        }
    }

    private void throwIfFailed(long sequence) throws IOException {
        for (Failure f : failures) {
            if (sequence >= f.from && sequence <= f.to) {
                throw new IOException("could not write to " + path + ": " + f.cause.getMessage(), f.cause);
            }
        }
    }

    private void waitUninterruptibly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is enqueued (nobody waits for it). */
    private void flushPendingLocked() throws IOException {
        while (writing) {
            waitUninterruptibly();
        }
        if (pendingLength > 0) {
            append(pending, pendingLength);
            pendingLength = 0;
            written = enqueued;
            lock.notifyAll();
        }
    }

    /**
     * Lease File Cleanup's first step: moves the file to {@code target} and starts a new one with a header.
     * Rows enqueued before go to the moved file, rows enqueued after to the new one.
     *
     * @throws IOException when the rename failed (the file stays as it was) or the new file cannot be opened
     *                     (then {@link ReopenException}: nothing is persisted until it can)
     */
    void rotate(Path target) throws IOException {
        synchronized (lock) {
            flushPendingLocked();
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            FaultPoints.reach("memfile.rotated");
            channel.close();
            end = -1;
            try {
                channel = openChannel(path, header);
            } catch (IOException e) {
                throw new ReopenException(e);
            }
        }
    }

    /** The new lease file could not be opened after the rotation. */
    static final class ReopenException extends IOException {
        private static final long serialVersionUID = 1L;

        ReopenException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            try {
                flushPendingLocked();
            } finally {
                channel.close();
            }
        }
    }
}
