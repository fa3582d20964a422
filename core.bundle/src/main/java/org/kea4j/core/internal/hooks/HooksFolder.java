package org.kea4j.core.internal.hooks;

import java.io.File;
import java.nio.file.Path;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * FileInstall's installer for the jars of the hooks folder: FileInstall watches the folder (and waits until a
 * copied jar is complete); each jar it reports is loaded by the hooks framework as a library, replaced in one
 * step when it changes, and unloaded when it goes. Jars that are not bundles come here too, so that they are
 * refused with a reason rather than ignored.
 */
final class HooksFolder implements ArtifactInstaller {

    private final HooksComponent hooks;

    private HooksFolder(HooksComponent hooks) {
        this.hooks = hooks;
    }

    /** Offers the installer to FileInstall; null when FileInstall's API is not there (no hooks folder then). */
    static ServiceRegistration<?> register(BundleContext context, HooksComponent hooks) {
        try {
            return context.registerService(ArtifactInstaller.class, new HooksFolder(hooks), null);
        } catch (NoClassDefFoundError e) {
            return null;
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        Path dir = hooks.hooksDir();
        Path path = artifact.toPath().toAbsolutePath().normalize();
        return dir != null && dir.equals(path.getParent()) && path.getFileName().toString().endsWith(".jar");
    }

    @Override
    public void install(File artifact) {
        hooks.manager().folderJarChanged(path(artifact));
    }

    @Override
    public void update(File artifact) {
        hooks.manager().folderJarChanged(path(artifact));
    }

    @Override
    public void uninstall(File artifact) {
        hooks.manager().folderJarRemoved(path(artifact));
    }

    private static Path path(File artifact) {
        return artifact.toPath().toAbsolutePath().normalize();
    }
}
