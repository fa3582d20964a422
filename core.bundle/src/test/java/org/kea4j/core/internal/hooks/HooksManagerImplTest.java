package org.kea4j.core.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.NoSuchCalloutContextException;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPoint;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.LibraryInfo;

class HooksManagerImplTest {

    private final HooksManagerImpl hooks = new HooksManagerImpl();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    private static LibrarySource source(long id, String name) {
        return new LibrarySource(id, name, null);
    }

    /** A library whose callouts append "name:hook" to the trace. */
    private class Recording implements HookLibrary {
        final String name;
        int version = HookLibrary.FRAMEWORK_VERSION;
        int loadResult;
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger unloads = new AtomicInteger();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public int load(LibraryHandle handle) {
            loads.incrementAndGet();
            handle.registerCallout("test_hook", h -> {
                trace.add(name + ":" + h.getHookName());
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

    private void call(String hook) {
        try (CalloutSession session = hooks.openSession()) {
            hooks.hookPoint(hook).call(session);
        }
    }

    @Test
    void calloutsRunInLibraryOrderNotArrivalOrder() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of()), new HooksLibraryConfig("lib.b", Map.of())));
        hooks.libraryAdded(source(2, "lib.b"), new Recording("b"));
        hooks.libraryAdded(source(1, "lib.a"), new Recording("a"));
        call("test_hook");
        assertEquals(List.of("a:test_hook", "b:test_hook"), trace);
        assertEquals(List.of(1, 2), hooks.libraries().stream().map(LibraryInfo::index).toList());
    }

    @Test
    void librariesNeitherListedNorHotDeployedAreIgnored() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        Recording stranger = new Recording("x");
        hooks.libraryAdded(source(9, "lib.x"), stranger);
        assertEquals(0, stranger.loads.get());
        assertFalse(hooks.hookPoint("test_hook").hasCallouts());
    }

    @Test
    void hotDeployedLibrariesComeAfterTheListedOnes() {
        hooks.setHooksDir(Path.of("/srv/hooks"));
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        hooks.libraryAdded(new LibrarySource(5, "lib.hot", Path.of("/srv/hooks/hot.jar")), new Recording("hot"));
        hooks.libraryAdded(source(1, "lib.a"), new Recording("a"));
        call("test_hook");
        assertEquals(List.of("a:test_hook", "hot:test_hook"), trace);
    }

    @Test
    void argumentsAndSkipAreSeenByTheCaller() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        hooks.libraryAdded(source(1, "lib.a"), new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("pkt", h -> {
                    h.setArgument("query", h.getArgument("query", String.class) + "+changed");
                    h.setSkip(true);
                    return 0;
                });
                return 0;
            }
        });
        HookPoint pkt = hooks.hookPoint("pkt");
        try (CalloutSession session = hooks.openSession()) {
            session.setArgument("query", "q");
            pkt.call(session);
            assertEquals("q+changed", session.getArgument("query"));
            assertTrue(session.getSkip());
            hooks.hookPoint("other").call(session);
            assertEquals(NextStep.CONTINUE, session.getStatus(), "status is reset before every hook point");
        }
    }

    @Test
    void contextIsPerLibraryAndSurvivesBetweenHookPoints() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of()), new HooksLibraryConfig("lib.b", Map.of())));
        List<Object> seen = new CopyOnWriteArrayList<>();
        for (String lib : List.of("a", "b")) {
            hooks.libraryAdded(source(lib.equals("a") ? 1 : 2, "lib." + lib), new HookLibrary() {
                @Override
                public int version() {
                    return FRAMEWORK_VERSION;
                }

                @Override
                public int load(LibraryHandle handle) {
                    handle.registerCallout("first", h -> {
                        if (lib.equals("a")) {
                            h.setContext("key", "value-of-a");
                        }
                        return 0;
                    });
                    handle.registerCallout("second", h -> {
                        try {
                            seen.add(lib + "=" + h.getContext("key"));
                        } catch (NoSuchCalloutContextException e) {
                            seen.add(lib + "=none");
                        }
                        return 0;
                    });
                    return 0;
                }
            });
        }
        try (CalloutSession session = hooks.openSession()) {
            hooks.hookPoint("first").call(session);
            hooks.hookPoint("second").call(session);
        }
        try (CalloutSession session = hooks.openSession()) {
            hooks.hookPoint("second").call(session);
        }
        assertEquals(List.of("a=value-of-a", "b=none", "a=none", "b=none"), seen);
    }

    @Test
    void aThrowingOrFailingCalloutDoesNotStopTheNext() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        hooks.libraryAdded(source(1, "lib.a"), new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("h", x -> {
                    throw new IllegalStateException("boom");
                });
                handle.registerCallout("h", x -> 7);
                handle.registerCallout("h", x -> {
                    trace.add("third");
                    return 0;
                });
                return 0;
            }
        });
        call("h");
        assertEquals(List.of("third"), trace);
        HookPointInfo info = hooks.hookPoints().stream().filter(p -> p.name().equals("h")).findFirst().orElseThrow();
        assertEquals(List.of(1L, 1L, 0L), info.callouts().stream().map(HookPointInfo.CalloutInfo::errors).toList());
    }

    @Test
    void aWrongVersionIsRefused() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        Recording old = new Recording("old");
        old.version = 2;
        hooks.libraryAdded(source(1, "lib.a"), old);
        assertEquals(0, old.loads.get());
        LibraryInfo info = hooks.libraries().get(0);
        assertEquals(LibraryInfo.State.REFUSED, info.state());
        assertEquals(2, info.version());
        assertFalse(hooks.hookPoint("test_hook").hasCallouts());
    }

    @Test
    void aFailedLoadRemovesTheLibrarysCallouts() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        Recording failing = new Recording("f");
        failing.loadResult = 3;
        hooks.libraryAdded(source(1, "lib.a"), failing);
        assertEquals(LibraryInfo.State.FAILED, hooks.libraries().get(0).state());
        assertEquals(1, failing.unloads.get(), "unload runs after a failed load, as in Kea");
        assertFalse(hooks.hookPoint("test_hook").hasCallouts());
    }

    @Test
    void withdrawingTheServiceUnloadsTheLibrary() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        Recording lib = new Recording("a");
        hooks.libraryAdded(source(1, "lib.a"), lib);
        assertTrue(hooks.hookPoint("test_hook").hasCallouts());
        hooks.libraryRemoved(source(1, "lib.a"));
        assertEquals(1, lib.unloads.get());
        assertFalse(hooks.hookPoint("test_hook").hasCallouts());
        assertEquals(LibraryInfo.State.WAITING, hooks.libraries().get(0).state());
    }

    @Test
    void anIdenticalConfigurationReloadsNothing() {
        List<HooksLibraryConfig> libs = List.of(new HooksLibraryConfig("lib.a", Map.of("p", 1)));
        hooks.configure(libs);
        Recording lib = new Recording("a");
        hooks.libraryAdded(source(1, "lib.a"), lib);
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of("p", 1))));
        assertEquals(1, lib.loads.get());
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of("p", 2))));
        assertEquals(2, lib.loads.get());
        assertEquals(1, lib.unloads.get());
    }

    @Test
    void parametersReachTheLibrary() {
        AtomicLong seen = new AtomicLong();
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of("limit", 42))));
        hooks.libraryAdded(source(1, "lib.a"), new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                seen.set(((Number) handle.getParameter("limit")).longValue());
                return 0;
            }
        });
        assertEquals(42, seen.get());
    }

    @Test
    void standardCalloutsComeBeforeThoseRegisteredInLoad() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        hooks.calloutAdded(source(1, "lib.a"), h -> {
            trace.add("standard");
            return 0;
        }, List.of("test_hook"));
        hooks.libraryAdded(source(1, "lib.a"), new Recording("a"));
        call("test_hook");
        assertEquals(List.of("standard", "a:test_hook"), trace);
    }

    @Test
    void calloutsRegisteredDuringACallRunFromTheNextCall() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        AtomicBoolean registered = new AtomicBoolean();
        hooks.libraryAdded(source(1, "lib.a"), new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("dyn", h -> {
                    trace.add("first");
                    if (registered.compareAndSet(false, true)) {
                        h.getLibraryHandle().registerCallout("dyn", x -> {
                            trace.add("added");
                            return 0;
                        });
                    }
                    return 0;
                });
                return 0;
            }
        });
        call("dyn");
        assertEquals(List.of("first"), trace);
        call("dyn");
        assertEquals(List.of("first", "first", "added"), trace);
    }

    @Test
    void contextCreateAndDestroyFrameEveryPacket() {
        hooks.configure(List.of(new HooksLibraryConfig("lib.a", Map.of())));
        hooks.libraryAdded(source(1, "lib.a"), new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout("context_create", h -> {
                    h.setContext("packet", "started");
                    trace.add("create");
                    return 0;
                });
                handle.registerCallout("pkt", h -> {
                    trace.add("pkt sees " + h.getContext("packet"));
                    return 0;
                });
                handle.registerCallout("context_destroy", h -> {
                    trace.add("destroy");
                    return 0;
                });
                return 0;
            }
        });
        call("pkt");
        assertEquals(List.of("create", "pkt sees started", "destroy"), trace);
    }

    @Test
    void contextIsOnlyForCallouts() {
        try (CalloutSession session = hooks.openSession()) {
            assertThrows(IllegalStateException.class, () -> session.getContext("x"));
        }
    }

    /**
     * While four threads call a hook point, libreload runs 50 times: every call sees the complete callout
     * set of one generation (never a part, never a mix), and every call is counted.
     */
    @Test
    void libreloadIsAtomicForConcurrentCalls() throws Exception {
        int libraries = 3;
        List<HooksLibraryConfig> configs = new ArrayList<>();
        for (int i = 0; i < libraries; i++) {
            configs.add(new HooksLibraryConfig("lib." + i, Map.of()));
        }
        hooks.configure(configs);
        AtomicInteger generation = new AtomicInteger();
        AtomicLong invocations = new AtomicLong();
        for (int i = 0; i < libraries; i++) {
            hooks.libraryAdded(source(i + 1, "lib." + i), new HookLibrary() {
                @Override
                public int version() {
                    return FRAMEWORK_VERSION;
                }

                @Override
                public int load(LibraryHandle handle) {
                    int gen = generation.get();
                    handle.registerCallout("hot", h -> {
                        List<Integer> seen = h.getArgument("seen");
                        seen.add(gen);
                        invocations.incrementAndGet();
                        return 0;
                    });
                    return 0;
                }

                @Override
                public int unload() {
                    generation.incrementAndGet();
                    return 0;
                }
            });
        }
        HookPoint hot = hooks.hookPoint("hot");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    try (CalloutSession session = hooks.openSession()) {
                        List<Integer> seen = new ArrayList<>();
                        session.setArgument("seen", seen);
                        hot.call(session);
                        calls.incrementAndGet();
                        if (seen.size() != libraries || seen.stream().distinct().count() != 1) {
                            bad.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        started.await(5, TimeUnit.SECONDS);
        long before = calls.get();
        for (int i = 0; i < 50; i++) {
            assertTrue(hooks.reloadLibraries());
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertEquals(List.of(), errors);
        assertEquals(0, bad.get(), "calls that saw a partial or mixed callout set");
        assertTrue(calls.get() > before, "calls went on during the reloads");
        assertEquals(calls.get() * libraries, invocations.get(), "no call lost a callout");
        assertEquals(50 * libraries, generation.get(), "each reload unloaded every library once");
    }
}
