package org.kea4j.itest.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.kea4j.hooks.HookLibrary;

/** Builds small hook bundles at run time from the classes of this package (inside a framework or not). */
public final class TestBundles {

    /** The class files of a hook bundle (lambdas live inside them). */
    private static final String[] CLASSES = {"TestHookActivator.class", "TestHookActivator$Library.class"};

    private TestBundles() {
    }

    /**
     * Writes a hook bundle jar.
     *
     * @param jar       where
     * @param tag       its symbolic name suffix and trace tag
     * @param behaviour see {@link TestHookActivator}
     * @param version   what its version() returns
     */
    public static Path hookBundle(Path jar, String tag, String behaviour, int version) throws IOException {
        return hookBundle(jar, tag, behaviour, version, Map.of());
    }

    /**
     * Writes a hook bundle jar with extra or replaced manifest headers ({@code Test-Hook-Load-Millis}: how long
     * its load() sleeps; {@code Import-Package}; {@code Bundle-SymbolicName}; {@code Bundle-Version}).
     */
    public static Path hookBundle(Path jar, String tag, String behaviour, int version, Map<String, String> headers)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.kea4j.itest.hook." + tag);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", TestHookActivator.class.getName());
        a.putValue("Import-Package", "org.kea4j.hooks;version=\"[1.1,2)\",org.kea4j.dhcp;version=\"[2.0,3)\","
                + "org.kea4j.control;version=\"[2.0,3)\",org.osgi.framework;version=\"[1.8,2)\"");
        a.putValue("Test-Hook-Tag", tag);
        a.putValue("Test-Hook-Behaviour", behaviour);
        a.putValue("Test-Hook-Version", Integer.toString(version));
        headers.forEach(a::putValue);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            String dir = TestHookActivator.class.getPackageName().replace('.', '/');
            for (String name : CLASSES) {
                zip.putNextEntry(new JarEntry(dir + "/" + name));
                try (InputStream in = TestHookActivator.class.getResourceAsStream(name)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }

    /** A bundle that needs a version of the hooks API no kea4j offers: it cannot be resolved. */
    public static Path unresolvable(Path jar, String tag) throws IOException {
        return hookBundle(jar, tag, "normal", HookLibrary.FRAMEWORK_VERSION,
                Map.of("Import-Package", "org.kea4j.hooks;version=\"[9.0,10)\",org.osgi.framework;version=\"[1.8,2)\""));
    }

    /** A jar that is not a bundle (no Bundle-SymbolicName). */
    public static Path notABundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new JarEntry("readme.txt"));
            zip.write("not a bundle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }

    /** A copy of a bundle jar with another {@code Bundle-Version}: the same library, rebuilt. */
    public static Path rebuilt(Path bundle, Path jar, String version) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(Files.newInputStream(bundle))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream zip = new JarOutputStream(out, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    zip.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }

    /** A normal library of the current framework version. */
    public static Path hookBundle(Path jar, String tag) throws IOException {
        return hookBundle(jar, tag, "normal", HookLibrary.FRAMEWORK_VERSION);
    }

    /** Counter of a test library ({@code loads} or {@code unloads}). */
    public static int count(String tag, String what) {
        return Integer.getInteger("itest." + tag + "." + what, 0);
    }
}
