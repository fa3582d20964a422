package org.kea4j.itest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kea 0.9.1's log messages, the specification of every message kea4j logs: the fixture
 * {@code kea-0.9.1-messages.txt} (taken from its messages manual), one {@code ID text} per line; and
 * {@code kea-2.2-messages.txt}, the messages where kea4j follows Kea 2.2's text, beside it.
 */
public final class KeaMessages {

    private static final String RESOURCE = "/kea-0.9.1-messages.txt";

    private KeaMessages() {
    }

    /** The fixture's file (the tests' resources). */
    public static Path file() {
        URL url = KeaMessages.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Kea 2.2 fixture beside a 0.9.1 fixture file. */
    public static Path kea22(Path kea091) {
        return kea091.resolveSibling("kea-2.2-messages.txt");
    }

    /** What kea4j must register: 0.9.1's messages, with Kea 2.2's texts and additions over them. */
    public static Map<String, String> specification(Path kea091) throws IOException {
        Map<String, String> out = read(kea091);
        out.putAll(read(kea22(kea091)));
        return out;
    }

    /** ID to text, in the manual's order. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            out.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        }
        return out;
    }
}
