package org.kea4j.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void parsesKeaStyleOptions() throws Exception {
        LauncherOptions o = LauncherOptions.parse(new String[] {"-c", "k.json", "-p", "1067", "-d", "--control-socket",
            "/tmp/s", "--hooks-dir", "h", "--messages", "m.mes"}, true);
        assertEquals(Path.of("k.json"), o.config());
        assertEquals(1067, o.port().getAsInt());
        assertTrue(o.debug());
        assertTrue(o.console());
        assertEquals(Path.of("/tmp/s"), o.controlSocket());
        assertEquals(Path.of("h"), o.hooksDir());
        assertEquals(Path.of("m.mes"), o.messages());
    }

    @Test
    void consoleFollowsTheTerminalUnlessTold() throws Exception {
        assertFalse(LauncherOptions.parse(new String[0], false).console());
        assertFalse(LauncherOptions.parse(new String[] {"--no-console"}, true).console());
        assertTrue(LauncherOptions.parse(new String[] {"--console"}, false).console());
    }

    @Test
    void aToolTakesTheRestOfTheLine() throws Exception {
        LauncherOptions o = LauncherOptions.parse(new String[] {"ctl", "/tmp/s", "list-commands", "-x"}, false);
        assertEquals(List.of("ctl", "/tmp/s", "list-commands", "-x"), o.command());
    }

    @Test
    void badCommandLinesAreRefused() {
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(new String[] {"-p", "0"}, false));
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(new String[] {"-c"}, false));
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(new String[] {"--bogus"}, false));
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(new String[] {"-d", "stray"}, false));
    }
}
