package org.kea4j.core.internal.hooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The hooks framework in OSGi. Hands {@link HooksManagerImpl} fresh library instances: a jar (listed, or in
 * the hooks folder) is installed as a new bundle copy each time it is loaded, so that a new version loads
 * beside the old one; a bundle named by its symbolic name gives a new object per load when its service is of
 * prototype scope. Tracks {@link HookLibrary} and {@link Callout} services for bundles that stop and start,
 * and watches the hooks folder through FileInstall.
 */
@Component(service = {HooksManager.class, HooksComponent.class})
public final class HooksComponent implements HooksManager, LibraryLoader {

    /** The location prefix of the bundle copies this component installs. */
    static final String COPY_LOCATION = "kea4j-hook:";
    /** How long a started library bundle may take to offer its HookLibrary. */
    private static final long LIBRARY_WAIT_MILLIS = 3000;

    private final AtomicLong copies = new AtomicLong();
    private final Map<Long, List<LibraryInstance.StandardCallout>> calloutServices = new ConcurrentHashMap<>();
    private final Object serviceArrival = new Object();
    private BundleContext context;
    private ExecutorService background;
    private HooksManagerImpl manager;
    private volatile Path hooksDir;
    private ServiceRegistration<?> folderWatcher;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kea-hooks");
            t.setDaemon(true);
            return t;
        });
        this.manager = new HooksManagerImpl(this, background);
        String dir = context.getProperty("felix.fileinstall.dir");
        if (dir != null) {
            setHooksDir(Path.of(dir));
        }
    }

    @Deactivate
    void deactivate() {
        if (folderWatcher != null) {
            folderWatcher.unregister();
        }
        manager.close();
        background.shutdown();
    }

    /** The framework, for the configuration transaction and tests. */
    public HooksManagerImpl manager() {
        return manager;
    }

    /**
     * Sets the hooks folder (the launcher's {@code --hooks-dir}) and offers FileInstall the installer of its
     * jars; FileInstall must start after this.
     */
    public synchronized void setHooksDir(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (absolute.equals(hooksDir)) {
            return;
        }
        hooksDir = absolute;
        if (folderWatcher == null) {
            folderWatcher = HooksFolder.register(context, this);
        }
    }

    Path hooksDir() {
        return hooksDir;
    }

    // ------------------------------------------------------------------ services coming and going

    @Reference(service = HookLibrary.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addLibrary(ServiceReference<HookLibrary> ref) {
        synchronized (serviceArrival) {
            serviceArrival.notifyAll();
        }
        Bundle bundle = ref.getBundle();
        if (bundle != null && !bundle.getLocation().startsWith(COPY_LOCATION) && manager != null) {
            String name = bundle.getSymbolicName();
            background.execute(() -> manager.bundleBack(name));
        }
    }

    void removeLibrary(ServiceReference<HookLibrary> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle != null && manager != null) {
            manager.bundleGone(bundle.getBundleId());
        }
    }

    @Reference(service = Callout.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + Callout.HOOK_PROPERTY + "=*)")
    void addCallout(ServiceReference<Callout> ref, Callout callout) {
        long bundle = ref.getBundle().getBundleId();
        Object name = ref.getProperty(Callout.NAME_PROPERTY);
        for (String hook : hooks(ref.getProperty(Callout.HOOK_PROPERTY))) {
            LibraryInstance.StandardCallout standard = new LibraryInstance.StandardCallout(hook,
                    name == null ? null : String.valueOf(name), callout);
            calloutServices.computeIfAbsent(bundle, b -> new CopyOnWriteArrayList<>()).add(standard);
            if (manager != null) {
                manager.calloutAdded(bundle, standard);
            }
        }
    }

    void removeCallout(ServiceReference<Callout> ref, Callout callout) {
        long bundle = ref.getBundle().getBundleId();
        List<LibraryInstance.StandardCallout> list = calloutServices.get(bundle);
        if (list != null) {
            list.removeIf(s -> s.callout() == callout);
        }
        if (manager != null) {
            manager.calloutRemoved(bundle, callout);
        }
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

    // ------------------------------------------------------------------ LibraryLoader

    @Override
    public LibraryInstance open(String name, Path jar) throws LibraryRefusedException {
        return jar != null ? openCopy(jar) : openInstalled(name);
    }

    /** Installs a new copy of a jar as a bundle and starts it. */
    private LibraryInstance openCopy(Path jar) throws LibraryRefusedException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (NoSuchFileException e) {
            throw open("no such file");
        } catch (IOException e) {
            throw open("cannot read it: " + e.getMessage());
        }
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            throw open("not a jar: " + e.getMessage());
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            throw open("not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
        }
        Bundle bundle;
        try {
            bundle = context.installBundle(COPY_LOCATION + jar.toUri() + "#" + copies.incrementAndGet(),
                    new ByteArrayInputStream(bytes));
        } catch (BundleException e) {
            throw open(reason(e));
        }
        try {
            bundle.start();
            return instance(bundle, jar, () -> uninstall(bundle));
        } catch (BundleException e) {
            uninstall(bundle);
            throw open(reason(e));
        } catch (LibraryRefusedException | RuntimeException e) {
            uninstall(bundle);
            throw e;
        }
    }

    /** A bundle installed by other means, named by its symbolic name. */
    private LibraryInstance openInstalled(String symbolicName) throws LibraryRefusedException {
        Bundle found = null;
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && !b.getLocation().startsWith(COPY_LOCATION)
                    && b.getState() != Bundle.UNINSTALLED
                    && (found == null || b.getVersion().compareTo(found.getVersion()) > 0)) {
                found = b;
            }
        }
        if (found == null) {
            throw open("no bundle with this symbolic name is installed");
        }
        try {
            if (found.getState() != Bundle.ACTIVE) {
                found.start();
            }
        } catch (BundleException e) {
            throw open(reason(e));
        }
        return instance(found, null, () -> { });
    }

    /** The HookLibrary the started bundle offers: a fresh object where its scope allows. */
    private LibraryInstance instance(Bundle bundle, Path jar, Runnable giveBack) throws LibraryRefusedException {
        ServiceReference<HookLibrary> ref = awaitLibrary(bundle);
        if (ref == null) {
            throw new LibraryRefusedException(LibraryRefusedException.Kind.NO_VERSION,
                    "the bundle offers no " + HookLibrary.class.getName() + " service");
        }
        ServiceObjects<HookLibrary> objects = context.getServiceObjects(ref);
        HookLibrary library = objects == null ? null : objects.getService();
        if (library == null) {
            throw open("its " + HookLibrary.class.getSimpleName() + " service could not be obtained (a component that"
                    + " failed to activate?)");
        }
        LibrarySource source = new LibrarySource(bundle.getBundleId(), bundle.getSymbolicName(),
                bundle.getVersion().toString(), jar);
        return new LibraryInstance(library, source, calloutServices.getOrDefault(bundle.getBundleId(), List.of()), () -> {
            try {
                objects.ungetService(library);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the bundle is already gone
            }
            giveBack.run();
        });
    }

    private ServiceReference<HookLibrary> awaitLibrary(Bundle bundle) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIBRARY_WAIT_MILLIS);
        while (true) {
            ServiceReference<HookLibrary> ref = libraryOf(bundle);
            long left = deadline - System.nanoTime();
            if (ref != null || left <= 0 || bundle.getState() != Bundle.ACTIVE) {
                return ref;
            }
            synchronized (serviceArrival) {
                try {
                    serviceArrival.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return libraryOf(bundle);
                }
            }
        }
    }

    private ServiceReference<HookLibrary> libraryOf(Bundle bundle) {
        try {
            for (ServiceReference<HookLibrary> ref : context.getServiceReferences(HookLibrary.class, null)) {
                if (ref.getBundle() != null && ref.getBundle().getBundleId() == bundle.getBundleId()) {
                    return ref;
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static LibraryRefusedException open(String reason) {
        return new LibraryRefusedException(LibraryRefusedException.Kind.OPEN, reason);
    }

    /** The framework's words, with the cause (an activator's exception). */
    private static String reason(BundleException e) {
        String text = String.valueOf(e.getMessage());
        return e.getCause() == null ? text : text + ": " + e.getCause();
    }

    private static void uninstall(Bundle bundle) {
        try {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        } catch (BundleException | IllegalStateException e) {
            // already gone
        }
    }

    // ------------------------------------------------------------------ the configuration transaction

    /** Loads the libraries a configuration lists beside the running ones; commit or abort must follow. */
    public HooksManagerImpl.Prepared prepare(List<HooksLibraryConfig> libs) throws LibraryRefusedException {
        return manager.prepare(specs(libs), false);
    }

    /** Whether every library of a list loads (config-test, -t); null when they do, else why not. */
    public String check(List<HooksLibraryConfig> libs) {
        return manager.check(specs(libs));
    }

    private static List<LibrarySpec> specs(List<HooksLibraryConfig> libs) {
        List<LibrarySpec> specs = new ArrayList<>();
        for (HooksLibraryConfig lib : libs) {
            specs.add(new LibrarySpec(lib.library(), lib.parameters()));
        }
        return specs;
    }

    // ------------------------------------------------------------------ HooksManager

    @Override
    public Hook hook(HookPoint point) {
        return manager.hook(point);
    }

    @Override
    public CalloutSession openSession() {
        return manager.openSession();
    }

    @Override
    public String reloadLibraries() {
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

    @Override
    public HooksManager rehearsal() {
        return manager.rehearsal();
    }
}
