package org.kea4j.core.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.NoSuchCalloutContextException;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;

class HooksManagerImplTest {

    static final Argument<List<String>> TRACE = Argument.listOf("trace", String.class, "what the callouts did");
    static final Argument<String> VALUE = Argument.of("value", String.class, "a value callouts may change");
    static final HookPoint TEST = HookPoint.builder("test_hook").description("a test")
            .in(TRACE).inOut(VALUE).onSkip("skipped").build();
    static final HookPoint OTHER = HookPoint.builder("other_hook").description("another").in(TRACE).build();

    private final InMemoryLibraries loader = new InMemoryLibraries();
    private final HooksManagerImpl hooks = new HooksManagerImpl(loader, Runnable::run);
    private final Hook test = hooks.hook(TEST);
    private final Hook other = hooks.hook(OTHER);

    /** A library whose callout on test_hook appends its name; counts its loads and unloads. */
    private static final class Recording implements HookLibrary {
        final String name;
        final AtomicInteger loads;
        final AtomicInteger unloads;
        int version = FRAMEWORK_VERSION;
        int loadResult;

        Recording(String name, AtomicInteger loads, AtomicInteger unloads) {
            this.name = name;
            this.loads = loads;
            this.unloads = unloads;
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public int load(LibraryHandle handle) {
            loads.incrementAndGet();
            handle.registerCallout(TEST, name + "-callout", h -> {
                h.get(TRACE).add(name);
                return 0;
            });
            return loadResult;
        }

        @Override
        public int unload() {
            unloads.incrementAndGet();
            return 0;
        }
    }

    private final Map<String, AtomicInteger[]> counters = new java.util.concurrent.ConcurrentHashMap<>();

    private void add(String name) {
        AtomicInteger[] c = counters.computeIfAbsent(name, n -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()});
        loader.add(name, () -> new Recording(name, c[0], c[1]));
    }

    private int loads(String name) {
        return counters.get(name)[0].get();
    }

    private int unloads(String name) {
        return counters.get(name)[1].get();
    }

    private void configure(String... names) throws LibraryRefusedException {
        List<LibrarySpec> specs = new ArrayList<>();
        for (String n : names) {
            specs.add(new LibrarySpec(n, Map.of()));
        }
        hooks.configure(specs);
    }

    private List<String> call() {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (CalloutSession session = hooks.openSession()) {
            if (session.hasCallouts(test)) {
                session.begin(test).with(TRACE, trace).with(VALUE, "v").call();
            }
        }
        return trace;
    }

    @Test
    void calloutsRunInConfiguredOrder() throws Exception {
        add("a");
        add("b");
        configure("b", "a");
        assertEquals(List.of("b", "a"), call());
        assertEquals(List.of(1, 2), hooks.libraries().stream().map(LibraryInfo::index).toList());
        assertEquals(List.of("b-callout", "a-callout"),
                hooks.hookPoints().stream().filter(p -> p.name().equals("test_hook")).findFirst().orElseThrow()
                        .callouts().stream().map(e -> e.callout().name()).toList());
    }

    @Test
    void aRehearsalManagerHasTheHookPointsButNoLibraryAndCallsNoCallout() throws Exception {
        add("a");
        configure("a");
        HooksManager rehearsal = hooks.rehearsal();
        Hook rehearsed = rehearsal.hook(TEST);
        try (CalloutSession session = rehearsal.openSession()) {
            assertFalse(session.hasCallouts(rehearsed));
        }
        assertTrue(rehearsal.libraries().isEmpty());
        assertTrue(rehearsal.hookPoints().stream().anyMatch(p -> p.name().equals("pkt6_receive")));
        assertEquals(List.of("a"), call(), "the manager it came from keeps its library");
    }

    @Test
    void librariesOfTheHooksFolderComeAfterTheConfiguredOnes() throws Exception {
        add("/srv/hooks/hot.jar");
        add("a");
        hooks.folderJarChanged(Path.of("/srv/hooks/hot.jar"));
        configure("a");
        assertEquals(List.of("a", "/srv/hooks/hot.jar"), call());
        assertEquals(LibraryInfo.Origin.HOOKS_FOLDER, hooks.libraries().get(1).origin());
    }

    @Test
    void theServerPassesExactlyTheDeclaredArgumentsAndReadsBackInOutOnes() throws Exception {
        loader.add("changer", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("test_hook", h -> {
                    h.set(VALUE, h.get(VALUE) + "+changed");
                    h.setStatus(NextStep.DROP);
                    return 0;
                });
                return 0;
            }
        });
        configure("changer");
        try (CalloutSession s = hooks.openSession()) {
            assertThrows(IllegalArgumentException.class, () -> s.begin(test).with(Argument.of("other", String.class, ""), "x"),
                    "an undeclared argument");
            assertThrows(IllegalStateException.class, () -> s.begin(test).with(VALUE, "v").call(),
                    "a declared argument left out");
            NextStep next = s.begin(test).with(TRACE, new ArrayList<>()).with(VALUE, "v").call();
            assertEquals("v+changed", s.get(VALUE));
            assertEquals(NextStep.CONTINUE, next, "DROP is not declared for test_hook: treated as CONTINUE");
            assertEquals(NextStep.DROP, s.getStatus());
        }
    }

    @Test
    void aCalloutSettingADeclaredArgumentToAnotherTypeFailsThatCalloutOnly() throws Exception {
        loader.add("bad", () -> library(h -> {
            h.get(TRACE).add("bad");
            h.setArgument("value", 42);
            return 0;
        }));
        add("good");
        configure("bad", "good");
        List<String> trace = new ArrayList<>();
        try (CalloutSession s = hooks.openSession()) {
            s.begin(test).with(TRACE, trace).with(VALUE, "v").call();
            assertEquals("v", s.get(VALUE), "the wrong value was refused");
        }
        assertEquals(List.of("bad", "good"), trace);
        LibraryInfo.CalloutInfo stats = hooks.libraries().get(0).callouts().get(0);
        assertEquals(1, stats.calls());
        assertEquals(1, stats.errors());
    }

    private static HookLibrary library(Callout onTest) {
        return new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout(TEST, onTest);
                return 0;
            }
        };
    }

    @Test
    void contextIsPerLibraryAndLivesAsLongAsThePacket() throws Exception {
        for (String name : List.of("x", "y")) {
            loader.add(name, () -> new HookLibrary() {
                @Override
                public int version() {
                    return FRAMEWORK_VERSION;
                }

                @Override
                public int load(LibraryHandle handle) {
                    handle.registerCallout(TEST, h -> {
                        h.setContext("mine", name);
                        return 0;
                    });
                    handle.registerCallout(OTHER, h -> {
                        String seen;
                        try {
                            seen = h.getContext("mine");
                        } catch (NoSuchCalloutContextException e) {
                            seen = "none";
                        }
                        h.get(TRACE).add(name + "=" + seen);
                        return 0;
                    });
                    return 0;
                }
            });
        }
        configure("x", "y");
        List<String> trace = new ArrayList<>();
        try (CalloutSession s = hooks.openSession()) {
            s.begin(test).with(TRACE, trace).with(VALUE, "v").call();
            s.begin(other).with(TRACE, trace).call();
            assertThrows(IllegalStateException.class, () -> s.setContext("k", "v"), "context only inside callouts");
        }
        try (CalloutSession s = hooks.openSession()) {
            s.begin(other).with(TRACE, trace).call();
        }
        assertEquals(List.of("x=x", "y=y", "x=none", "y=none"), trace);
    }

    @Test
    void aThrowingOrFailingCalloutIsCountedAndTheNextStillRuns() throws Exception {
        loader.add("thrower", () -> library(h -> {
            throw new IllegalStateException("boom");
        }));
        loader.add("failer", () -> library(h -> 3));
        add("last");
        configure("thrower", "failer", "last");
        assertEquals(List.of("last"), call());
        List<LibraryInfo> libs = hooks.libraries();
        assertEquals(1, libs.get(0).callouts().get(0).errors());
        assertEquals(1, libs.get(1).callouts().get(0).errors());
        assertEquals(0, libs.get(2).callouts().get(0).errors());
        assertTrue(libs.get(2).callouts().get(0).maxNanos() > 0);
    }

    @Test
    void aConfigurationWithAWrongVersionOrAFailingLoadIsRefusedAndTheRunningOneStays() throws Exception {
        add("good");
        configure("good");
        loader.add("old", () -> {
            Recording r = new Recording("old", new AtomicInteger(), new AtomicInteger());
            r.version = 2;
            return r;
        });
        LibraryRefusedException e = assertThrows(LibraryRefusedException.class, () -> configure("good", "old"));
        assertEquals("HOOKS_INCORRECT_VERSION hook library old is at version 2, require version 1", e.getMessage());

        AtomicInteger unloadsOfBroken = new AtomicInteger();
        loader.add("broken", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout(TEST, h -> 0);
                throw new IllegalArgumentException("no registry file");
            }

            @Override
            public int unload() {
                unloadsOfBroken.incrementAndGet();
                return 0;
            }
        });
        e = assertThrows(LibraryRefusedException.class, () -> configure("good", "broken"));
        assertEquals("HOOKS_LOAD_FRAMEWORK_EXCEPTION 'load' function in hook library broken threw an exception: reason"
                + " java.lang.IllegalArgumentException: no registry file", e.getMessage());
        assertEquals(1, unloadsOfBroken.get(), "unload() follows a failed load(), as in Kea");
        assertEquals(List.of("good"), call(), "the running configuration keeps serving");
        assertEquals(3, loads("good"), "the good library was loaded for each attempt");
        assertEquals(2, unloads("good"), "...and each fresh instance was unloaded again");

        e = assertThrows(LibraryRefusedException.class, () -> configure("nowhere"));
        assertTrue(e.getMessage().startsWith("HOOKS_OPEN_ERROR failed to open hook library nowhere:"), e.getMessage());
        assertNull(hooks.check(List.of(new LibrarySpec("good", Map.of()))));
        assertEquals(List.of("good"), call());
    }

    @Test
    void anIdenticalConfigurationReloadsNothingAndParametersReachTheLibrary() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        List<Object> seen = new CopyOnWriteArrayList<>();
        loader.add("p", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                loads.incrementAndGet();
                seen.add(handle.getParameter("file"));
                return 0;
            }
        });
        hooks.configure(List.of(new LibrarySpec("p", Map.of("file", "/tmp/a"))));
        hooks.configure(List.of(new LibrarySpec("p", Map.of("file", "/tmp/a"))));
        assertEquals(1, loads.get());
        hooks.configure(List.of(new LibrarySpec("p", Map.of("file", "/tmp/b"))));
        assertEquals(List.of("/tmp/a", "/tmp/b"), seen);
        assertEquals(Map.of("file", "/tmp/b"), hooks.libraries().get(0).parameters());
    }

    @Test
    void standardCalloutsComeBeforeThoseRegisteredInLoadAndUnknownHookPointsFailTheLoad() throws Exception {
        Callout standard = h -> {
            h.get(TRACE).add("standard");
            return 0;
        };
        LibraryLoader withServices = (name, jar) -> new LibraryInstance(
                new Recording("loaded", new AtomicInteger(), new AtomicInteger()),
                new LibrarySource(7, "org.example.lib", "1.2.3", null),
                List.of(new LibraryInstance.StandardCallout(name.equals("typo") ? "test_hok" : "test_hook", null, standard)),
                () -> { });
        HooksManagerImpl manager = new HooksManagerImpl(withServices, Runnable::run);
        Hook hook = manager.hook(TEST);
        manager.configure(List.of(new LibrarySpec("lib", Map.of())));
        List<String> trace = new ArrayList<>();
        try (CalloutSession s = manager.openSession()) {
            s.begin(hook).with(TRACE, trace).with(VALUE, "v").call();
        }
        assertEquals(List.of("standard", "loaded"), trace);
        LibraryInfo info = manager.libraries().get(0);
        assertEquals("org.example.lib", info.bundle());
        assertEquals("1.2.3", info.bundleVersion());
        assertEquals(1, info.version());
        assertTrue(info.callouts().get(0).name().endsWith("HooksManagerImplTest (lambda)"), info.callouts().toString());

        LibraryRefusedException e = assertThrows(LibraryRefusedException.class,
                () -> manager.configure(List.of(new LibrarySpec("typo", Map.of()))));
        assertTrue(e.getMessage().contains("names hook point 'test_hok', which is not declared"), e.getMessage());

        loader.add("misspelt", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("pkt4_recieve", h -> 0);
                return 0;
            }
        });
        e = assertThrows(LibraryRefusedException.class, () -> configure("misspelt"));
        assertTrue(e.getMessage().contains("no hook point named 'pkt4_recieve' is declared"), e.getMessage());
    }

    @Test
    void calloutsRegisteredDuringACallRunFromTheNextCall() throws Exception {
        loader.add("grower", () -> library(h -> {
            h.get(TRACE).add("grower");
            h.getLibraryHandle().registerCallout("test_hook", h2 -> {
                h2.get(TRACE).add("added");
                return 0;
            });
            return 0;
        }));
        configure("grower");
        assertEquals(List.of("grower"), call());
        assertEquals(List.of("grower", "added"), call());
    }

    @Test
    void contextCreateAndDestroyFrameEveryPacket() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        loader.add("framer", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("context_create", h -> events.add("create") ? 0 : 1);
                handle.registerCallout("context_destroy", h -> events.add("destroy") ? 0 : 1);
                return 0;
            }
        });
        configure("framer");
        hooks.openSession().close();
        hooks.openSession().close();
        assertEquals(List.of("create", "destroy", "create", "destroy"), events);
    }

    @Test
    void libreloadLoadsFreshInstancesBeforeUnloadingTheOldOnesAndKeepsStatistics() throws Exception {
        add("r");
        configure("r");
        assertEquals(List.of("r"), call());
        assertEquals(1, hooks.libraries().get(0).callouts().get(0).calls());
        assertNull(hooks.reloadLibraries());
        assertEquals(2, loads("r"));
        assertEquals(1, unloads("r"));
        assertEquals(List.of("r"), call());
        assertEquals(2, hooks.libraries().get(0).callouts().get(0).calls(), "statistics survive libreload");

        loader.add("r", () -> {
            throw new IllegalStateException("cannot build it now");
        });
        assertEquals("HOOKS_OPEN_ERROR failed to open hook library r: java.lang.IllegalStateException: cannot build it now",
                hooks.reloadLibraries());
        assertEquals(List.of("r"), call(), "a failed libreload changes nothing");
    }

    @Test
    void aPacketInFlightFinishesOnItsCalloutsWhileANewSetReplacesThem() throws Exception {
        add("r");
        configure("r");
        CalloutSession inFlight = hooks.openSession();
        Thread reload = new Thread(hooks::reloadLibraries);
        reload.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (loads("r") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, loads("r"), "the new instance is loaded");
        assertEquals(List.of("r"), call(), "new packets use the new instance");
        Thread.sleep(100);
        assertEquals(0, unloads("r"), "the old instance waits for the packet in flight");
        List<String> trace = new ArrayList<>();
        inFlight.begin(test).with(TRACE, trace).with(VALUE, "v").call();
        assertEquals(List.of("r"), trace, "the packet in flight still has its callouts");
        inFlight.close();
        reload.join(5000);
        assertEquals(1, unloads("r"));
    }

    @Test
    void aSlowLoadNeverStopsPackets() throws Exception {
        add("fast");
        configure("fast");
        CountDownLatch loading = new CountDownLatch(1);
        loader.add("slow", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) throws InterruptedException {
                loading.countDown();
                Thread.sleep(1500);
                return 0;
            }
        });
        Thread configurer = new Thread(() -> {
            try {
                configure("fast", "slow");
            } catch (LibraryRefusedException e) {
                throw new IllegalStateException(e);
            }
        });
        configurer.start();
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        long worst = 0;
        int calls = 0;
        while (configurer.isAlive() && calls < 1_000_000) {
            long start = System.nanoTime();
            assertEquals(List.of("fast"), call());
            worst = Math.max(worst, System.nanoTime() - start);
            calls++;
        }
        configurer.join();
        assertTrue(calls > 100, "packets kept flowing during load(): " + calls);
        // a call that waited for load() would take its 1.5 s; a busy machine may take some time anyway
        assertTrue(worst < TimeUnit.MILLISECONDS.toNanos(1000), "no packet waited for load(): worst " + worst + " ns");
    }

    @Test
    void theHooksFolderReplacesAJarInOneStepKeepsTheOldOneWhenTheNewOneFailsAndRefusesDuplicates() throws Exception {
        Path jar = Path.of("/srv/hooks/h.jar");
        add(jar.toString());
        hooks.folderJarChanged(jar);
        assertEquals(List.of(jar.toString()), call());
        hooks.folderJarChanged(jar);
        assertEquals(2, loads(jar.toString()));
        assertEquals(1, unloads(jar.toString()));

        loader.add(jar.toString(), () -> {
            Recording r = new Recording("v9", new AtomicInteger(), new AtomicInteger());
            r.version = 9;
            return r;
        });
        hooks.folderJarChanged(jar);
        LibraryInfo info = hooks.libraries().get(0);
        assertEquals(LibraryInfo.State.LOADED, info.state());
        assertTrue(info.detail().contains("replacement was refused"), info.detail());
        assertEquals(List.of(jar.toString()), call(), "the previous version serves on");

        hooks.folderJarRemoved(jar);
        assertEquals(List.of(), call());
        assertEquals(2, unloads(jar.toString()));
        assertEquals(List.of(), hooks.libraries());
    }

    @Test
    void aFolderJarOfTheSameBundleAsAnotherLibraryIsRefused() throws Exception {
        Function<String, LibraryLoader> sameBundle = bsn -> (name, jar) -> new LibraryInstance(
                new Recording(name, new AtomicInteger(), new AtomicInteger()), new LibrarySource(1, bsn, "1.0.0", jar),
                List.of(), () -> { });
        HooksManagerImpl manager = new HooksManagerImpl(sameBundle.apply("org.example.same"), Runnable::run);
        manager.configure(List.of(new LibrarySpec("/etc/kea/same.jar", Map.of())));
        manager.folderJarChanged(Path.of("/srv/hooks/copy.jar"));
        LibraryInfo copy = manager.libraries().get(1);
        assertEquals(LibraryInfo.State.REFUSED, copy.state());
        assertEquals("duplicate of library 1 (/etc/kea/same.jar): the same bundle org.example.same", copy.detail());
    }

    @Test
    void aStoppedBundleIsUnloadedAndLoadsAgainWhenItComesBack() throws Exception {
        AtomicLong bundle = new AtomicLong(40);
        AtomicInteger unloads = new AtomicInteger();
        LibraryLoader bySymbolicName = (name, jar) -> new LibraryInstance(
                new Recording(name, new AtomicInteger(), unloads), new LibrarySource(bundle.get(), name, "1.0.0", null),
                List.of(), () -> { });
        HooksManagerImpl manager = new HooksManagerImpl(bySymbolicName, Runnable::run);
        Hook hook = manager.hook(TEST);
        manager.configure(List.of(new LibrarySpec("org.example.lib", Map.of())));
        manager.bundleGone(40);
        assertEquals(1, unloads.get());
        assertEquals(LibraryInfo.State.WAITING, manager.libraries().get(0).state());
        try (CalloutSession s = manager.openSession()) {
            assertFalse(s.hasCallouts(hook));
        }
        manager.bundleBack("org.example.lib");
        assertEquals(LibraryInfo.State.LOADED, manager.libraries().get(0).state());
        try (CalloutSession s = manager.openSession()) {
            assertTrue(s.hasCallouts(hook));
        }
    }

    /** Four threads call a hook point while libreload runs 50 times: always a whole set, never none. */
    @Test
    void concurrentCallsAlwaysSeeAWholeSetDuringLibreload() throws Exception {
        add("c1");
        add("c2");
        configure("c1", "c2");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong broken = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        if (!call().equals(List.of("c1", "c2"))) {
                            broken.incrementAndGet();
                        }
                        calls.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (int i = 0; i < 50; i++) {
            assertNull(hooks.reloadLibraries());
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(), errors);
        assertEquals(0, broken.get(), "calls that saw a partial or empty callout set");
        assertTrue(calls.get() > 50);
        assertEquals(51, loads("c1"));
        assertEquals(50, unloads("c1"));
    }

    @Test
    void aSecondDeclarationOfAHookPointMustHaveTheSameArguments() {
        assertTrue(hooks.hook(HookPoint.builder("test_hook").in(TRACE).inOut(VALUE).build()) == test);
        assertThrows(IllegalArgumentException.class, () -> hooks.hook(HookPoint.builder("test_hook").in(VALUE).build()));
    }
}
