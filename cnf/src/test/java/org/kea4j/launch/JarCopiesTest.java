package org.kea4j.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCopiesTest {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path folder;

    /** An outer jar holding {@code jar/NAME} for each name, each a small jar of its own. */
    private Path outerJar(String... names) throws IOException {
        Path outer = folder.resolve("outer.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outer))) {
            for (String name : names) {
                jar.putNextEntry(new JarEntry("jar/" + name));
                jar.write(innerJar(name));
                jar.closeEntry();
            }
        }
        return outer;
    }

    private static byte[] innerJar(String marker) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        byte[] text = ("a resource that deflates well, in " + marker).repeat(100).getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            for (String name : List.of("META-INF/MANIFEST.MF", "org/", "org/a.txt", "org/b.bin")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.endsWith("/") ? new byte[0] : name.equals("org/b.bin") ? new byte[] {1, 2, 3} : text);
                zip.closeEntry();
            }
        }
        return inner.toByteArray();
    }

    private Path copies() throws IOException {
        return Files.createDirectories(folder.resolve("copies"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean runsAsRoot() throws IOException {
        return Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    }

    @Test
    void anEmbeddedJarIsWrittenOnceWithItsEntriesStored() throws Exception {
        JarCopies copies = new JarCopies(copies());
        Path copy;
        try (JarFile jar = new JarFile(outerJar("inner-1.0.jar").toFile())) {
            copy = copies.of(jar, List.of("jar/inner-1.0.jar")).get(0);
            Files.setLastModifiedTime(copy, FileTime.fromMillis(0));
            assertEquals(List.of(copy), copies.of(jar, List.of("jar/inner-1.0.jar")),
                    "the same file, named by size and CRC");
        }
        assertEquals(0, Files.getLastModifiedTime(copy).toMillis(), "written once, then reused as it is");
        assertTrue(copy.getFileName().toString().startsWith("kea4j-" + USER + "-"), copy.toString());
        assertTrue(copy.getFileName().toString().endsWith("-stored-inner-1.0.jar"), copy.toString());
        assertTrue(JarCopies.ownedByThisProcess(copy));
        long pid = ProcessHandle.current().pid();
        assertEquals(Stream.of(copy.getFileName().toString(), "kea4j-" + USER + "-uses-" + pid,
                "kea4j-" + USER + ".lock").sorted().toList(), names(copies()),
                "the copy, this process's list and the lock file: no partial file left beside them");
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "org/", "org/a.txt", "org/b.bin"),
                    zip.stream().map(ZipEntry::getName).toList(), "the same entries in the same order");
            zip.stream().forEach(e -> assertEquals(ZipEntry.STORED, e.getMethod(), e.getName()));
            try (InputStream in = zip.getInputStream(zip.getEntry("org/a.txt"))) {
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).endsWith("in inner-1.0.jar"));
            }
        }
        assertEquals(List.of(copy.getFileName().toString()),
                Files.readAllLines(copies().resolve("kea4j-" + USER + "-uses-" + pid)), "listed once");
    }

    @Test
    void copiesAndListsThatNoRunningProcessUsesAreRemoved() throws Exception {
        Path copies = copies();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            String old = "kea4j-" + USER + "-1234-abcd-stored-org.kea4j.core-0.0.9.jar";
            String keptByRunning = "kea4j-" + USER + "-5678-ef01-stored-org.kea4j.core-0.1.0.jar";
            String partial = "kea4j-" + USER + "-99887766.part";
            String unrelated = "kea4j-" + USER + "-notes.txt";
            String goneList = "kea4j-" + USER + "-uses-" + gone.pid();
            String runningList = "kea4j-" + USER + "-uses-" + running.pid();
            for (String name : List.of(old, keptByRunning, partial, unrelated, "kea4j-osgi-1-0", "other.jar")) {
                Files.write(copies.resolve(name), new byte[] {1});
            }
            Files.writeString(copies.resolve(goneList), old + "\n");
            Files.writeString(copies.resolve(runningList), keptByRunning + "\n");

            JarCopies jarCopies = new JarCopies(copies);
            Path copy;
            try (JarFile jar = new JarFile(outerJar("a-1.0.jar").toFile())) {
                copy = jarCopies.of(jar, List.of("jar/a-1.0.jar")).get(0);
            }
            jarCopies.removeUnused();
            String own = "kea4j-" + USER + "-uses-" + ProcessHandle.current().pid();
            assertEquals(Stream.of("kea4j-osgi-1-0", copy.getFileName().toString(), keptByRunning, unrelated, own,
                    runningList, "other.jar", "kea4j-" + USER + ".lock").sorted().toList(), names(copies),
                    "the copy a running process lists, its list and files not of this shape stay; the copy only a"
                            + " gone process listed, its list and the unfinished copy are removed");
            assertEquals(List.of(copy.getFileName().toString()), Files.readAllLines(copies.resolve(own)));
        } finally {
            running.destroy();
            running.waitFor();
        }
    }

    @Test
    void aGoneProcesssCopiesAreReusedByTheNextOneThatListsThem() throws Exception {
        Path shared = copies();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        JarCopies copies = new JarCopies(shared);
        try (JarFile jar = new JarFile(outerJar("a-1.0.jar", "b-1.0.jar").toFile())) {
            List<Path> earlier = copies.of(jar, List.of("jar/a-1.0.jar", "jar/b-1.0.jar"));
            for (Path copy : earlier) {
                Files.setLastModifiedTime(copy, FileTime.fromMillis(0));
            }
            // as if an earlier start (a process now gone) had written them
            Path own = shared.resolve("kea4j-" + USER + "-uses-" + ProcessHandle.current().pid());
            Files.move(own, shared.resolve("kea4j-" + USER + "-uses-" + gone.pid()));

            // a start lists and finds its copies in two steps (the framework's jars, then the bundles), then removes
            Path a = copies.of(jar, List.of("jar/a-1.0.jar")).get(0);
            List<Path> both = copies.of(jar, List.of("jar/b-1.0.jar", "jar/a-1.0.jar"));
            copies.removeUnused();
            assertEquals(List.of(earlier.get(1), a), both, "the same files, in the order asked");
            for (Path copy : earlier) {
                assertEquals(0, Files.getLastModifiedTime(copy).toMillis(), "kept and reused, not written again");
            }
            assertFalse(Files.exists(shared.resolve("kea4j-" + USER + "-uses-" + gone.pid())), "the gone one's list");
            assertEquals(List.of(earlier.get(0).getFileName().toString(), earlier.get(1).getFileName().toString()),
                    Files.readAllLines(own), "both listed by this process");
        }
    }

    @Test
    void aJarThatIsNotEmbeddedIsNamedInTheError() throws Exception {
        try (JarFile jar = new JarFile(outerJar("inner-1.0.jar").toFile())) {
            IOException e = assertThrows(IOException.class,
                    () -> new JarCopies(copies()).of(jar, List.of("jar/missing.jar")));
            assertTrue(e.getMessage().contains("jar/missing.jar"), e.getMessage());
        }
    }

    @Test
    void aCopyThatAnotherUserOwnsIsRefusedAndLeftAlone() throws Exception {
        assumeTrue(runsAsRoot(), "runs as root (as CI does): it gives the planted copy to another user");
        Path copies = copies();
        JarCopies jarCopies = new JarCopies(copies);
        try (JarFile jar = new JarFile(outerJar("inner-1.0.jar").toFile())) {
            Path planted = copies.resolve(jarCopies.copyName(jar.getJarEntry("jar/inner-1.0.jar")));
            Files.write(planted, new byte[] {9});
            Files.setAttribute(planted, "unix:uid", 65534);
            Path strangers = copies.resolve("kea4j-" + USER + "-1-2-stored-x.jar");
            Files.write(strangers, new byte[] {8});
            Files.setAttribute(strangers, "unix:uid", 65534);
            IOException e = assertThrows(IOException.class, () -> jarCopies.of(jar, List.of("jar/inner-1.0.jar")));
            assertTrue(e.getMessage().contains("belongs to another user"), e.getMessage());
            assertArrayEquals(new byte[] {9}, Files.readAllBytes(planted), "left as it was");
            assertArrayEquals(new byte[] {8}, Files.readAllBytes(strangers), "another user's: not removed");
        }
    }

    @Test
    void theLockFileIsNotFollowedWhereSomeoneLinkedIt() throws Exception {
        Path copies = copies();
        Path target = folder.resolve("target-file");
        Files.writeString(target, "untouched");
        Files.createSymbolicLink(copies.resolve("kea4j-" + USER + ".lock"), target);
        try (JarFile jar = new JarFile(outerJar("inner-1.0.jar").toFile())) {
            assertThrows(IOException.class, () -> new JarCopies(copies).of(jar, List.of("jar/inner-1.0.jar")));
        }
        assertEquals("untouched", Files.readString(target));
        assertFalse(names(copies).stream().anyMatch(n -> n.contains("-stored-")), "nothing written");
    }
}
