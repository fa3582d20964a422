package org.kea4j.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The entry point of {@code kea4j.jar} (its {@code Main-Class}), on the JDK alone: it finds the OSGi framework,
 * SLF4J and logback embedded in the jar, puts them on a class loader of their own, and hands over to
 * {@link FrameworkRunner}, which starts the framework and the bundles as {@code launcher.properties} (written by
 * bnd's export) lists them. It replaces bnd's launcher, which cannot start on Java 24 and later (it sets a
 * system-wide security policy).
 * {@code ctl} runs without the framework ({@link Ctl}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (args.length > 0 && args[0].equals("ctl")) {
            // a control command needs no framework: the JDK and Jackson's parser answer in a fraction of a second
            System.exit(runWithoutFramework(self, "jar/jackson-core-", "org.kea4j.launch.Ctl", args));
        }
        if (args.length > 0 && args[0].equals("client")) {
            // the test client needs only kea4j's packet classes: no framework either
            System.exit(runWithoutFramework(self, "jar/org.kea4j.core-", "org.kea4j.launch.Client", args));
        }
        // Netty's JFR events (buffer and chunk allocations): the first packet's buffer would start the JDK's Flight
        // Recorder machinery (~75 ms of class loading and set-up on the packet's path); -Dio.netty.jfr.enabled=true
        // still asks for them
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        // on a thread of its own: starting renice costs ~15 ms that the framework's start need not wait for
        Thread renice = new Thread(Main::lowerCompilerPriority, "kea4j-jit-nice");
        renice.setDaemon(true);
        renice.start();
        List<URL> path = new ArrayList<>(List.of(self.toUri().toURL()));
        Properties launch = new Properties();
        try (JarFile jar = new JarFile(self.toFile())) {
            try (InputStream in = jar.getInputStream(jar.getEntry("launcher.properties"))) {
                launch.load(in);
            }
            for (Path file : extractRunpath(jar)) {
                path.add(file.toUri().toURL());
            }
        }
        System.exit((Integer) runIn(path.toArray(URL[]::new),
                "org.kea4j.launch.FrameworkRunner", new Class<?>[] {Path.class, Properties.class, String[].class},
                new Object[] {self, launch, args}));
    }

    /**
     * Starts {@code renice} on the JIT's optimising (C2) compiler threads so that the start keeps its core while
     * they compile (exec to first answer about 0.25 s shorter on two cores, medians of 10 starts each); the server's
     * core gives them their priority back once its sockets are open ({@code CompilerPriority}): lowered for good,
     * they starved under load (DHCPv6 at 9,000/s on one core: 78-130 against 65 us per exchange, once 15% lost).
     * Only where the process may raise them again (root, {@code CAP_SYS_NICE} or a {@code RLIMIT_NICE} that allows
     * it); does not wait for {@code renice}; {@code -Dkea4j.jit-nice=0} leaves them.
     */
    static void lowerCompilerPriority() {
        int nice = Integer.getInteger("kea4j.jit-nice", 10);
        if (!worthLowering(nice, ownNice(), mayRaiseAgain())) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (comm(task).startsWith("C2 CompilerThre")) {
                    command.add(task.getFileName().toString());
                }
            }
            if (command.size() > 4) {
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            }
        } catch (IOException e) {
            // no /proc or no renice: they keep their priority
        }
    }

    /**
     * Whether this process may give its threads a higher priority again: it has {@code CAP_SYS_NICE} (root), or
     * its {@code RLIMIT_NICE} allows the process's own nice value (Linux; false where it cannot tell).
     */
    static boolean mayRaiseAgain() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:") && (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 1L << 23) != 0) {
                    return true;
                }
            }
            int own = ownNice();
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max nice priority")) {
                    String soft = line.substring("Max nice priority".length()).strip().split("\\s+")[0];
                    return soft.equals("unlimited") || 20 - Integer.parseInt(soft) <= own;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or a format it does not know
        }
        return false;
    }

    /**
     * Whether to lower the compiler threads to {@code nice}: not when nothing is asked, when the whole process runs
     * at that priority or lower already ({@code own}), or when there would be no way back.
     */
    static boolean worthLowering(int nice, int own, boolean mayRaiseAgain) {
        return nice > own && mayRaiseAgain;
    }

    /** The process's nice value (its stat line; 0 where it cannot tell). */
    static int ownNice() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm"));
        } catch (IOException gone) {
            return ""; // the thread ended meanwhile
        }
    }

    /** Runs a tool's class with the one embedded jar it needs (the first whose name starts with {@code jarPrefix}). */
    private static int runWithoutFramework(Path self, String jarPrefix, String className, String[] args)
            throws Exception {
        Path needed;
        try (JarFile jar = new JarFile(self.toFile())) {
            needed = JarCopies.inTemporaryFolder().of(jar, Collections.singletonList(jar.stream()
                    .map(JarEntry::getName).filter(n -> n.startsWith(jarPrefix) && n.endsWith(".jar")).findFirst()
                    .orElse(null))).get(0);
        }
        return (Integer) runIn(new URL[] {self.toUri().toURL(), needed.toUri().toURL()}, className,
                new Class<?>[] {String[].class}, new Object[] {args});
    }

    /** Calls {@code run} of a class loaded, with its dependencies, by a class loader of its own. */
    private static Object runIn(URL[] path, String className, Class<?>[] types, Object[] arguments) throws Exception {
        try (URLClassLoader loader = new URLClassLoader("kea4j-launcher", path, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return loader.loadClass(className).getMethod("run", types).invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The jars of the {@code Embedded-Runpath} as files (a class loader needs files): the OSGi framework, and SLF4J
     * with logback, whose packages the framework's system bundle exports (bnd's own launcher, also there, is left
     * out).
     */
    private static List<Path> extractRunpath(JarFile jar) throws IOException {
        String runpath = jar.getManifest().getMainAttributes().getValue("Embedded-Runpath");
        List<String> names = new ArrayList<>();
        for (String path : runpath == null ? new String[0] : runpath.split(",")) {
            if (!path.contains("biz.aQute.launcher")) {
                names.add(path.strip());
            }
        }
        List<Path> files = JarCopies.inTemporaryFolder().of(jar, names);
        if (files.stream().noneMatch(file -> file.getFileName().toString().contains("felix.framework"))) {
            throw new IOException("no OSGi framework in the jar's Embedded-Runpath: " + runpath);
        }
        return files;
    }
}
