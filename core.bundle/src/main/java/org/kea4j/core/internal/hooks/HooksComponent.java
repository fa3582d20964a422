package org.kea4j.core.internal.hooks;

import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_OPEN_ERROR;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.host.HookPoint;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageFormatter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The hooks framework in OSGi: tracks {@link HookLibrary} and {@link Callout} services, installs the jars
 * the configuration lists, re-reads changed jars on {@code libreload}, and notices hot-deployed bundles
 * that offer callouts without a library ({@code HOOKS_NO_VERSION}).
 */
@Component(service = {HooksManager.class, HooksComponent.class})
public final class HooksComponent implements HooksManager {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("hooks");
    /** How long a library bundle may take to offer its HookLibrary after it started. */
    private static final long NO_VERSION_GRACE_MILLIS = 2000;

    private final HooksManagerImpl manager = new HooksManagerImpl();
    private final Map<String, Long> installedJars = new HashMap<>();
    private final Map<Long, Long> jarStamps = new HashMap<>();
    private BundleContext context;
    private ScheduledExecutorService timer;
    private BundleListener listener;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kea-hooks-timer");
            t.setDaemon(true);
            return t;
        });
        String dir = context.getProperty("felix.fileinstall.dir");
        if (dir != null) {
            manager.setHooksDir(Path.of(dir));
        }
        manager.setJarRefresher(this::refreshIfChanged);
        listener = event -> {
            if (event.getType() == BundleEvent.STARTED) {
                checkVersionLater(event.getBundle());
            }
        };
        context.addBundleListener(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
        timer.shutdownNow();
        manager.configure(List.of());
    }

    /** The framework, for tests and commands that need more than the API. */
    public HooksManagerImpl manager() {
        return manager;
    }

    /** Points the hooks folder somewhere else (the launcher's {@code --hooks-dir}). */
    public void setHooksDir(Path dir) {
        manager.setHooksDir(dir);
    }

    // ------------------------------------------------------------------ whiteboard

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addLibrary(ServiceReference<HookLibrary> ref, HookLibrary library) {
        manager.libraryAdded(source(ref.getBundle()), library);
    }

    void removeLibrary(ServiceReference<HookLibrary> ref) {
        manager.libraryRemoved(source(ref.getBundle()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + Callout.HOOK_PROPERTY + "=*)")
    void addCallout(ServiceReference<Callout> ref, Callout callout) {
        manager.calloutAdded(source(ref.getBundle()), callout, hooks(ref.getProperty(Callout.HOOK_PROPERTY)));
    }

    void removeCallout(ServiceReference<Callout> ref, Callout callout) {
        manager.calloutRemoved(source(ref.getBundle()), callout);
    }

    private static List<String> hooks(Object property) {
        if (property instanceof String s) {
            return List.of(s);
        }
        if (property instanceof String[] a) {
            return List.of(a);
        }
        if (property instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static LibrarySource source(Bundle bundle) {
        return new LibrarySource(bundle.getBundleId(), bundle.getSymbolicName(), fileOf(bundle.getLocation()));
    }

    private static Path fileOf(String location) {
        String loc = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!loc.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(loc)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return Path.of(loc.substring("file:".length())).toAbsolutePath().normalize();
        }
    }

    /** A library bundle that started but offers no HookLibrary after a grace period: HOOKS_NO_VERSION. */
    private void checkVersionLater(Bundle bundle) {
        LibrarySource source = source(bundle);
        if (!manager.isLibrary(source)) {
            return;
        }
        timer.schedule(() -> {
            if (bundle.getState() == Bundle.ACTIVE && !offersLibrary(bundle)) {
                manager.noVersion(source);
            }
        }, NO_VERSION_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static boolean offersLibrary(Bundle bundle) {
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        if (refs == null) {
            return false;
        }
        for (ServiceReference<?> ref : refs) {
            String[] classes = (String[]) ref.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
            for (String c : classes) {
                if (c.equals(HookLibrary.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Checks configured libraries before a transaction commits: a jar must exist and be a bundle, a
     * symbolic name must be installed.
     *
     * @return null when fine, otherwise the problem ({@code HOOKS_OPEN_ERROR})
     */
    public String validate(List<HooksLibraryConfig> libs) {
        for (HooksLibraryConfig lib : libs) {
            String problem = problem(lib.library());
            if (problem != null) {
                return MessageFormatter.line(HOOKS_OPEN_ERROR, lib.library(), problem);
            }
        }
        return null;
    }

    private String problem(String library) {
        if (HooksManagerImpl.looksLikePath(library)) {
            Path jar = Path.of(library);
            if (!Files.isRegularFile(jar)) {
                return "no such file";
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getManifest() == null
                        || file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                    return "not an OSGi bundle (no Bundle-SymbolicName)";
                }
            } catch (IOException e) {
                return "not a jar: " + e.getMessage();
            }
            return null;
        }
        for (Bundle b : context.getBundles()) {
            if (library.equals(b.getSymbolicName())) {
                return null;
            }
        }
        return "no bundle with this symbolic name is installed";
    }

    /** Applies configured libraries: installs and starts listed jars, uninstalls jars no longer listed. */
    public void configure(List<HooksLibraryConfig> libs) {
        manager.configure(libs);
        Map<String, Long> keep = new HashMap<>();
        for (HooksLibraryConfig lib : libs) {
            if (HooksManagerImpl.looksLikePath(lib.library())) {
                String key = Path.of(lib.library()).toAbsolutePath().normalize().toString();
                Long id = installedJars.remove(key);
                Bundle bundle = id == null ? null : context.getBundle(id);
                if (bundle == null) {
                    bundle = install(lib.library());
                }
                if (bundle != null) {
                    keep.put(key, bundle.getBundleId());
                    start(bundle, lib.library());
                }
            } else {
                for (Bundle b : context.getBundles()) {
                    if (lib.library().equals(b.getSymbolicName()) && b.getState() != Bundle.ACTIVE) {
                        start(b, lib.library());
                    }
                }
            }
        }
        for (Long id : installedJars.values()) {
            Bundle old = context.getBundle(id);
            if (old != null) {
                try {
                    old.uninstall();
                } catch (BundleException e) {
                    LOG.log(HooksMessages.HOOKS_CLOSE_ERROR, old.getLocation(), e.getMessage());
                }
            }
        }
        installedJars.clear();
        installedJars.putAll(keep);
    }

    private Bundle install(String library) {
        Path jar = Path.of(library).toAbsolutePath().normalize();
        String location = jar.toUri().toString();
        try {
            Bundle existing = context.getBundle(location);
            Bundle bundle = existing != null ? existing : context.installBundle(location);
            jarStamps.put(bundle.getBundleId(), stamp(jar));
            return bundle;
        } catch (BundleException e) {
            LOG.log(HOOKS_OPEN_ERROR, library, e.getMessage());
            return null;
        }
    }

    private void start(Bundle bundle, String library) {
        try {
            bundle.start();
        } catch (BundleException e) {
            LOG.log(HOOKS_OPEN_ERROR, library, e.getMessage());
        }
    }

    private static long stamp(Path jar) {
        try {
            return Files.getLastModifiedTime(jar).toMillis() ^ (Files.size(jar) << 20);
        } catch (IOException e) {
            return -1;
        }
    }

    /** libreload: a jar that changed since it was installed is read again. */
    private void refreshIfChanged(LibrarySource source) {
        Bundle bundle = context.getBundle(source.bundleId());
        if (bundle == null || source.file() == null || !Files.isRegularFile(source.file())) {
            return;
        }
        long now = stamp(source.file());
        Long before = jarStamps.get(source.bundleId());
        if (before == null) {
            jarStamps.put(source.bundleId(), now);
            if (bundle.getLastModified() >= lastModified(source.file())) {
                return;
            }
        } else if (before == now) {
            return;
        }
        try (InputStream in = Files.newInputStream(source.file())) {
            bundle.update(in);
            jarStamps.put(source.bundleId(), now);
        } catch (IOException | BundleException e) {
            LOG.log(HOOKS_OPEN_ERROR, source.file(), e.getMessage());
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ HooksManager

    @Override
    public HookPoint hookPoint(String name) {
        return manager.hookPoint(name);
    }

    @Override
    public CalloutSession openSession() {
        return manager.openSession();
    }

    @Override
    public boolean reloadLibraries() {
        return manager.reloadLibraries();
    }

    @Override
    public List<LibraryInfo> libraries() {
        return manager.libraries();
    }

    @Override
    public List<HookPointInfo> hookPoints() {
        return manager.hookPoints();
    }
}
