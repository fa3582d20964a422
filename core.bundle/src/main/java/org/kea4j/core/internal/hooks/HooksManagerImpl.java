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
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LOAD_FRAMEWORK_EXCEPTION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_LOAD_SUCCESS;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_NO_VERSION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_OPEN_ERROR;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_STD_CALLOUT_REGISTERED;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_UNLOAD_ERROR;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_UNLOAD_FRAMEWORK_EXCEPTION;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_UNLOAD_SUCCESS;
import static org.kea4j.core.internal.hooks.HooksMessages.HOOKS_VERSION_EXCEPTION;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.ServerHooks;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.hooks.host.LibraryInfo.Origin;
import org.kea4j.hooks.host.LibraryInfo.State;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageFormatter;
import org.kea4j.log.MessageId;

/**
 * The hooks framework, independent of OSGi: the declared hook points, the libraries in call order (configured
 * ones first, then those of the hooks folder) and the callout table the packets read.
 *
 * <p>Packets never wait for a library change. A session reads the current {@link CalloutTable} when it opens
 * and keeps it to the end. A change loads new library instances (fresh objects, or fresh bundle copies)
 * beside the running ones, publishes a new table in one write, waits until no packet uses the old table, and
 * only then unloads what the new table left out. Changes are serialized by {@link #changeLock}, which packets
 * never take; short updates of the library list and the table are guarded by {@link #state}, never held
 * while library code runs.
 */
public final class HooksManagerImpl implements HooksManager {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("hooks");
    /** How long a change waits for the packets of a replaced table before it unloads anyway. */
    private static final long QUIESCENCE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LibraryLoader loader;
    private final Executor background;
    private final ReentrantLock changeLock = new ReentrantLock();
    private final Object state = new Object();
    private final Map<String, HookImpl> hooks = new LinkedHashMap<>();
    private final List<Library> libraries = new ArrayList<>();
    private final List<CalloutTable> superseded = new ArrayList<>();
    private final HookImpl contextCreate;
    private final HookImpl contextDestroy;
    private volatile CalloutTable table = CalloutTable.EMPTY;
    private List<LibrarySpec> configured = List.of();

    /**
     * @param loader     where library instances come from
     * @param background runs work that must not happen inside a framework callback (giving back the bundle copy
     *                   of a library whose bundle someone stopped)
     */
    public HooksManagerImpl(LibraryLoader loader, Executor background) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.background = Objects.requireNonNull(background, "background");
        for (List<HookPoint> points : List.of(ServerHooks.ALL, Dhcp4Hooks.ALL, Dhcp6Hooks.ALL)) {
            points.forEach(this::hook);
        }
        contextCreate = (HookImpl) hook(ServerHooks.CONTEXT_CREATE);
        contextDestroy = (HookImpl) hook(ServerHooks.CONTEXT_DESTROY);
    }

    /** Whether a configured library name is a jar path rather than a symbolic name. */
    public static boolean looksLikePath(String name) {
        return name.contains("/") || name.endsWith(".jar");
    }

    // ------------------------------------------------------------------ hook points and sessions

    @Override
    public Hook hook(HookPoint point) {
        synchronized (state) {
            HookImpl known = hooks.get(point.name());
            if (known == null) {
                known = new HookImpl(point, hooks.size());
                hooks.put(point.name(), known);
            } else if (known.point() != point && !sameShape(known.point(), point)) {
                throw new IllegalArgumentException("hook point " + point.name() + " is already declared with the"
                        + " arguments " + known.point().parameters());
            }
            return known;
        }
    }

    private static boolean sameShape(HookPoint a, HookPoint b) {
        return a.parameters().toString().equals(b.parameters().toString());
    }

    /** The declared hook point of a name. */
    HookImpl hookNamed(String name) {
        synchronized (state) {
            HookImpl hook = hooks.get(name);
            if (hook == null) {
                throw new IllegalArgumentException("no hook point named '" + name + "' is declared (kea4j's are those"
                        + " of Dhcp4Hooks, Dhcp6Hooks and ServerHooks)");
            }
            return hook;
        }
    }

    @Override
    public CalloutSession openSession() {
        CalloutSessionImpl session;
        CalloutTable t = table;
        if (t.empty()) {
            session = new CalloutSessionImpl(this, t, false);
        } else {
            while (true) {
                t.active.increment();
                if (t == table) {
                    session = new CalloutSessionImpl(this, t, true);
                    break;
                }
                t.active.decrement();
                t = table;
                if (t.empty()) {
                    session = new CalloutSessionImpl(this, t, false);
                    break;
                }
            }
        }
        if (session.hasCallouts(contextCreate)) {
            session.begin(contextCreate).call();
        }
        return session;
    }

    void closeSession(CalloutSessionImpl session) {
        try {
            if (session.hasCallouts(contextDestroy)) {
                session.begin(contextDestroy).call();
            }
        } finally {
            if (session.counted()) {
                session.table().active.decrement();
            }
        }
    }

    /** Builds the table from the loaded generations, in library order, and publishes it. Holds {@link #state}. */
    private void publish() {
        @SuppressWarnings("unchecked")
        List<CalloutEntry>[] chains = new List[hooks.size()];
        for (Library library : libraries) {
            Generation g = library.current;
            if (g == null || !g.loaded) {
                continue;
            }
            for (Map.Entry<HookImpl, List<CalloutEntry>> e : g.registered().entrySet()) {
                int i = e.getKey().index();
                if (chains[i] == null) {
                    chains[i] = new ArrayList<>();
                }
                chains[i].addAll(e.getValue());
            }
        }
        CalloutEntry[][] arrays = new CalloutEntry[chains.length][];
        for (int i = 0; i < chains.length; i++) {
            arrays[i] = chains[i] == null ? null : chains[i].toArray(new CalloutEntry[0]);
        }
        CalloutTable old = table;
        table = new CalloutTable(arrays);
        if (!old.empty()) {
            superseded.add(old);
        }
    }

    /** Waits (bounded) until no session uses a table published before the current one. */
    private void awaitQuiescence() {
        List<CalloutTable> waiting;
        synchronized (state) {
            waiting = new ArrayList<>(superseded);
        }
        long deadline = System.nanoTime() + QUIESCENCE_NANOS;
        for (CalloutTable t : waiting) {
            while (t.active.sum() != 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(200_000);
            }
        }
        synchronized (state) {
            superseded.removeIf(t -> t.active.sum() == 0);
        }
    }

    // ------------------------------------------------------------------ loading and unloading one generation

    /** A fresh instance of a library, loaded off the packet path; not yet in the table. */
    private Generation openAndLoad(Library library, Map<String, Object> parameters, boolean deferShared)
            throws LibraryRefusedException {
        Generation g = open(library, parameters);
        if (deferShared && inUse(g.object())) {
            checkVersion(g);
            g.deferred = true;
            return g;
        }
        load(g);
        return g;
    }

    private Generation open(Library library, Map<String, Object> parameters) throws LibraryRefusedException {
        LibraryInstance instance;
        try {
            instance = loader.open(library.name, library.jar);
        } catch (LibraryRefusedException e) {
            if (e.kind() == LibraryRefusedException.Kind.NO_VERSION) {
                throw refused(e.kind(), e.reason(), HOOKS_NO_VERSION, library.name);
            }
            throw refused(e.kind(), e.reason(), HOOKS_OPEN_ERROR, library.name, e.reason());
        } catch (RuntimeException e) {
            throw refused(LibraryRefusedException.Kind.OPEN, String.valueOf(e), HOOKS_OPEN_ERROR, library.name,
                    String.valueOf(e));
        }
        return new Generation(this, library, instance, parameters);
    }

    /** Logs a refusal and returns it with its log line as message. */
    private static LibraryRefusedException refused(LibraryRefusedException.Kind kind, String reason, MessageId id,
            Object... args) {
        LOG.log(id, args);
        return new LibraryRefusedException(kind, reason, MessageFormatter.line(id, args));
    }

    private boolean inUse(HookLibrary object) {
        synchronized (state) {
            for (Library l : libraries) {
                if (l.current != null && l.current.object() == object) {
                    return true;
                }
            }
            return false;
        }
    }

    private void checkVersion(Generation g) throws LibraryRefusedException {
        String name = g.library().name;
        int version;
        try {
            version = g.object().version();
        } catch (Throwable t) {
            g.release();
            throw refused(LibraryRefusedException.Kind.VERSION, "version() threw " + t, HOOKS_VERSION_EXCEPTION, name);
        }
        g.version = version;
        if (version != HookLibrary.FRAMEWORK_VERSION) {
            g.release();
            throw refused(LibraryRefusedException.Kind.VERSION, "built for hooks framework version " + version
                    + ", this is version " + HookLibrary.FRAMEWORK_VERSION, HOOKS_INCORRECT_VERSION, name, version,
                    HookLibrary.FRAMEWORK_VERSION);
        }
        LOG.log(HOOKS_LIBRARY_VERSION, name, version);
    }

    /** Version check, standard callouts, load(). On failure the instance is given back and the reason thrown. */
    private void load(Generation g) throws LibraryRefusedException {
        String name = g.library().name;
        LOG.log(HOOKS_LIBRARY_LOADING, name);
        checkVersion(g);
        synchronized (state) {
            g.loading = true;
        }
        try {
            for (LibraryInstance.StandardCallout s : g.instance().standard()) {
                HookImpl hook;
                synchronized (state) {
                    hook = hooks.get(s.hook());
                    if (hook != null) {
                        g.add(hook, s.name() != null ? s.name() : CalloutEntry.describe(s.callout()), s.callout());
                    }
                }
                if (hook == null) {
                    failLoad(g);
                    throw refused(LibraryRefusedException.Kind.LOAD, "a callout service names hook point '" + s.hook()
                            + "', which is not declared", HOOKS_LOAD_FRAMEWORK_EXCEPTION, name,
                            "a callout service names hook point '" + s.hook() + "', which is not declared");
                }
                LOG.log(HOOKS_STD_CALLOUT_REGISTERED, name, s.hook(), CalloutEntry.describe(s.callout()));
            }
            int result;
            try {
                result = g.object().load(g.handle());
            } catch (Throwable t) {
                failLoad(g);
                throw refused(LibraryRefusedException.Kind.LOAD, "load() threw " + t, HOOKS_LOAD_FRAMEWORK_EXCEPTION,
                        name, String.valueOf(t));
            }
            if (result != 0) {
                failLoad(g);
                throw refused(LibraryRefusedException.Kind.LOAD, "load() returned " + result, HOOKS_LOAD_ERROR, name,
                        result);
            }
        } finally {
            synchronized (state) {
                g.loading = false;
            }
        }
        synchronized (state) {
            g.loaded = true;
        }
        LOG.log(HOOKS_LOAD_SUCCESS, name);
        LOG.log(HOOKS_LIBRARY_LOADED, name);
    }

    /** After a failed load(): unload() as Kea calls it, drop the callouts, give the instance back. */
    private void failLoad(Generation g) {
        synchronized (state) {
            g.loading = false;
        }
        callUnload(g);
        synchronized (state) {
            g.clear();
        }
        g.release();
    }

    /** Unloads a generation no table shows any more, and gives its instance back. */
    private void unload(Generation g) {
        String name = g.library().name;
        if (g.loaded) {
            LOG.log(HOOKS_LIBRARY_UNLOADING, name);
            callUnload(g);
            synchronized (state) {
                for (HookImpl hook : g.registered().keySet()) {
                    LOG.log(HOOKS_CALLOUTS_REMOVED, hook.point().name(), name);
                }
                g.clear();
                g.loaded = false;
            }
            LOG.log(HOOKS_LIBRARY_UNLOADED, name);
        }
        g.release();
    }

    private static void callUnload(Generation g) {
        String name = g.library().name;
        try {
            int result = g.object().unload();
            if (result != 0) {
                LOG.log(HOOKS_UNLOAD_ERROR, name, result);
            } else {
                LOG.log(HOOKS_UNLOAD_SUCCESS, name);
            }
        } catch (Throwable t) {
            LOG.log(HOOKS_UNLOAD_FRAMEWORK_EXCEPTION, name, String.valueOf(t));
        }
    }

    /** Waits until no packet uses the replaced tables, then unloads the generations, last library first. */
    private void retire(List<Generation> old) {
        if (old.isEmpty()) {
            return;
        }
        awaitQuiescence();
        for (int i = old.size() - 1; i >= 0; i--) {
            unload(old.get(i));
        }
    }

    /** Loads deferred generations (a shared library object whose old generation was just unloaded). */
    private void loadDeferred(List<Generation> deferred) {
        for (Generation g : deferred) {
            Library library = g.library();
            try {
                load(g);
            } catch (LibraryRefusedException e) {
                synchronized (state) {
                    library.state = stateOf(e);
                    library.detail = e.reason();
                }
                continue;
            }
            synchronized (state) {
                install(library, g);
                publish();
            }
        }
    }

    /** Makes a loaded generation the library's current one. Holds {@link #state}. */
    private static void install(Library library, Generation g) {
        library.current = g;
        library.state = State.LOADED;
        library.detail = "";
        library.lastSource = g.source();
        library.version = g.version;
        library.stopped = false;
        library.parameters = g.parameters();
    }

    private static State stateOf(LibraryRefusedException e) {
        return e.kind() == LibraryRefusedException.Kind.LOAD ? State.FAILED : State.REFUSED;
    }

    private void renumber() {
        for (int i = 0; i < libraries.size(); i++) {
            libraries.get(i).index = i + 1;
        }
    }

    // ------------------------------------------------------------------ configured libraries

    /**
     * The libraries a configuration lists, loaded beside the running ones and not yet called. Holds the change
     * lock from {@link #prepare} to {@link #commit} or {@link #abort}, one of which must follow.
     */
    public static final class Prepared {
        private final List<LibrarySpec> specs;
        private final boolean unchanged;
        private final Map<Library, Generation> generations;

        private Prepared(List<LibrarySpec> specs, boolean unchanged, Map<Library, Generation> generations) {
            this.specs = specs;
            this.unchanged = unchanged;
            this.generations = generations;
        }
    }

    /**
     * Loads fresh instances of the libraries a configuration lists, in order, without touching the running ones.
     * As in Kea, a list equal to the running one changes nothing ({@code libreload} reloads it).
     *
     * @param trial check only (config-test, -t): every library is loaded even when the list is unchanged
     * @throws LibraryRefusedException when one cannot be loaded; its message is the log line that says why
     */
    public Prepared prepare(List<LibrarySpec> specs, boolean trial) throws LibraryRefusedException {
        changeLock.lock();
        boolean held = false;
        try {
            if (!trial && specs.equals(configured)) {
                held = true;
                return new Prepared(specs, true, Map.of());
            }
            Map<Library, Generation> generations = new LinkedHashMap<>();
            try {
                Map<String, String> bundles = new LinkedHashMap<>();
                for (LibrarySpec spec : specs) {
                    Library slot = trial ? null : configuredNamed(spec.name());
                    if (slot == null) {
                        slot = new Library(spec.name(), Origin.CONFIGURED,
                                spec.isPath() ? Path.of(spec.name()).toAbsolutePath().normalize() : null, spec.parameters());
                    }
                    Generation g = openAndLoad(slot, spec.parameters(), true);
                    generations.put(slot, g);
                    String twin = bundles.put(g.source().symbolicName(), spec.name());
                    if (twin != null) {
                        throw refused(LibraryRefusedException.Kind.OPEN, "the same bundle as " + twin,
                                HOOKS_OPEN_ERROR, spec.name(), "it is the same bundle (" + g.source().symbolicName()
                                        + ") as the library " + twin);
                    }
                }
            } catch (LibraryRefusedException | RuntimeException e) {
                discard(generations.values());
                throw e;
            }
            held = true;
            return new Prepared(List.copyOf(specs), false, generations);
        } finally {
            if (!held) {
                changeLock.unlock();
            }
        }
    }

    private Library configuredNamed(String name) {
        synchronized (state) {
            for (Library l : libraries) {
                if (l.origin == Origin.CONFIGURED && l.name.equals(name)) {
                    return l;
                }
            }
            return null;
        }
    }

    /** Unloads prepared generations that will not be used. */
    private void discard(Iterable<Generation> generations) {
        List<Generation> list = new ArrayList<>();
        generations.forEach(list::add);
        for (int i = list.size() - 1; i >= 0; i--) {
            Generation g = list.get(i);
            if (g.deferred) {
                g.release();
            } else {
                unload(g);
            }
        }
    }

    /**
     * Puts prepared libraries in place of the configured ones in one step, then unloads the old ones once no
     * packet uses them. A library of the hooks folder that is the same bundle as a configured one is dropped.
     */
    public void commit(Prepared prepared) {
        try {
            if (prepared.unchanged) {
                return;
            }
            List<Generation> old = new ArrayList<>();
            List<Generation> deferred = new ArrayList<>();
            synchronized (state) {
                for (Library l : libraries) {
                    if (l.origin == Origin.CONFIGURED && l.current != null && l.current.retire()) {
                        old.add(l.current);
                        l.current = null;
                    }
                }
                List<Library> next = new ArrayList<>();
                Set<String> configuredBundles = new HashSet<>();
                for (Map.Entry<Library, Generation> e : prepared.generations.entrySet()) {
                    Library slot = e.getKey();
                    Generation g = e.getValue();
                    configuredBundles.add(g.source().symbolicName());
                    if (g.deferred) {
                        deferred.add(g);
                        slot.state = State.WAITING;
                        slot.detail = "loading";
                        slot.lastSource = g.source();
                    } else {
                        install(slot, g);
                    }
                    next.add(slot);
                }
                for (Library l : libraries) {
                    if (l.origin != Origin.HOOKS_FOLDER) {
                        continue;
                    }
                    if (l.current != null && configuredBundles.contains(l.symbolicName()) && l.current.retire()) {
                        old.add(l.current);
                        l.current = null;
                        l.state = State.REFUSED;
                        l.detail = "duplicate of a configured library (the same bundle " + l.symbolicName() + ")";
                        LOG.log(HOOKS_OPEN_ERROR, l.name, l.detail);
                    }
                    next.add(l);
                }
                libraries.clear();
                libraries.addAll(next);
                renumber();
                publish();
            }
            retire(old);
            loadDeferred(deferred);
            configured = prepared.specs;
        } finally {
            changeLock.unlock();
        }
    }

    /** Unloads prepared libraries that will not be used; the running ones stay. */
    public void abort(Prepared prepared) {
        try {
            discard(prepared.generations.values());
        } finally {
            changeLock.unlock();
        }
    }

    /**
     * Checks that every library of a list loads (config-test, -t): each is loaded and unloaded again.
     *
     * @return null when all load, otherwise the log line that says why one does not
     */
    public String check(List<LibrarySpec> specs) {
        try {
            abort(prepare(specs, true));
            return null;
        } catch (LibraryRefusedException e) {
            return e.getMessage();
        }
    }

    /** Prepares and commits a list of libraries in one call (tests, the SDK's test support). */
    public void configure(List<LibrarySpec> specs) throws LibraryRefusedException {
        commit(prepare(specs, false));
    }

    /** The libraries of the running configuration. */
    public List<LibrarySpec> configured() {
        changeLock.lock();
        try {
            return configured;
        } finally {
            changeLock.unlock();
        }
    }

    // ------------------------------------------------------------------ the hooks folder

    /**
     * A jar appeared in the hooks folder, or changed: a fresh instance is loaded beside the running one (if any)
     * and replaces it in one step. When the new one cannot be loaded, the old one keeps serving and the listing
     * says why.
     */
    public void folderJarChanged(Path jar) {
        changeLock.lock();
        try {
            Library slot;
            String digest = digest(jar);
            synchronized (state) {
                slot = folderSlot(jar);
                if (slot == null) {
                    slot = new Library(jar.toString(), Origin.HOOKS_FOLDER, jar, Map.of());
                    libraries.add(slot);
                    renumber();
                } else if (slot.current != null && digest != null && digest.equals(slot.digest)) {
                    return; // reported again, but the same bytes as the version that serves
                }
            }
            Generation g;
            try {
                g = open(slot, Map.of());
                String duplicate = duplicateOf(slot, g.source().symbolicName());
                if (duplicate != null) {
                    g.release();
                    throw refused(LibraryRefusedException.Kind.OPEN, duplicate, HOOKS_OPEN_ERROR, slot.name, duplicate);
                }
                load(g);
            } catch (LibraryRefusedException e) {
                synchronized (state) {
                    if (slot.current != null) {
                        slot.detail = "its replacement was refused, the previous version serves: " + e.reason();
                    } else {
                        slot.state = stateOf(e);
                        slot.detail = e.reason();
                    }
                }
                return;
            }
            Generation old;
            synchronized (state) {
                old = slot.current;
                if (old != null) {
                    old.retire();
                }
                install(slot, g);
                slot.digest = digest;
                publish();
            }
            if (old != null) {
                retire(List.of(old));
            }
        } finally {
            changeLock.unlock();
        }
    }

    /** The SHA-256 of a jar's bytes, or null when it cannot be read (the loader then says why). */
    private static String digest(Path jar) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(jar)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** A jar left the hooks folder: its library leaves the table, then is unloaded. */
    public void folderJarRemoved(Path jar) {
        changeLock.lock();
        try {
            Generation old;
            synchronized (state) {
                Library slot = folderSlot(jar);
                if (slot == null) {
                    return;
                }
                libraries.remove(slot);
                renumber();
                old = slot.current;
                slot.current = null;
                if (old != null && !old.retire()) {
                    old = null;
                }
                publish();
            }
            if (old != null) {
                retire(List.of(old));
            }
        } finally {
            changeLock.unlock();
        }
    }

    private Library folderSlot(Path jar) {
        for (Library l : libraries) {
            if (l.origin == Origin.HOOKS_FOLDER && jar.equals(l.jar)) {
                return l;
            }
        }
        return null;
    }

    /** Why a folder library would duplicate another library of the same bundle, or null. */
    private String duplicateOf(Library slot, String symbolicName) {
        synchronized (state) {
            for (Library l : libraries) {
                if (l == slot) {
                    continue;
                }
                boolean same = symbolicName.equals(l.symbolicName()) && (l.current != null || l.origin == Origin.CONFIGURED)
                        || l.origin == Origin.CONFIGURED && l.jar == null && l.name.equals(symbolicName);
                if (same) {
                    return "duplicate of library " + l.index + " (" + l.name + "): the same bundle " + symbolicName;
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ bundles going and coming

    /**
     * The bundle serving a library stopped: its callouts leave the table and it is unloaded. A library named by
     * its symbolic name loads again when its bundle comes back ({@link #bundleBack}); a jar's copy is given back,
     * and {@code libreload} or a new configuration loads it again.
     */
    public void bundleGone(long bundleId) {
        Generation g = null;
        synchronized (state) {
            for (Library l : libraries) {
                if (l.current != null && l.current.source().bundleId() == bundleId) {
                    g = l.current;
                    if (!g.retire()) {
                        return;
                    }
                    l.current = null;
                    l.state = State.WAITING;
                    l.stopped = true;
                    l.detail = l.jar == null ? "its bundle stopped; it loads again when the bundle starts"
                            : "its bundle was stopped; libreload loads it again";
                    publish();
                    break;
                }
            }
        }
        if (g == null) {
            return;
        }
        awaitQuiescence();
        Generation gone = g;
        String name = gone.library().name;
        if (gone.loaded) {
            LOG.log(HOOKS_LIBRARY_UNLOADING, name);
            callUnload(gone);
            synchronized (state) {
                gone.clear();
                gone.loaded = false;
            }
            LOG.log(HOOKS_LIBRARY_UNLOADED, name);
        }
        background.execute(gone::release);
    }

    /** A bundle offers a HookLibrary again: a configured library of that symbolic name that was stopped loads. */
    public void bundleBack(String symbolicName) {
        changeLock.lock();
        try {
            Library slot = null;
            synchronized (state) {
                for (Library l : libraries) {
                    if (l.stopped && l.current == null && l.jar == null && l.name.equals(symbolicName)) {
                        slot = l;
                    }
                }
            }
            if (slot == null) {
                return;
            }
            try {
                Generation g = openAndLoad(slot, slot.parameters, false);
                synchronized (state) {
                    install(slot, g);
                    publish();
                }
            } catch (LibraryRefusedException e) {
                synchronized (state) {
                    slot.state = stateOf(e);
                    slot.detail = e.reason();
                }
            }
        } finally {
            changeLock.unlock();
        }
    }

    /** A bundle offers a callout service while its library is loaded: the callout joins it. */
    public void calloutAdded(long bundleId, LibraryInstance.StandardCallout callout) {
        synchronized (state) {
            HookImpl hook = hooks.get(callout.hook());
            for (Library l : libraries) {
                Generation g = l.current;
                if (g != null && g.loaded && hook != null && g.source().bundleId() == bundleId) {
                    g.add(hook, callout.name() != null ? callout.name() : CalloutEntry.describe(callout.callout()),
                            callout.callout());
                    LOG.log(HOOKS_STD_CALLOUT_REGISTERED, l.name, callout.hook(), CalloutEntry.describe(callout.callout()));
                    publish();
                }
            }
        }
    }

    /** A callout service goes away. */
    public void calloutRemoved(long bundleId, Callout callout) {
        synchronized (state) {
            for (Library l : libraries) {
                Generation g = l.current;
                if (g != null && g.source().bundleId() == bundleId && g.removeEverywhere(callout)) {
                    publish();
                }
            }
        }
    }

    // ------------------------------------------------------------------ registrations by libraries

    void register(Generation g, HookImpl hook, String name, Callout callout) {
        Objects.requireNonNull(callout, "callout");
        String shown = name != null ? name : CalloutEntry.describe(callout);
        synchronized (state) {
            if (!g.acceptsCallouts()) {
                throw new IllegalStateException("library " + g.library().name + " is not loaded");
            }
            g.add(hook, shown, callout);
            LOG.log(HOOKS_CALLOUT_REGISTRATION, g.library().index, hook.point().name());
            if (!g.loading && g.library().current == g) {
                publish();
            }
        }
    }

    boolean deregister(Generation g, HookImpl hook, Callout callout) {
        synchronized (state) {
            boolean removed = g.remove(hook, callout);
            if (removed) {
                LOG.log(HOOKS_CALLOUT_DEREGISTERED, g.library().index, hook.point().name());
                if (g.library().current == g) {
                    publish();
                }
            }
            return removed;
        }
    }

    boolean deregisterAll(Generation g, HookImpl hook) {
        synchronized (state) {
            boolean removed = g.removeAll(hook);
            if (removed) {
                LOG.log(HOOKS_ALL_CALLOUTS_DEREGISTERED, g.library().index, hook.point().name());
                if (g.library().current == g) {
                    publish();
                }
            }
            return removed;
        }
    }

    // ------------------------------------------------------------------ libreload and views

    @Override
    public String reloadLibraries() {
        changeLock.lock();
        try {
            List<Library> targets = new ArrayList<>();
            synchronized (state) {
                for (Library l : libraries) {
                    if (l.origin == Origin.CONFIGURED || l.current != null || l.stopped) {
                        targets.add(l);
                    }
                }
            }
            Map<Library, Generation> fresh = new LinkedHashMap<>();
            try {
                for (Library l : targets) {
                    fresh.put(l, openAndLoad(l, l.parameters, true));
                }
            } catch (LibraryRefusedException e) {
                discard(fresh.values());
                return e.getMessage();
            }
            List<Generation> old = new ArrayList<>();
            List<Generation> deferred = new ArrayList<>();
            synchronized (state) {
                for (Map.Entry<Library, Generation> e : fresh.entrySet()) {
                    Library l = e.getKey();
                    if (l.current != null && l.current.retire()) {
                        old.add(l.current);
                    }
                    l.current = null;
                    if (e.getValue().deferred) {
                        deferred.add(e.getValue());
                        l.state = State.WAITING;
                        l.detail = "loading";
                    } else {
                        install(l, e.getValue());
                    }
                    if (l.origin == Origin.HOOKS_FOLDER) {
                        l.digest = digest(l.jar);
                    }
                }
                publish();
            }
            retire(old);
            loadDeferred(deferred);
            return null;
        } finally {
            changeLock.unlock();
        }
    }

    /** Unloads every library (the framework stops). */
    public void close() {
        changeLock.lock();
        try {
            List<Generation> old = new ArrayList<>();
            synchronized (state) {
                for (Library l : libraries) {
                    if (l.current != null && l.current.retire()) {
                        old.add(l.current);
                    }
                    l.current = null;
                }
                libraries.clear();
                publish();
            }
            retire(old);
            configured = List.of();
        } finally {
            changeLock.unlock();
        }
    }

    @Override
    public List<LibraryInfo> libraries() {
        synchronized (state) {
            return libraries.stream().map(Library::info).toList();
        }
    }

    @Override
    public HooksManager rehearsal() {
        return new HooksManagerImpl(new InMemoryLibraries(), Runnable::run);
    }

    @Override
    public List<HookPointInfo> hookPoints() {
        CalloutTable t = table;
        List<HookPointInfo> out = new ArrayList<>();
        List<HookImpl> declared;
        synchronized (state) {
            declared = List.copyOf(hooks.values());
        }
        for (HookImpl hook : declared) {
            List<HookPointInfo.Entry> entries = new ArrayList<>();
            for (CalloutEntry e : t.chain(hook.index())) {
                entries.add(new HookPointInfo.Entry(e.library().index(), e.stats().info(hook.point().name(), e.name())));
            }
            out.add(new HookPointInfo(hook.point().name(), entries));
        }
        return out;
    }
}
