package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kea4j.itest.KeaMessages;
import org.kea4j.itest.net.External;

/**
 * The fixture of Kea 2.2's message texts that kea4j follows is Kea 2.2's own: every ID and every text of
 * {@code kea-2.2-messages.txt} is a string compiled into the installed Kea 2.2 (Debian's kea-dhcp4/6 and
 * their libraries).
 */
class Kea22MessagesIT {

    @Test
    void everyIdAndTextIsInTheInstalledKea() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(Files.readAllBytes(External.program("kea-dhcp4")));
        all.write(Files.readAllBytes(External.program("kea-dhcp6")));
        all.write(Files.readAllBytes(External.program("kea-ctrl-agent")));
        try (Stream<Path> libs = Files.list(Path.of("/usr/lib/x86_64-linux-gnu"))) {
            for (Path lib : libs.filter(p -> p.getFileName().toString().matches("libkea-.*\\.so\\.[0-9.]+")).toList()) {
                all.write(Files.readAllBytes(lib));
            }
        }
        String strings = new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
        Map<String, String> fixture = KeaMessages.read(KeaMessages.kea22(KeaMessages.file()));
        assertFalse(fixture.isEmpty());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> m : fixture.entrySet()) {
            if (!containsId(strings, m.getKey())) {
                missing.add("ID " + m.getKey());
            }
            if (!strings.contains("\0" + m.getValue() + "\0")) {
                missing.add(m.getKey() + " text '" + m.getValue() + "'");
            }
        }
        assertEquals(List.of(), missing, "not in Kea 2.2's binaries");
    }

    /** The ID as a whole string: followed by its terminating NUL, not preceded by a character of an ID. */
    private static boolean containsId(String strings, String id) {
        for (int i = strings.indexOf(id + "\0"); i >= 0; i = strings.indexOf(id + "\0", i + 1)) {
            char before = i == 0 ? '\0' : strings.charAt(i - 1);
            if (!(Character.isUpperCase(before) || Character.isDigit(before) || before == '_')) {
                return true;
            }
        }
        return false;
    }
}
