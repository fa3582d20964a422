package org.kea4j.itest.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's baseline check of the author API: the API module built from the API sources as they are passes,
 * and the same build fails when an API type changes incompatibly without a major version of its package.
 */
class ApiBaselineIT {

    @TempDir
    Path dir;

    private Maven.Result build(Path sources) throws Exception {
        Path pom = Maven.repository().resolve("cnf/sdk/api/pom.xml");
        return Maven.run(dir, 600, "-o", "verify", "-f", pom.toString(), "-Dkea4j.sources=" + sources,
                "-Dkea4j.build.dir=" + dir.resolve("target-" + sources.getFileName()), "-Dmaven.javadoc.skip=true",
                "-Dmaven.source.skip=true");
    }

    @Test
    void anIncompatibleChangeOfAnApiTypeFailsTheBuild() throws Exception {
        Path unchanged = dir.resolve("unchanged");
        Maven.copyTree(Maven.repository().resolve("core.bundle/src/main/java"), unchanged);
        Maven.Result ok = build(unchanged);
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Baseline check succeeded"), ok.output());

        Path changed = dir.resolve("changed");
        Maven.copyTree(Maven.repository().resolve("core.bundle/src/main/java"), changed);
        Path handle = changed.resolve("org/kea4j/hooks/CalloutHandle.java");
        String source = Files.readString(handle);
        String removed = source.replace("    HookPoint getHookPoint();\n", "");
        assertNotEquals(source, removed, "the method to remove is there");
        Files.writeString(handle, removed);
        Maven.Result refused = build(changed);
        assertNotEquals(0, refused.exitCode(), "removing a method of CalloutHandle within org.kea4j.hooks 1.x passed: "
                + refused.output());
        assertTrue(refused.output().contains("Baseline problems detected"), refused.output());
        String report = Files.readString(dir.resolve("target-changed/baseline/org.kea4j.api-0.1.0-SNAPSHOT.txt"));
        assertTrue(report.matches("(?s).*\\* org\\.kea4j\\.hooks +PACKAGE +MAJOR +1\\.2\\.0 +1\\.1\\.0 +2\\.0\\.0.*"), report);
        assertTrue(report.contains("REMOVED          METHOD     getHookPoint()"), report);
    }
}
