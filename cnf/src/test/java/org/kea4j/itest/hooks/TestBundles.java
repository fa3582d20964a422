package org.kea4j.itest.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.kea4j.itest.hook." + tag);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", TestHookActivator.class.getName());
        a.putValue("Import-Package", "org.kea4j.hooks;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"");
        a.putValue("Test-Hook-Tag", tag);
        a.putValue("Test-Hook-Behaviour", behaviour);
        a.putValue("Test-Hook-Version", Integer.toString(version));
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

    /** A normal library of the current framework version. */
    public static Path hookBundle(Path jar, String tag) throws IOException {
        return hookBundle(jar, tag, "normal", HookLibrary.FRAMEWORK_VERSION);
    }

    /** Counter of a test library ({@code loads} or {@code unloads}). */
    public static int count(String tag, String what) {
        return Integer.getInteger("itest." + tag + "." + what, 0);
    }
}
