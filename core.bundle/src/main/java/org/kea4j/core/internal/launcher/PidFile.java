package org.kea4j.core.internal.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A daemon's PID file, as Kea names it: {@code <dir>/<configuration file name without extension>.<daemon>.pid}
 * (for example {@code kea-dhcp4.kea-dhcp4.pid}), holding the process id. A second process started on the same
 * configuration file finds the first one's file and stops ({@code DHCP4_ALREADY_RUNNING}). The folder is
 * {@code KEA_PIDFILE_DIR}, else kea4j's data folder ({@code kea4j.data-dir}, default {@code ./kea4j-data}).
 */
final class PidFile {

    /** Environment variable naming the folder, as in Kea. */
    static final String DIR_ENV = "KEA_PIDFILE_DIR";

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /** Another live process holds the file. */
    static final class HeldException extends Exception {
        HeldException(String message) {
            super(message);
        }
    }

    /** The folder of PID files. */
    static Path dir() {
        String env = System.getenv(DIR_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("kea4j.data-dir", "kea4j-data"));
    }

    /** The PID file of a daemon run on a configuration file. */
    static Path path(Path dir, Path configFile, String daemon) {
        String name = configFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dir.resolve((dot > 0 ? name.substring(0, dot) : name) + "." + daemon + ".pid");
    }

    /**
     * Writes this process's id into the file. A file left by a process that is gone is replaced.
     *
     * @throws HeldException when the file names another live process (Kea's words: "PID: N exists, PID file: F")
     */
    static PidFile claim(Path file) throws IOException, HeldException {
        long self = ProcessHandle.current().pid();
        Files.createDirectories(file.toAbsolutePath().getParent());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(file, self + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new PidFile(file, self);
            } catch (FileAlreadyExistsException e) {
                Optional<Long> holder = holder(file);
                if (holder.isPresent() && holder.get() != self && ProcessHandle.of(holder.get())
                        .map(ProcessHandle::isAlive).orElse(false)) {
                    throw new HeldException("PID: " + holder.get() + " exists, PID file: " + file);
                }
                Files.deleteIfExists(file); // stale: its process is gone (or the file is not a PID file)
            }
        }
        throw new IOException("cannot create PID file " + file + ": another process keeps creating it");
    }

    /** The process id a file holds, if it holds one. */
    static Optional<Long> holder(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Path path() {
        return path;
    }

    /** Removes the file if it still names this process. */
    void release() {
        try {
            if (holder(path).map(p -> p == pid).orElse(false)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover file is replaced at the next start, its process being gone
        }
    }
}
