package org.kea4j.core.internal.hooks;

import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_ALL_CALLOUTS_DEREGISTERED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUTS_REMOVED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_DEREGISTERED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_CALLOUT_REGISTRATION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_INCORRECT_VERSION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LIBRARY_LOADED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LIBRARY_LOADING;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LIBRARY_UNLOADED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LIBRARY_UNLOADING;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LIBRARY_VERSION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LOAD_ERROR;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LOAD_EXCEPTION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LOAD_SUCCESS;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_NO_VERSION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_STD_CALLOUT_REGISTERED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_UNLOAD_ERROR;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_UNLOAD_EXCEPTION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_UNLOAD_SUCCESS;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_VERSION_EXCEPTION;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookNames;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPoint;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.log.KeaLogger;

/**
 * The hooks framework, independent of OSGi: libraries in call order (configured ones first, then
 * hot-deployed ones), their callouts, and the hook points that call them.
 *
 * <p>Concurrency: a packet's session holds a read stamp of {@link #lock} from open to close; every library
 * change (load, unload, configure, libreload) holds the write stamp, so it waits for the packets in
 * flight and publishes all hook points at once. A callout that registers another callout only takes the
 * monitor: its change shows on the next call, as in Kea.
 */
public final class HooksManagerImpl implements HooksManager {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("hooks");

    /** Re-reads a jar whose file changed; done by the OSGi layer. */
    public interface JarRefresher {
        /** Updates the bundle when its jar changed; may synchronously remove and re-add its services. */
        void refreshIfChanged(LibrarySource source);
    }

    private final StampedLock lock = new StampedLock();
    private volatile Thread writer;
    private final Map<String, HookPointImpl> points = new LinkedHashMap<>();
    private final List<Library> libraries = new ArrayList<>();
    private final Map<Long, HookLibrary> services = new HashMap<>();
    private final Map<Long, LibrarySource> sources = new HashMap<>();
    private final Map<Long, List<Library.StandardCallout>> standardCallouts = new HashMap<>();
    private final HookPointImpl contextCreate;
    private final HookPointImpl contextDestroy;
    private List<HooksLibraryConfig> configured = List.of();
    private volatile Path hooksDir;
    private volatile JarRefresher refresher = source -> { };

    public HooksManagerImpl() {
        contextCreate = (HookPointImpl) hookPoint(HookNames.CONTEXT_CREATE);
        contextDestroy = (HookPointImpl) hookPoint(HookNames.CONTEXT_DESTROY);
    }

    public void setJarRefresher(JarRefresher refresher) {
        this.refresher = Objects.requireNonNull(refresher);
    }

    /** The folder whose bundles are hot-deployed libraries. */
    public void setHooksDir(Path dir) {
        this.hooksDir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    // ------------------------------------------------------------------ hook points and sessions

    @Override
    public synchronized HookPoint hookPoint(String name) {
        return points.computeIfAbsent(name, n -> new HookPointImpl(n, points.size()));
    }

    @Override
    public CalloutSession openSession() {
        long stamp = writer == Thread.currentThread() ? 0L : lock.readLock();
        CalloutSessionImpl session = new CalloutSessionImpl(this, stamp);
        if (contextCreate.hasCallouts()) {
            contextCreate.call(session);
        }
        return session;
    }

    void closeSession(CalloutSessionImpl session) {
        try {
            if (contextDestroy.hasCallouts()) {
                session.deleteAllArguments();
                contextDestroy.call(session);
            }
        } finally {
            if (session.stamp() != 0L) {
                lock.unlockRead(session.stamp());
            }
        }
    }

    /** Runs a library change with no packet in flight, then publishes every hook point. */
    private <T> T change(Supplier<T> operation) {
        if (writer == Thread.currentThread()) {
            synchronized (this) {
                return operation.get();
            }
        }
        long stamp = lock.writeLock();
        writer = Thread.currentThread();
        try {
            synchronized (this) {
                T result = operation.get();
                publishAll();
                return result;
            }
        } finally {
            writer = null;
            lock.unlockWrite(stamp);
        }
    }

    private void publishAll() {
        for (HookPointImpl point : points.values()) {
            publish(point);
        }
    }

    private void publish(HookPointImpl point) {
        List<CalloutEntry> entries = new ArrayList<>();
        for (Library library : libraries) {
            if (library.state == LibraryInfo.State.LOADED) {
                List<CalloutEntry> list = library.registered.get(point.name());
                if (list != null) {
                    entries.addAll(list);
                }
            }
        }
        point.publish(entries.toArray(new CalloutEntry[0]));
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Sets the configured libraries (Kea's {@code hooks-libraries} of every section, in order). As in
     * Kea, an identical list changes nothing; otherwise every library is unloaded and the new list loaded.
     */
    public void configure(List<HooksLibraryConfig> libs) {
        change(() -> {
            if (libs.equals(configured)) {
                return null;
            }
            unloadAll();
            libraries.removeIf(l -> l.listed);
            List<Library> listed = new ArrayList<>();
            for (HooksLibraryConfig config : libs) {
                listed.add(new Library(this, config.library(), true, config.parameters()));
            }
            libraries.addAll(0, listed);
            configured = List.copyOf(libs);
            renumber();
            for (Map.Entry<Long, HookLibrary> e : services.entrySet()) {
                Library slot = slotFor(sources.get(e.getKey()));
                if (slot != null && slot.service == null) {
                    attach(slot, sources.get(e.getKey()), e.getValue());
                }
            }
            loadAll();
            return null;
        });
    }

    /** The configured libraries. */
    public synchronized List<HooksLibraryConfig> configured() {
        return configured;
    }

    // ------------------------------------------------------------------ services coming and going

    /** A bundle offers a {@link HookLibrary}. */
    public void libraryAdded(LibrarySource source, HookLibrary service) {
        change(() -> {
            sources.put(source.bundleId(), source);
            services.put(source.bundleId(), service);
            Library slot = slotFor(source);
            if (slot != null) {
                attach(slot, source, service);
                load(slot);
            }
            return null;
        });
    }

    /** A bundle withdraws its {@link HookLibrary} (it stops): unload it. */
    public void libraryRemoved(LibrarySource source) {
        change(() -> {
            services.remove(source.bundleId());
            for (Iterator<Library> it = libraries.iterator(); it.hasNext();) {
                Library library = it.next();
                if (library.source != null && library.source.bundleId() == source.bundleId()) {
                    unload(library);
                    library.service = null;
                    library.state = LibraryInfo.State.WAITING;
                    library.detail = "";
                    if (!library.listed) {
                        it.remove();
                    }
                }
            }
            renumber();
            return null;
        });
    }

    /** A bundle offers a callout service for some hook points. */
    public void calloutAdded(LibrarySource source, Callout callout, List<String> hooks) {
        change(() -> {
            sources.put(source.bundleId(), source);
            List<Library.StandardCallout> list = standardCallouts.computeIfAbsent(source.bundleId(), id -> new ArrayList<>());
            for (String hook : hooks) {
                Library.StandardCallout standard = new Library.StandardCallout(hook, callout);
                list.add(standard);
                Library library = loadedLibraryOf(source);
                if (library != null) {
                    library.standard.add(standard);
                    addCallout(library, hook, callout, true);
                }
            }
            return null;
        });
    }

    /** A callout service goes away. */
    public void calloutRemoved(LibrarySource source, Callout callout) {
        change(() -> {
            List<Library.StandardCallout> list = standardCallouts.get(source.bundleId());
            if (list != null) {
                list.removeIf(s -> s.callout() == callout);
            }
            for (Library library : libraries) {
                if (library.source != null && library.source.bundleId() == source.bundleId()) {
                    library.standard.removeIf(s -> s.callout() == callout);
                    for (List<CalloutEntry> entries : library.registered.values()) {
                        entries.removeIf(e -> e.callout == callout);
                    }
                }
            }
            return null;
        });
    }

    /**
     * A library's bundle offers callouts but no {@link HookLibrary}: like a Kea library without a
     * {@code version} function, it is refused.
     */
    public void noVersion(LibrarySource source) {
        change(() -> {
            if (services.containsKey(source.bundleId())) {
                return null;
            }
            Library slot = slotFor(source);
            if (slot != null) {
                slot.source = source;
                slot.state = LibraryInfo.State.REFUSED;
                slot.detail = "no version";
                LOG.log(HOOKS_NO_VERSION, slot.name);
            }
            return null;
        });
    }

    /** Whether this bundle is a library of the configuration or of the hooks folder. */
    public synchronized boolean isLibrary(LibrarySource source) {
        return findListed(source) != null || inHooksDir(source);
    }

    private Library slotFor(LibrarySource source) {
        if (source == null) {
            return null;
        }
        Library listed = findListed(source);
        if (listed != null) {
            return listed;
        }
        for (Library library : libraries) {
            if (!library.listed && library.source != null && library.source.bundleId() == source.bundleId()) {
                return library;
            }
        }
        if (inHooksDir(source)) {
            Library deployed = new Library(this, source.file().toString(), false, Map.of());
            libraries.add(deployed);
            renumber();
            return deployed;
        }
        return null;
    }

    private Library findListed(LibrarySource source) {
        for (Library library : libraries) {
            if (library.listed && matches(library.name, source)) {
                return library;
            }
        }
        return null;
    }

    /** A configured name matches a bundle by symbolic name, or by the path of the jar it came from. */
    static boolean matches(String name, LibrarySource source) {
        if (name.equals(source.symbolicName())) {
            return true;
        }
        if (source.file() == null || !looksLikePath(name)) {
            return false;
        }
        return Path.of(name).toAbsolutePath().normalize().equals(source.file().toAbsolutePath().normalize());
    }

    /** Whether a configured library name is a jar path rather than a symbolic name. */
    public static boolean looksLikePath(String name) {
        return name.contains("/") || name.endsWith(".jar");
    }

    private boolean inHooksDir(LibrarySource source) {
        Path dir = hooksDir;
        return dir != null && source.file() != null && source.file().toAbsolutePath().normalize().startsWith(dir);
    }

    private void attach(Library slot, LibrarySource source, HookLibrary service) {
        slot.source = source;
        slot.service = service;
        slot.standard.clear();
        slot.standard.addAll(standardCallouts.getOrDefault(source.bundleId(), List.of()));
    }

    private Library loadedLibraryOf(LibrarySource source) {
        for (Library library : libraries) {
            if (library.source != null && library.source.bundleId() == source.bundleId() && library.acceptsCallouts()) {
                return library;
            }
        }
        return null;
    }

    private void renumber() {
        for (int i = 0; i < libraries.size(); i++) {
            libraries.get(i).index = i + 1;
        }
    }

    // ------------------------------------------------------------------ load and unload

    private boolean loadAll() {
        boolean ok = true;
        for (Library library : libraries) {
            if (library.service != null && library.state != LibraryInfo.State.LOADED) {
                ok &= load(library);
            } else if (library.listed && library.service == null) {
                ok &= library.state == LibraryInfo.State.WAITING;
            }
        }
        return ok;
    }

    private void unloadAll() {
        for (int i = libraries.size() - 1; i >= 0; i--) {
            unload(libraries.get(i));
        }
    }

    private boolean load(Library library) {
        if (library.service == null || library.state == LibraryInfo.State.LOADED) {
            return library.state == LibraryInfo.State.LOADED;
        }
        LOG.log(HOOKS_LIBRARY_LOADING, library.name);
        int version;
        try {
            version = library.service.version();
        } catch (Throwable t) {
            LOG.log(HOOKS_VERSION_EXCEPTION, library.name);
            return refuse(library, "version() threw " + t);
        }
        library.version = version;
        if (version != HookLibrary.FRAMEWORK_VERSION) {
            LOG.log(HOOKS_INCORRECT_VERSION, library.name, version, HookLibrary.FRAMEWORK_VERSION);
            return refuse(library, "version " + version + ", required " + HookLibrary.FRAMEWORK_VERSION);
        }
        LOG.log(HOOKS_LIBRARY_VERSION, library.name, version);
        library.registered.clear();
        library.loading = true;
        try {
            for (Library.StandardCallout standard : library.standard) {
                addCallout(library, standard.hook(), standard.callout(), false);
                LOG.log(HOOKS_STD_CALLOUT_REGISTERED, library.name, standard.hook(),
                        standard.callout().getClass().getName());
            }
            int result;
            try {
                result = library.service.load(library.handle);
            } catch (Throwable t) {
                LOG.log(HOOKS_LOAD_EXCEPTION, library.name);
                return fail(library, "load() threw " + t);
            }
            if (result != 0) {
                LOG.log(HOOKS_LOAD_ERROR, library.name, result);
                return fail(library, "load() returned " + result);
            }
        } finally {
            library.loading = false;
        }
        LOG.log(HOOKS_LOAD_SUCCESS, library.name);
        library.state = LibraryInfo.State.LOADED;
        library.detail = "";
        LOG.log(HOOKS_LIBRARY_LOADED, library.name);
        return true;
    }

    private boolean refuse(Library library, String why) {
        library.state = LibraryInfo.State.REFUSED;
        library.detail = why;
        return false;
    }

    /** A failed load: unload what it did, drop its callouts. */
    private boolean fail(Library library, String why) {
        library.loading = false;
        callUnload(library);
        removeCallouts(library);
        library.state = LibraryInfo.State.FAILED;
        library.detail = why;
        return false;
    }

    private void unload(Library library) {
        if (library.state != LibraryInfo.State.LOADED) {
            return;
        }
        LOG.log(HOOKS_LIBRARY_UNLOADING, library.name);
        callUnload(library);
        removeCallouts(library);
        library.state = LibraryInfo.State.WAITING;
        LOG.log(HOOKS_LIBRARY_UNLOADED, library.name);
    }

    private void callUnload(Library library) {
        try {
            int result = library.service.unload();
            if (result != 0) {
                LOG.log(HOOKS_UNLOAD_ERROR, library.name, result);
            } else {
                LOG.log(HOOKS_UNLOAD_SUCCESS, library.name);
            }
        } catch (Throwable t) {
            LOG.log(HOOKS_UNLOAD_EXCEPTION, library.name);
        }
    }

    private void removeCallouts(Library library) {
        for (String hook : library.registered.keySet()) {
            LOG.log(HOOKS_CALLOUTS_REMOVED, hook, library.name);
        }
        library.registered.clear();
    }

    // ------------------------------------------------------------------ registrations by libraries

    void register(Library library, String hook, Callout callout) {
        Objects.requireNonNull(callout, "callout");
        synchronized (this) {
            if (!library.acceptsCallouts()) {
                throw new IllegalStateException("library " + library.name + " is not loaded");
            }
            LOG.log(HOOKS_CALLOUT_REGISTRATION, library.index, hook);
            addCallout(library, hook, callout, true);
        }
    }

    /** Adds a callout at the end of the library's group; publishes unless inside a change. */
    private void addCallout(Library library, String hook, Callout callout, boolean publishNow) {
        HookPointImpl point = (HookPointImpl) hookPoint(hook);
        library.registered.computeIfAbsent(hook, h -> new ArrayList<>()).add(new CalloutEntry(library, callout));
        if (publishNow && !library.loading) {
            publish(point);
        }
    }

    boolean deregister(Library library, String hook, Callout callout) {
        synchronized (this) {
            List<CalloutEntry> list = library.registered.get(hook);
            boolean removed = list != null && list.removeIf(e -> e.callout == callout);
            if (removed) {
                LOG.log(HOOKS_CALLOUT_DEREGISTERED, library.index, hook);
                publish((HookPointImpl) hookPoint(hook));
            }
            return removed;
        }
    }

    boolean deregisterAll(Library library, String hook) {
        synchronized (this) {
            List<CalloutEntry> list = library.registered.remove(hook);
            boolean removed = list != null && !list.isEmpty();
            if (removed) {
                LOG.log(HOOKS_ALL_CALLOUTS_DEREGISTERED, library.index, hook);
                publish((HookPointImpl) hookPoint(hook));
            }
            return removed;
        }
    }

    // ------------------------------------------------------------------ libreload and views

    @Override
    public boolean reloadLibraries() {
        return change(() -> {
            unloadAll();
            for (Library library : List.copyOf(libraries)) {
                if (library.source != null) {
                    refresher.refreshIfChanged(library.source);
                }
            }
            for (Library library : libraries) {
                if (library.state == LibraryInfo.State.FAILED || library.state == LibraryInfo.State.REFUSED) {
                    if (library.service != null) {
                        library.state = LibraryInfo.State.WAITING;
                    }
                }
            }
            return loadAll();
        });
    }

    @Override
    public synchronized List<LibraryInfo> libraries() {
        return libraries.stream().map(Library::info).toList();
    }

    @Override
    public synchronized List<HookPointInfo> hookPoints() {
        List<HookPointInfo> out = new ArrayList<>();
        for (HookPointImpl point : points.values()) {
            List<HookPointInfo.CalloutInfo> callouts = new ArrayList<>();
            for (CalloutEntry e : point.callouts()) {
                long calls = e.calls.sum();
                callouts.add(new HookPointInfo.CalloutInfo(e.library.index, e.describe(), calls, e.errors.sum(),
                        calls == 0 ? 0 : e.nanos.sum() / calls));
            }
            out.add(new HookPointInfo(point.name(), callouts));
        }
        return out;
    }
}
