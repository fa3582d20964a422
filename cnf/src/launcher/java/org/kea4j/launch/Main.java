package org.kea4j.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The entry point of {@code kea4j.jar} (its {@code Main-Class}), on the JDK alone: it finds the OSGi framework
 * embedded in the jar, puts it on a class loader of its own, and hands over to {@link FrameworkRunner}, which
 * starts the framework and the bundles as {@code launcher.properties} (written by bnd's export) lists them. It
 * replaces bnd's launcher, which cannot start on Java 24 and later (it sets a system-wide security policy).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path framework;
        Properties launch = new Properties();
        try (JarFile jar = new JarFile(self.toFile())) {
            try (InputStream in = jar.getInputStream(jar.getEntry("launcher.properties"))) {
                launch.load(in);
            }
            framework = extractFramework(jar);
        }
        try (URLClassLoader loader = new URLClassLoader("kea4j-launcher",
                new URL[] {self.toUri().toURL(), framework.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Object code = loader.loadClass(FrameworkRunner.class.getName())
                    .getMethod("run", Path.class, Properties.class, String[].class).invoke(null, self, launch, args);
            System.exit((Integer) code);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The framework jar of the {@code Embedded-Runpath}, copied once to the temporary folder under a name made of
     * its size and CRC (a class loader needs a file; the copy is reused by later starts).
     */
    private static Path extractFramework(JarFile jar) throws IOException {
        String runpath = jar.getManifest().getMainAttributes().getValue("Embedded-Runpath");
        for (String path : runpath == null ? new String[0] : runpath.split(",")) {
            if (!path.contains("felix.framework")) {
                continue;
            }
            JarEntry entry = jar.getJarEntry(path.strip());
            Path file = Path.of(System.getProperty("java.io.tmpdir"),
                    "kea4j-" + entry.getSize() + "-" + Long.toHexString(entry.getCrc()) + "-"
                            + Path.of(entry.getName()).getFileName());
            if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
                Path partial = Files.createTempFile(file.getParent(), "kea4j-", ".part");
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        }
        throw new IOException("no OSGi framework in the jar's Embedded-Runpath: " + runpath);
    }
}
