package org.kea4j.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs the framework as bnd's launcher would from the same {@code launcher.properties}: the run properties as
 * framework properties, a fresh storage folder (deleted at the end), every bundle of {@code launch.bundles}
 * installed at its start level (by reference to its copy extracted once from the jar), the command line
 * registered as a service ({@code launcher.arguments}), and the {@code main.thread=true} {@link Callable} called
 * on the main thread; its result is the exit value, and the framework is stopped after it. Loaded by
 * {@link Main} beside the framework.
 */
public final class FrameworkRunner {

    /** Exit value when the framework stopped before the main thread's service returned (as bnd's launcher). */
    static final int STOPPED = 117;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;
    /** The framework storage folders' names: this prefix, the PID of the process using it, a dash, a random part. */
    static final String STORAGE_PREFIX = "kea4j-osgi-";

    private FrameworkRunner() {
    }

    public static int run(Path self, Properties launch, String[] args) throws Exception {
        Path storage = storageFolder();
        Map<String, String> properties = new HashMap<>();
        for (String name : launch.stringPropertyNames()) {
            if (!name.startsWith("launch.")) {
                properties.put(name, launch.getProperty(name));
            }
        }
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        String extra = systemPackagesExtra(launch.getProperty("launch.system.packages", ""));
        if (!extra.isEmpty()) {
            properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra);
        }
        Framework framework = ServiceLoader.load(FrameworkFactory.class, FrameworkRunner.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework factory"))
                .newFramework(properties);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            Hashtable<String, Object> arguments = new Hashtable<>();
            arguments.put("launcher.arguments", args);
            context.registerService(Object.class, new Object(), arguments);
            install(context, self, launch);
            ServiceTracker<Object, Object> main = new ServiceTracker<>(context, context.createFilter(
                    "(&(|(objectClass=" + Callable.class.getName() + ")(objectClass=" + Runnable.class.getName()
                            + "))(main.thread=true))"), null);
            main.open();
            framework.start();
            Object service = null;
            while (service == null) {
                service = main.waitForService(200);
                if (service == null && (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                    return STOPPED;
                }
                if (service == null && failedToStart(context, launch)) {
                    return 1;
                }
            }
            int code = call(service);
            main.close();
            return code;
        } finally {
            stop(framework);
            deleteTree(storage);
        }
    }

    /**
     * Whether the framework reached its beginning start level with a bundle of that level or below not started
     * (its error was printed by the framework): the main thread's service will not come.
     */
    private static boolean failedToStart(BundleContext context, Properties launch) {
        org.osgi.framework.startlevel.FrameworkStartLevel level = context.getBundle(0)
                .adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class);
        int beginning = Integer.parseInt(launch.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1"));
        if (level.getStartLevel() < beginning) {
            return false;
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.kea4j.")
                    && bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING
                    && bundle.adapt(BundleStartLevel.class).getStartLevel() <= beginning) {
                System.err.println("kea4j: bundle " + bundle.getSymbolicName() + " did not start");
                return true;
            }
        }
        return false;
    }

    private static int call(Object service) throws Exception {
        if (service instanceof Callable<?> callable) {
            Object result = callable.call();
            return result instanceof Integer i ? i : 0;
        }
        ((Runnable) service).run();
        return 0;
    }

    /**
     * A fresh folder for the framework's storage, named after this process: in {@code /dev/shm} where it is
     * writable (the framework writes a few small files per bundle on every start; on a disk that cost about 0.1 s),
     * else in {@code java.io.tmpdir}. Folders that processes since gone left there (killed servers) are removed.
     */
    static Path storageFolder() throws IOException {
        Path memory = Path.of("/dev/shm");
        Path parent = Files.isDirectory(memory) && Files.isWritable(memory) ? memory
                : Path.of(System.getProperty("java.io.tmpdir"));
        removeStorageOfGoneProcesses(parent);
        // named by the clock rather than by Files.createTempDirectory, whose random names cost the start ~15 ms of
        // seeding a SecureRandom; readable by this user only, as a temporary folder is
        String stem = STORAGE_PREFIX + ProcessHandle.current().pid() + "-";
        FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        for (long n = System.nanoTime(); ; n++) {
            try {
                return Files.createDirectory(parent.resolve(stem + Long.toHexString(n)), ownerOnly);
            } catch (FileAlreadyExistsException taken) {
                // a folder of an earlier process with this PID, not removed yet: the next name
            }
        }
    }

    /** Removes the storage folders in {@code parent} whose process (the PID in their name) is not running. */
    static void removeStorageOfGoneProcesses(Path parent) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, STORAGE_PREFIX + "*")) {
            for (Path folder : folders) {
                String[] parts = folder.getFileName().toString().substring(STORAGE_PREFIX.length()).split("-", 2);
                if (parts.length == 2 && parts[0].matches(JarCopies.PID) && JarCopies.processGone(parts[0])) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            // another user's folders, or none: left as they are
        }
    }

    /** Installs the bundles of {@code launch.bundles} from the jar, each at its start level. */
    private static void install(BundleContext context, Path self, Properties launch) throws Exception {
        Map<String, Integer> levels = new HashMap<>();
        for (String clause : splitClauses(launch.getProperty("launch.runbundles.attrs", ""))) {
            String bsn = clause.split(";", 2)[0].strip();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("startlevel=(\\d+)").matcher(clause);
            if (m.find()) {
                levels.put(bsn, Integer.parseInt(m.group(1)));
            }
        }
        int defaultLevel = Integer.parseInt(launch.getProperty("launch.startlevel.default", "1"));
        List<String> paths = new ArrayList<>();
        for (String path : launch.getProperty("launch.bundles", "").split(",")) {
            if (!path.isBlank()) {
                paths.add(path.strip());
            }
        }
        List<Bundle> installed = new ArrayList<>();
        JarCopies copies = JarCopies.inTemporaryFolder();
        try (JarFile jar = new JarFile(self.toFile())) {
            // by reference to a copy kept beside the JVM's temporary files: the framework reads it in place
            // instead of copying every bundle into its storage on every start
            for (Path file : copies.of(jar, paths)) {
                installed.add(context.installBundle("reference:" + file.toUri()));
            }
        }
        try {
            copies.removeUnused(); // this process has listed all it uses (Main the framework's jars, then these)
        } catch (IOException e) {
            System.err.println("kea4j: copies of earlier builds' jars were not removed from the temporary folder: " + e);
        }
        for (Bundle bundle : installed) {
            bundle.adapt(BundleStartLevel.class).setStartLevel(levels.getOrDefault(bundle.getSymbolicName(), defaultLevel));
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
    }

    /** The packages of {@code launch.system.packages} the framework does not export itself. */
    static String systemPackagesExtra(String packages) {
        List<String> extra = new ArrayList<>();
        for (String clause : splitClauses(packages)) {
            if (!clause.isBlank() && !clause.strip().startsWith("org.osgi.")) {
                extra.add(clause.strip());
            }
        }
        return String.join(",", extra);
    }

    /** Splits an OSGi header at the commas outside quotes. */
    static List<String> splitClauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static void stop(Framework framework) throws Exception {
        if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
            framework.stop();
        }
        FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            System.err.println("kea4j: the framework did not stop within "
                    + TimeUnit.MILLISECONDS.toSeconds(STOP_TIMEOUT_MILLIS) + " s");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
