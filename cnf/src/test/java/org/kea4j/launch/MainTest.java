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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path folder;

    /** The nice value of a thread of this process ({@code self}: the process), from its stat line. */
    private static int nice(Path stat) throws IOException {
        String line = Files.readString(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static List<Path> optimisingCompilerThreads() throws IOException {
        List<Path> threads = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (Files.readString(task.resolve("comm")).startsWith("C2 CompilerThre")) {
                    threads.add(task);
                }
            }
        }
        return threads;
    }

    @Test
    void lowersOnlyBelowTheProcesssOwnPriorityAndOnlyWithAWayBack() {
        assertTrue(Main.worthLowering(10, 0, true));
        assertFalse(Main.worthLowering(10, 0, false), "no way back: left as they are");
        assertFalse(Main.worthLowering(10, 10, true), "the process runs at nice 10 already");
        assertFalse(Main.worthLowering(10, 15, true), "renice would raise them above the process");
        assertFalse(Main.worthLowering(0, 0, true), "-Dkea4j.jit-nice=0");
        assertEquals(nice0(), Main.ownNice());
    }

    private static int nice0() {
        try {
            return nice(Path.of("/proc/self/stat"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean runsAsRoot() throws IOException {
        return Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    }

    @Test
    void rootMayRaiseThemAgain() throws Exception {
        assumeTrue(runsAsRoot(), "runs as root (as CI does)");
        assertTrue(Main.mayRaiseAgain());
    }

    @Test
    void theOptimisingCompilerThreadsAreLoweredBeforeTheFrameworkStarts() throws Exception {
        int before = nice(Path.of("/proc/self/stat"));
        assumeTrue(before < 10, "the build itself runs at nice 10 or lower");
        assumeTrue(Main.mayRaiseAgain(), "this process may not raise them again: the launcher leaves them");
        List<Path> threads = optimisingCompilerThreads();
        assertFalse(threads.isEmpty(), "this JVM has C2 compiler threads");
        Main.lowerCompilerPriority();
        long deadline = System.nanoTime() + 10_000_000_000L; // renice runs in the background: a bounded poll
        for (Path thread : threads) {
            while (nice(thread.resolve("stat")) != 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(10, nice(thread.resolve("stat")), thread.toString());
        }
        assertEquals(before, nice(Path.of("/proc/self/stat")), "the other threads keep their priority");
        List<String> back = new ArrayList<>(List.of("renice", "-n", String.valueOf(before), "-p"));
        threads.forEach(t -> back.add(t.getFileName().toString()));
        assertEquals(0, new ProcessBuilder(back).start().waitFor(), "as the server's core does once it listens");
    }

    @Test
    void anEmbeddedJarIsWrittenOnceWithItsEntriesStored() throws Exception {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        byte[] text = "a resource that deflates well ".repeat(100).getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            for (String name : List.of("META-INF/MANIFEST.MF", "org/", "org/a.txt", "org/b.bin")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.endsWith("/") ? new byte[0] : name.equals("org/b.bin") ? new byte[] {1, 2, 3} : text);
                zip.closeEntry();
            }
        }
        Path outer = folder.resolve("outer.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outer))) {
            jar.putNextEntry(new JarEntry("jar/inner-1.0.jar"));
            jar.write(inner.toByteArray());
            jar.closeEntry();
        }
        Path copies = Files.createDirectory(folder.resolve("copies"));
        Path copy;
        try (JarFile jar = new JarFile(outer.toFile())) {
            copy = Main.extract(jar, "jar/inner-1.0.jar", copies);
            Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(0));
            assertEquals(copy, Main.extract(jar, "jar/inner-1.0.jar", copies), "the same file, named by size and CRC");
        }
        assertEquals(0, Files.getLastModifiedTime(copy).toMillis(), "written once, then reused as it is");
        assertTrue(copy.getFileName().toString().startsWith("kea4j-" + System.getProperty("user.name") + "-"),
                copy.toString());
        assertTrue(copy.getFileName().toString().endsWith("-stored-inner-1.0.jar"), copy.toString());
        assertTrue(Main.ownedByThisProcess(copy));
        try (Stream<Path> left = Files.list(copies)) {
            assertEquals(List.of(copy), left.toList(), "no partial file left beside it");
        }
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "org/", "org/a.txt", "org/b.bin"),
                    zip.stream().map(ZipEntry::getName).toList(), "the same entries in the same order");
            zip.stream().forEach(e -> assertEquals(ZipEntry.STORED, e.getMethod(), e.getName()));
            try (InputStream in = zip.getInputStream(zip.getEntry("org/a.txt"))) {
                assertArrayEquals(text, in.readAllBytes());
            }
        }
    }

    @Test
    void aJarThatIsNotEmbeddedIsNamedInTheError() throws Exception {
        Path outer = folder.resolve("empty.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outer))) {
            jar.putNextEntry(new JarEntry("README"));
            jar.closeEntry();
        }
        try (JarFile jar = new JarFile(outer.toFile())) {
            IOException e = assertThrows(IOException.class, () -> Main.extract(jar, "jar/missing.jar", folder));
            assertTrue(e.getMessage().contains("jar/missing.jar"), e.getMessage());
        }
    }

    @Test
    void aCopyThatAnotherUserOwnsIsRefused() throws Exception {
        assumeTrue(runsAsRoot(), "runs as root (as CI does): it gives the planted copy to another user");
        Path outer = folder.resolve("outer.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outer))) {
            jar.putNextEntry(new JarEntry("jar/inner-1.0.jar"));
            jar.write(new byte[] {1, 2, 3});
            jar.closeEntry();
        }
        try (JarFile jar = new JarFile(outer.toFile())) {
            JarEntry entry = jar.getJarEntry("jar/inner-1.0.jar");
            Path planted = folder.resolve(Main.copyName(entry));
            Files.write(planted, new byte[] {9});
            Files.setAttribute(planted, "unix:uid", 65534);
            IOException e = assertThrows(IOException.class, () -> Main.extract(jar, "jar/inner-1.0.jar", folder));
            assertTrue(e.getMessage().contains("belongs to another user"), e.getMessage());
            assertArrayEquals(new byte[] {9}, Files.readAllBytes(planted), "left as it was");
        }
    }
}
