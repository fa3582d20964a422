package org.kea4j.itest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kea4j.itest.net.External;
import org.kea4j.itest.net.NetnsPair;

/**
 * Every example configuration of Debian's kea-doc 2.2 that Kea 2.2's own {@code -t} accepts, in a namespace that
 * has the {@code eth0} and {@code eth1} they name, is accepted by kea4j's {@code -t} there too; the exceptions
 * are elements other issues bring, each refused by name (and listed in the README).
 */
class KeaDocExamplesIT {

    private static final Path EXAMPLES = Path.of("/usr/share/doc/kea/examples");

    /** Example file to the element kea4j refuses by name in it (README: "Kea's example configurations"). */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "kea4/dhcpv4-over-dhcpv6.json", "'dhcp4o6-port' is not supported by kea4j",
            "kea4/mysql-reservations.json", "'hosts-database' is not supported by kea4j",
            "kea4/pgsql-reservations.json", "'hosts-databases' is not supported by kea4j",
            "kea6/mysql-reservations.json", "'hosts-database' is not supported by kea4j",
            "kea6/pgsql-reservations.json", "'hosts-databases' is not supported by kea4j");

    @Test
    void whatKeaAcceptsKea4jAccepts() throws Exception {
        External.requireFolder(EXAMPLES, "kea-doc"); // fails when required, skips otherwise
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> problems = new ArrayList<>();
        int keaAccepts = 0;
        int ours = 0;
        try (NetnsPair net = NetnsPair.create(false)) {
            String ns = net.server();
            for (String[] step : new String[][] {{"link", "add", "eth0", "type", "veth", "peer", "name", "eth1"},
                {"link", "set", "eth0", "up"}, {"link", "set", "eth1", "up"}}) {
                List<String> command = new ArrayList<>(List.of("ip"));
                command.addAll(List.of(step));
                assertEquals(0, net.run(ns, 20, command.toArray(String[]::new)).exitCode(), String.join(" ", step));
            }
            for (String universe : List.of("4", "6")) {
                List<Path> files;
                try (Stream<Path> list = Files.list(EXAMPLES.resolve("kea" + universe))) {
                    files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                }
                for (Path file : files) {
                    NetnsPair.Result kea = net.run(ns, 60, External.program("kea-dhcp" + universe).toString(), "-t",
                            file.toString());
                    if (kea.exitCode() != 0) {
                        continue;
                    }
                    keaAccepts++;
                    String name = "kea" + universe + "/" + file.getFileName();
                    NetnsPair.Result check = net.run(ns, 120, java, "-jar", Kea4jProcess.jar().toString(), "-t",
                            file.toString());
                    String expectedRefusal = EXCEPTIONS.get(name);
                    if (expectedRefusal == null && check.exitCode() != 0) {
                        problems.add(name + " refused: " + lastLines(check.output()));
                    } else if (expectedRefusal != null && !(check.exitCode() != 0
                            && check.output().contains(expectedRefusal))) {
                        problems.add(name + " should be refused with " + expectedRefusal + ": " + lastLines(
                                check.output()));
                    } else if (expectedRefusal == null) {
                        ours++;
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(keaAccepts >= 40, "Kea 2.2 accepted " + keaAccepts + " examples");
        System.out.printf("kea-doc examples: Kea 2.2 -t accepts %d, kea4j -t accepts %d, %d refused by name%n",
                keaAccepts, ours, keaAccepts - ours);
    }

    private static String lastLines(String output) {
        String[] lines = output.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 2), lines.length));
    }
}
