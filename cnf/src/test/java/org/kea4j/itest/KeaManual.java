package org.kea4j.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kea 0.9.1's messages manual, read as the specification of every message: an entry is a line that
 * starts with an ID, followed by the message text; what follows (the description) is not needed.
 */
public final class KeaManual {

    private static final Pattern ENTRY = Pattern.compile("^([A-Z][A-Z0-9]+_[A-Z0-9_]+)(?: (.*))?$");

    private KeaManual() {
    }

    /** Where the manual is: the {@code kea4j.manual} property, or the shared folder beside the checkout. */
    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("kea4j.manual");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("../../shared/seed/kea-0.9.1-messages-manual.txt"));
        candidates.add(Path.of("../shared/seed/kea-0.9.1-messages-manual.txt"));
        candidates.add(Path.of("/work/shared/seed/kea-0.9.1-messages-manual.txt"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Kea's messages manual not found; tried " + candidates
                + " (set -Dkea4j.manual=PATH)");
    }

    /** ID to text, in the manual's order. */
    public static Map<String, String> messages(Path manual) throws IOException {
        List<String> lines = Files.readAllLines(manual, StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Chapter") && lines.get(i).endsWith("Kea Log Messages")) {
                start = i + 1;
            }
        }
        if (start < 0) {
            throw new IOException("no 'Kea Log Messages' chapter in " + manual);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines.subList(start, lines.size())) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
        }
        return out;
    }
}
