package org.kea4j.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkRunnerTest {

    @TempDir
    Path parent;

    @Test
    void storageOfAProcessThatIsGoneIsRemovedAndTheRestIsLeftAlone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        Path ofGone = Files.createDirectories(parent.resolve(FrameworkRunner.STORAGE_PREFIX + gone.pid() + "-1"));
        Files.writeString(Files.createDirectories(ofGone.resolve("bundle1")).resolve("bundle.info"), "x");
        Path ofThis = Files.createDirectories(parent.resolve(
                FrameworkRunner.STORAGE_PREFIX + ProcessHandle.current().pid() + "-2"));
        Path notOurs = Files.createDirectories(parent.resolve("kea4j-osgi-cache"));
        Path other = Files.createDirectories(parent.resolve("something-else-" + gone.pid() + "-3"));

        FrameworkRunner.removeStorageOfGoneProcesses(parent);

        assertFalse(Files.exists(ofGone));
        assertTrue(Files.isDirectory(ofThis));
        assertTrue(Files.isDirectory(notOurs));
        assertTrue(Files.isDirectory(other));
    }

    @Test
    void aNewStorageFolderIsNamedAfterThisProcessAndIsItsUsersOnly() throws Exception {
        Path folder = FrameworkRunner.storageFolder();
        Path another = FrameworkRunner.storageFolder();
        try {
            assertTrue(Files.isDirectory(folder));
            String name = folder.getFileName().toString();
            assertTrue(name.startsWith(FrameworkRunner.STORAGE_PREFIX + ProcessHandle.current().pid() + "-"), name);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertNotEquals(folder, another, "each call a fresh folder");
        } finally {
            Files.delete(folder);
            Files.delete(another);
        }
    }

    @Test
    void headersAreSplitAtCommasOutsideQuotes() {
        assertEquals(List.of("a;version=\"[1,2)\"", "b"), FrameworkRunner.splitClauses("a;version=\"[1,2)\",b"));
        assertEquals("sun.misc", FrameworkRunner.systemPackagesExtra("org.osgi.framework;version=1.10,sun.misc"));
    }
}
