package org.kea4j.itest.sdk;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs Maven as a user would, in a folder of the test's, bounded in time; and copies source trees. */
final class Maven {

    /** What a run left. */
    record Result(int exitCode, String output, long millis) {
    }

    private Maven() {
    }

    /** The kea4j checkout this build runs in. */
    static Path repository() {
        return Path.of(System.getProperty("kea4j.repository", "..")).toAbsolutePath().normalize();
    }

    /** Runs {@code mvn ARGS} in a folder (output to a file there); kills it after the timeout. */
    static Result run(Path dir, long timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir.getParent(), "mvn", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("mvn " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                    + " s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log), (System.nanoTime() - start) / 1_000_000);
    }

    /** Copies a source tree, leaving out build output, version control and a run's folders at its top. */
    static void copyTree(Path from, Path to) throws IOException {
        Set<String> anywhere = Set.of("target", ".git");
        Set<String> atTop = Set.of("kea4j-data", "hooks");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.equals(from) ? "" : dir.getFileName().toString();
                if (anywhere.contains(name) || from.equals(dir.getParent()) && atTop.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
