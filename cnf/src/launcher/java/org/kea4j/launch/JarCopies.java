package org.kea4j.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The copies of the jars that {@code kea4j.jar} carries (a class loader and the framework's {@code reference:}
 * bundles need files), kept in a folder shared by this user's kea4j processes ({@code java.io.tmpdir}): each
 * written once, named by the user and the jar's size and CRC, with its entries stored uncompressed so that loading
 * a class or reading a resource inflates nothing on every start.
 *
 * <p>Every process lists the copies it uses in a file named after its PID ({@code kea4j-USER-uses-PID}) before it
 * looks for them; the server, once it has all its copies, removes the lists of processes that are gone and the
 * copies no list names (those of earlier builds), so the folder does not fill up build after build. A lock file
 * ({@code kea4j-USER.lock}) keeps listing and writing apart from removing: a copy a process has listed is not removed
 * while that process runs.
 * A file of a copy's or a list's name that another user owns is not used (anyone may write in {@code /tmp}).
 */
final class JarCopies {

    private final Path folder;
    private final String user;

    JarCopies(Path folder) {
        this.folder = folder;
        this.user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The copies in {@code java.io.tmpdir}. */
    static JarCopies inTemporaryFolder() {
        return new JarCopies(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * The embedded jars {@code names} as files, in the same order: listed as used by this process, written where
     * there is no copy yet.
     */
    List<Path> of(JarFile jar, List<String> names) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        for (String name : names) {
            JarEntry entry = name == null ? null : jar.getJarEntry(name);
            if (entry == null) {
                throw new IOException("kea4j.jar holds no " + name);
            }
            entries.add(entry);
        }
        try (Locked locked = lock()) {
            Set<String> used = new LinkedHashSet<>();
            entries.forEach(entry -> used.add(copyName(entry)));
            list(used);
            List<Path> files = new ArrayList<>();
            for (JarEntry entry : entries) {
                files.add(copy(jar, entry));
            }
            return files;
        }
    }

    /**
     * Removes the lists whose process is gone, then this user's copies and unfinished copies that no remaining list
     * names. Another user's files, and files it cannot read or remove, are left as they are.
     */
    void removeUnused() throws IOException {
        try (Locked locked = lock()) {
            Set<String> used = new HashSet<>();
            try (DirectoryStream<Path> lists = Files.newDirectoryStream(folder, listPrefix() + "*")) {
                for (Path list : lists) {
                    String pid = list.getFileName().toString().substring(listPrefix().length());
                    if (!pid.matches(PID) || !ownedByThisProcess(list)) {
                        continue;
                    }
                    if (processGone(pid)) {
                        Files.deleteIfExists(list);
                    } else {
                        used.addAll(read(list));
                    }
                }
            }
            Pattern ours = Pattern.compile(Pattern.quote("kea4j-" + user + "-")
                    + "(\\d+-[0-9a-f]+-stored-.+\\.jar|.*\\.part)");
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "kea4j-" + user + "-*")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (ours.matcher(name).matches() && !used.contains(name) && ownedByThisProcess(file)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** The lock file held: closing its channel releases it. */
    private record Locked(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Waits for the lock file (another of this user's kea4j processes may hold it for a moment). */
    private Locked lock() throws IOException {
        Path lock = folder.resolve("kea4j-" + user + ".lock");
        FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            refuseIfAnotherUsers(lock);
            channel.lock();
            return new Locked(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Adds {@code names} to this process's list of the copies it uses. */
    private void list(Set<String> names) throws IOException {
        Path own = folder.resolve(listPrefix() + ProcessHandle.current().pid());
        Set<String> missing = new LinkedHashSet<>(names);
        if (Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
            refuseIfAnotherUsers(own);
            missing.removeAll(read(own));
        }
        if (!missing.isEmpty()) {
            Files.write(own, missing, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** A process ID as the name of a file or folder holds it. */
    static final String PID = "\\d{1,10}";

    /** Whether {@code pid} (digits, {@link #PID}) names a process that is no longer running. */
    static boolean processGone(String pid) {
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).isEmpty();
    }

    private String listPrefix() {
        return "kea4j-" + user + "-uses-";
    }

    private static Set<String> read(Path list) throws IOException {
        try (InputStream in = Files.newInputStream(list, LinkOption.NOFOLLOW_LINKS)) {
            return new HashSet<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    /** The copy of {@code entry}: the one there, or one written now. */
    private Path copy(JarFile jar, JarEntry entry) throws IOException {
        Path file = folder.resolve(copyName(entry));
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            refuseIfAnotherUsers(file);
            return file;
        }
        Path partial = Files.createTempFile(folder, "kea4j-" + user + "-", ".part");
        try (InputStream in = jar.getInputStream(entry)) {
            storeUncompressed(in, partial);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The name of an embedded jar's copy: this user's, the jar's size and CRC, then its own name. */
    String copyName(JarEntry entry) {
        return "kea4j-" + user + "-" + entry.getSize() + "-" + Long.toHexString(entry.getCrc()) + "-stored-"
                + Path.of(entry.getName()).getFileName();
    }

    private static void refuseIfAnotherUsers(Path file) throws IOException {
        if (!ownedByThisProcess(file)) {
            throw new IOException(file + " belongs to another user: kea4j does not use it (remove it, or give this"
                    + " process another java.io.tmpdir)");
        }
    }

    /** Whether the file's owner is this process's user (Linux: the owner of {@code /proc/self}; elsewhere true). */
    static boolean ownedByThisProcess(Path file) throws IOException {
        Object uid = ProcessUser.UID;
        return uid == null || Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS).equals(uid);
    }

    /** This process's user ID, read once a start (the owner of {@code /proc/self}); null where there is none. */
    private static final class ProcessUser {
        static final Object UID = read();

        private static Object read() {
            Path self = Path.of("/proc/self");
            try {
                return Files.exists(self) ? Files.getAttribute(self, "unix:uid") : null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the owner of /proc/self", e);
            }
        }
    }

    /** Copies the zip (jar) read from {@code in} to {@code target}, every entry stored, in the same order. */
    static void storeUncompressed(InputStream in, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setMethod(ZipOutputStream.STORED);
            CRC32 crc = new CRC32();
            for (ZipEntry from; (from = zip.getNextEntry()) != null; ) {
                byte[] bytes = zip.readAllBytes();
                crc.reset();
                crc.update(bytes);
                ZipEntry to = new ZipEntry(from.getName());
                to.setMethod(ZipEntry.STORED);
                to.setSize(bytes.length);
                to.setCompressedSize(bytes.length);
                to.setCrc(crc.getValue());
                to.setTime(from.getTime());
                out.putNextEntry(to);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
