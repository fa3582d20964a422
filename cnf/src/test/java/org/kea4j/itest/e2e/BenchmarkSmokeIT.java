package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kea4j.itest.net.External;

/**
 * The benchmark script works (a smoke check, not a measurement): a short run of {@code cnf/bench/dhcp.sh} against
 * kea4j and Kea 2.2 prints its table with a row where both servers answered; the figures are not judged here.
 */
class BenchmarkSmokeIT {

    @Test
    void theBenchmarkPrintsBothServersSideBySide() throws Exception {
        External.program("perfdhcp");
        External.program("kea-dhcp4");
        Path script = Path.of(System.getProperty("kea4j.repository", "..")).resolve("cnf/bench/dhcp.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--modes", "v4", "--rates", "200", "--seconds", "2",
                "--runs", "1", "--warmup", "1").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        Matcher row = Pattern.compile("^v4 +memfile +200 \\| +(\\d+) .*\\| +(\\d+) .*$", Pattern.MULTILINE).matcher(output);
        assertTrue(row.find(), output);
        for (String rate : List.of(row.group(1), row.group(2))) {
            assertTrue(Integer.parseInt(rate) > 0, "both servers answered: " + output);
        }
        assertTrue(output.contains("RSS at the end: v4 memfile kea4j"), output);
        System.out.println(output);
    }

    /** --cold starts each server afresh and runs perfdhcp from its DHCPn_STARTED line: both answered. */
    @Test
    void theColdStartBenchmarkRunsFromTheStartedLine() throws Exception {
        External.program("perfdhcp");
        External.program("kea-dhcp6");
        Path script = Path.of(System.getProperty("kea4j.repository", "..")).resolve("cnf/bench/dhcp.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--modes", "v6", "--rates", "100", "--seconds", "2",
                "--runs", "1", "--cold").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("each begun when a freshly started server logged DHCPn_STARTED"), output);
        Matcher row = Pattern.compile("^v6 +memfile +100 \\| +(\\d+) .*\\| +(\\d+) .*$", Pattern.MULTILINE).matcher(output);
        assertTrue(row.find(), output);
        for (String rate : List.of(row.group(1), row.group(2))) {
            assertTrue(Integer.parseInt(rate) > 0, "both servers answered from their first second: " + output);
        }
        System.out.println(output);
    }

    /** The tools' benchmark prints its table, every run answered, nothing on stderr; the times are printed only. */
    @Test
    void theToolsBenchmarkPrintsStartToAnswerTimes() throws Exception {
        Path script = Path.of(System.getProperty("kea4j.repository", "..")).resolve("cnf/bench/tools.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--runs", "2").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        for (String tool : List.of("ctl SOCKET version-get", "ctl http://... version-get", "client -4 (DORA)",
                "client -6 (SARR)")) {
            Matcher row = Pattern.compile("^" + Pattern.quote(tool) + " +\\| +[0-9.]+ \\| +[0-9.]+ \\| 0 / 0$",
                    Pattern.MULTILINE).matcher(output);
            assertTrue(row.find(), tool + " answered every run without a stderr line: " + output);
        }
        for (String start : List.of("exec to first OFFER, first", "exec to first OFFER, later")) {
            Matcher row = Pattern.compile("^" + Pattern.quote(start) + " +\\| +[0-9.]+ \\| +[0-9.]+ \\| 0 / [0-9.]+$",
                    Pattern.MULTILINE).matcher(output);
            assertTrue(row.find(), "the launcher's server answered every start (" + start + "): " + output);
        }
        System.out.println(output);
    }
}
