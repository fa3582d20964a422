package org.kea4j.sql.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Kea 2.2's own {@code kea-admin} (Debian package kea-admin), run on a test's database. */
public final class KeaAdmin {

    private static final Path PROGRAM = Path.of("/usr/sbin/kea-admin");

    private KeaAdmin() {
    }

    /** Runs {@code kea-admin COMMAND BACKEND} with the test database's account; returns its output. */
    public static String run(String command, TestDatabase db) throws Exception {
        if (!Files.isExecutable(PROGRAM)) {
            String why = "kea-admin is not installed (Debian package kea-admin)";
            if ("1".equals(System.getenv("KEA4J_REQUIRE_EXTERNAL"))) {
                Assertions.fail(why + "; .ci/run installs it");
            }
            Assumptions.abort(why);
        }
        List<String> args = new ArrayList<>(List.of(PROGRAM.toString(), command, db.engine().adminName(),
                "-h", "127.0.0.1", "-n", db.name()));
        if (db.engine() == SqlEngine.POSTGRESQL) {
            args.addAll(List.of("-u", "postgres"));
        } else {
            args.addAll(List.of("-u", "root", "-p", ""));
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kea-admin " + command + " ends");
        Assertions.assertEquals(0, p.exitValue(), "kea-admin " + command + ":\n" + output);
        return output;
    }
}
