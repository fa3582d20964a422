package org.kea4j.itest.net;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** perfdhcp's report, as the tests read it. */
public final class Perfdhcp {

    private Perfdhcp() {
    }

    /**
     * Sent and received packets per exchange type ({@code DISCOVER-OFFER}, {@code REQUEST-ACK},
     * {@code SOLICIT-ADVERTISE}, {@code REQUEST-REPLY}) of a report.
     *
     * @throws AssertionError when a required exchange type is not in the report
     */
    public static Map<String, long[]> stats(String report, String... required) {
        Map<String, long[]> out = new HashMap<>();
        Matcher m = Pattern.compile("Statistics for: ([A-Z-]+)\\*+\\s+sent packets: (\\d+)\\s+received packets: (\\d+)")
                .matcher(report);
        while (m.find()) {
            out.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        if (!out.keySet().containsAll(List.of(required))) {
            throw new AssertionError("no perfdhcp statistics for " + List.of(required) + " in: " + report);
        }
        return out;
    }
}
