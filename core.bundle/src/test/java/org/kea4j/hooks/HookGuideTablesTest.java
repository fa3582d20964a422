package org.kea4j.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hook point tables of {@code docs/hooks-guide.md} are generated from the declarations ({@link Dhcp4Hooks},
 * {@link Dhcp6Hooks}, {@link ServerHooks}), never written by hand: this test fails when the guide differs, and
 * rewrites it when run with {@code -Dkea4j.docs.write=true}
 * ({@code mvn -pl core.bundle test -Dtest=HookGuideTablesTest -Dkea4j.docs.write=true}).
 */
class HookGuideTablesTest {

    static final Path GUIDE = Path.of("..", "docs", "hooks-guide.md");
    static final String BEGIN = "<!-- hook point tables: generated from the declarations by HookGuideTablesTest -->";
    static final String END = "<!-- end of the generated hook point tables -->";

    /** The tables, as markdown. */
    static String tables() {
        StringBuilder out = new StringBuilder();
        section(out, "DHCPv4 (`Dhcp4Hooks`)", Dhcp4Hooks.ALL);
        section(out, "DHCPv6 (`Dhcp6Hooks`)", Dhcp6Hooks.ALL);
        section(out, "Every server (`ServerHooks`)", ServerHooks.ALL);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<HookPoint> points) {
        out.append("\n### ").append(title).append("\n");
        for (HookPoint p : points) {
            out.append("\n#### `").append(p.name()).append("`\n\n").append(p.description()).append("\n\n");
            if (p.parameters().isEmpty()) {
                out.append("No arguments.\n\n");
            } else {
                out.append("| Argument | Type | Direction | What it is |\n|---|---|---|---|\n");
                for (HookPoint.Parameter a : p.parameters()) {
                    out.append("| `").append(a.argument().name()).append("` | `").append(a.argument().typeName())
                            .append("` | ").append(a.direction() == HookPoint.Direction.IN ? "in" : "in/out")
                            .append(a.condition() == null ? "" : " (" + a.condition() + ")").append(" | ")
                            .append(a.argument().description()).append(" |\n");
                }
                out.append('\n');
            }
            String skip = p.effect(NextStep.SKIP);
            String drop = p.effect(NextStep.DROP);
            if (skip == null && drop == null) {
                out.append("SKIP and DROP: no meaning here (treated as CONTINUE).\n");
                continue;
            }
            out.append("| Status | What the server does |\n|---|---|\n");
            for (NextStep step : List.of(NextStep.SKIP, NextStep.DROP)) {
                String effect = p.effect(step);
                out.append("| ").append(step.name()).append(" | ")
                        .append(effect == null ? "no meaning here (treated as CONTINUE)" : effect).append(" |\n");
            }
        }
    }

    @Test
    void theGuideShowsTheDeclarations() throws IOException {
        String guide = Files.readString(GUIDE);
        int begin = guide.indexOf(BEGIN);
        int end = guide.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "the guide has the markers of the generated section");
        String current = guide.substring(begin + BEGIN.length(), end);
        String generated = tables() + "\n";
        if (Boolean.getBoolean("kea4j.docs.write") && !current.equals(generated)) {
            Files.writeString(GUIDE, guide.substring(0, begin + BEGIN.length()) + generated + guide.substring(end));
            return;
        }
        assertEquals(generated, current, "docs/hooks-guide.md's hook point tables are out of date: run mvn -pl core.bundle"
                + " test -Dtest=HookGuideTablesTest -Dkea4j.docs.write=true");
    }
}
