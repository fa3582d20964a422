package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kea4j.itest.net.External;

/** The configuration files Debian's kea-dhcp4-server and kea-dhcp6-server 2.2 ship pass kea4j's check as they are. */
class DebianConfigsIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"kea-dhcp4", "kea-dhcp6"})
    void debiansConfigurationIsAccepted(String daemon) throws Exception {
        Path file = Path.of("/etc/kea/" + daemon + ".conf");
        if (!Files.exists(file)) {
            External.program(daemon); // fails when the external packages are required, skips otherwise
        }
        Kea4jProcess.Result r = Kea4jProcess.run(dir, 60, "-t", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Configuration seems sane"), r.output());
    }
}
