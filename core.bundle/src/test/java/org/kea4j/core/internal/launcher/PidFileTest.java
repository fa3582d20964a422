package org.kea4j.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void isNamedAsKeaNamesIt() {
        assertEquals(dir.resolve("kea-dhcp4.kea-dhcp4.pid"),
                PidFile.path(dir, Path.of("/etc/kea/kea-dhcp4.conf"), "kea-dhcp4"));
        assertEquals(dir.resolve("lab.kea-dhcp6.pid"), PidFile.path(dir, Path.of("lab"), "kea-dhcp6"));
    }

    @Test
    void holdsThisProcessAndIsRemovedOnRelease() throws Exception {
        Path file = dir.resolve("sub/a.kea-dhcp4.pid");
        PidFile claimed = PidFile.claim(file);
        assertEquals(Optional.of(ProcessHandle.current().pid()), PidFile.holder(file));
        claimed.release();
        assertFalse(Files.exists(file));
    }

    @Test
    void aLiveHolderRefusesTheClaimWithKeasWords() throws Exception {
        Path file = dir.resolve("a.kea-dhcp4.pid");
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(file, other.pid() + "\n");
            PidFile.HeldException held = assertThrows(PidFile.HeldException.class, () -> PidFile.claim(file));
            assertEquals("PID: " + other.pid() + " exists, PID file: " + file, held.getMessage());
            assertEquals(Optional.of(other.pid()), PidFile.holder(file), "the holder's file is left alone");
        } finally {
            other.destroyForcibly(); // the process this test started, by its handle
            other.waitFor();
        }
        PidFile.claim(file).release();
    }

    @Test
    void aFileLeftByAGoneProcessOrNotAPidFileIsReplaced() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path file = dir.resolve("a.kea-dhcp4.pid");
        Files.writeString(file, gone.pid() + "\n");
        PidFile.claim(file);
        assertEquals(Optional.of(ProcessHandle.current().pid()), PidFile.holder(file));
        Files.writeString(file, "not a number");
        assertTrue(PidFile.claim(file).path().equals(file));
        assertEquals(Optional.of(ProcessHandle.current().pid()), PidFile.holder(file));
    }

    @Test
    void releaseLeavesAFileThatAnotherProcessWrote() throws Exception {
        Path file = dir.resolve("a.kea-dhcp4.pid");
        PidFile claimed = PidFile.claim(file);
        Files.writeString(file, "1\n");
        claimed.release();
        assertEquals(Optional.of(1L), PidFile.holder(file));
    }
}
