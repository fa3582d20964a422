package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kea4j.itest.net.External;

/**
 * The benchmark script works (a smoke check, not a measurement): a short run of {@code cnf/bench/dhcp.sh} against
 * kea4j and Kea 2.2, the two taking turns, prints its table with a row where both servers answered, and each
 * server's RSS and the CPU it used with no clients, and the time each exchange spent in the server
 * from a capture on its link, the machine's floor, with the threads that handle datagrams at a real-time priority,
 * and (cold runs) the longest the server's core was taken from it; the figures are not judged here.
 */
class BenchmarkSmokeIT {

    @Test
    void theBenchmarkPrintsBothServersSideBySide() throws Exception {
        External.program("perfdhcp");
        External.program("kea-dhcp4");
        String output = bench("dhcp.sh", "--modes", "v4", "--rates", "200", "--seconds", "2", "--runs", "1",
                "--warmup", "1", "--turnaround", "--floor", "--realtime");
        assertBothAnswered(output, "v4", 200);
        assertTrue(output.contains("both servers on core 0, taking turns"), output);
        // --realtime: the threads that handle datagrams, by name, and the table says so
        Matcher kea4jThreads = Pattern.compile("^kea4j: at SCHED_FIFO 1: (.*)$", Pattern.MULTILINE).matcher(output);
        assertTrue(kea4jThreads.find(), output);
        assertTrue(kea4jThreads.group(1).contains("kea-dhcp4-io") && kea4jThreads.group(1).contains("VM Thread")
                && !kea4jThreads.group(1).contains("Compiler"), kea4jThreads.group());
        assertTrue(Pattern.compile("^kea: at SCHED_FIFO 1: kea-dhcp4", Pattern.MULTILINE).matcher(output).find(),
                output);
        assertTrue(output.contains("at SCHED_FIFO 1 (--realtime): Kea's threads, kea4j's receiving and worker threads"),
                output);
        for (String server : List.of("kea4j", "kea")) {
            assertTrue(Pattern.compile("^RSS at the end: v4 memfile " + server + " \\d+ MB; CPU in 5 s with no "
                    + "clients: \\d+ ms$", Pattern.MULTILINE).matcher(output).find(), output);
            // at 200/s nothing overflows a receive buffer: the counters read, and read nothing
            Matcher run = Pattern.compile("^  " + server + " 200/s run: .* max ([0-9.]+) ms, .*; dropped for a full "
                    + "receive buffer: 0 at the server, 0 at perfdhcp; in the server \\(captured\\): (\\d+) answered, "
                    + "max ([0-9.]+) ms, .*$", Pattern.MULTILINE).matcher(output);
            assertTrue(run.find(), output);
            // two exchanges per client (DISCOVER-OFFER, REQUEST-ACK), 400 clients: the capture paired (nearly) all
            assertTrue(Integer.parseInt(run.group(2)) >= 700, "requests paired with replies: " + run.group());
            // the time in the server is part of the delay perfdhcp saw (both printed to 0.1 ms)
            assertTrue(Double.parseDouble(run.group(3)) <= Double.parseDouble(run.group(1)) + 0.1, run.group());
        }
        assertTrue(output.contains("the largest time in the server (captured on its link"), output);
        // --floor: the echo answered every datagram of its run (400 at 200/s for 2 s), and the table gives its largest
        Matcher floor = Pattern.compile("^  echo \\(the floor\\) 200/s run: sent (\\d+), answered (\\d+), largest "
                + "round trip ([0-9.]+) ms;", Pattern.MULTILINE).matcher(output);
        assertTrue(floor.find(), output);
        assertTrue(Integer.parseInt(floor.group(1)) >= 390 && floor.group(2).equals(floor.group(1)), floor.group());
        assertTrue(Pattern.compile("^v4 +memfile +200 \\| +" + Pattern.quote(floor.group(3)) + " \\| +[0-9.]+ \\| "
                + "+[0-9.]+$", Pattern.MULTILINE).matcher(output).find(), output);
    }

    /** --cold starts each server afresh and runs perfdhcp from its DHCPn_STARTED line: both answered. */
    @Test
    void theColdStartBenchmarkRunsFromTheStartedLine() throws Exception {
        External.program("perfdhcp");
        External.program("kea-dhcp6");
        Set<String> tracesBefore = traceInstances();
        String output = bench("dhcp.sh", "--modes", "v6", "--rates", "100", "--seconds", "2", "--runs", "1", "--cold",
                "--holds", "--turnaround");
        assertTrue(output.contains("each begun when a freshly started server logged DHCPn_STARTED"), output);
        assertBothAnswered(output, "v6", 100);
        for (String server : List.of("kea4j", "kea")) {
            // the trace saw the server's threads woken by its datagrams (woken on a core that ran another task or none:
            // a stretch of a few microseconds at least), every event kept; with the capture, what ran on both cores
            // during the largest time in the server; the figures are not judged
            Matcher run = Pattern.compile("^  " + server + " 100/s run: .*; the server's core taken from it (\\d+) "
                    + "times: longest [0-9.]+ ms \\((.+?)\\), \\d+ over 1 ms, \\d+ not shown by the trace, 0 trace "
                    + "events lost; in the server \\(captured\\): .*; replies stopped for over 3 ms while a request "
                    + "waited: \\d+ times, the longest [0-9.]+ ms; during the largest \\(from [0-9:.]+\\): core 0: (.+); "
                    + "core 1: (.+)$", Pattern.MULTILINE).matcher(output);
            assertTrue(run.find(), output);
            assertTrue(Integer.parseInt(run.group(1)) > 0 && !run.group(2).equals("-"), run.group());
            String ran = "[^,;]+ \\d+\\.\\d(, [^,;]+ \\d+\\.\\d)*"; // "task ms, task ms": what each core ran
            assertTrue(run.group(3).matches(ran) && run.group(4).matches(ran), run.group());
        }
        assertTrue(output.contains("the longest the server's core was taken from it while it had work"), output);
        assertEquals(tracesBefore, traceInstances(), "the benchmark removed the trace instances it made");
    }

    /** The names of the kernel's trace instances (none where tracefs is not mounted). */
    private static Set<String> traceInstances() throws IOException {
        Path dir = Path.of("/sys/kernel/tracing/instances");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> names = Files.list(dir)) {
            return names.map(name -> name.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** The tools' benchmark prints its table, every run answered, nothing on stderr; the times are printed only. */
    @Test
    void theToolsBenchmarkPrintsStartToAnswerTimes() throws Exception {
        String output = bench("tools.sh", "--runs", "2");
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
    }

    /** The lease-file benchmark starts both servers on an empty and a full file, and prints their RSS per lease. */
    @Test
    void theLeaseFileBenchmarkPrintsStartAndMemoryOfBothServers() throws Exception {
        External.program("kea-dhcp4");
        String output = bench("leasefile.sh", "--leases", "20000", "--runs", "1", "--settle", "0.5");
        for (String server : List.of("kea4j", "kea")) {
            for (String file : List.of("empty", "20000 leases")) {
                Matcher row = Pattern.compile("^" + server + " +\\| " + Pattern.quote(file)
                        + " +\\| +[0-9.]+ \\| +[0-9.]+ \\| +0 \\| +[0-9.]+$", Pattern.MULTILINE).matcher(output);
                assertTrue(row.find(), server + " was ready on the " + file + " file: " + output);
            }
            assertTrue(Pattern.compile("^" + server + ": RSS grew by -?\\d+ bytes per lease", Pattern.MULTILINE)
                    .matcher(output).find(), output);
        }
    }

    /** Runs a script of cnf/bench with bash; its output (also printed), once it exited 0 within 5 minutes. */
    private static String bench(String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash",
                Path.of(System.getProperty("kea4j.repository", "..")).resolve("cnf/bench/" + script).toString()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        System.out.println(output);
        return output;
    }

    /** The table's row for this mode and rate shows a rate above zero for kea4j and for Kea. */
    private static void assertBothAnswered(String output, String mode, int rate) {
        Matcher row = Pattern.compile("^" + mode + " +memfile +" + rate + " \\| +(\\d+) .*\\| +(\\d+) .*$",
                Pattern.MULTILINE).matcher(output);
        assertTrue(row.find(), output);
        for (String reached : List.of(row.group(1), row.group(2))) {
            assertTrue(Integer.parseInt(reached) > 0, "both servers answered: " + output);
        }
    }
}
