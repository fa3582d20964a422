package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.kea4j.itest.osgi.OsgiTests.apply;
import static org.kea4j.itest.osgi.OsgiTests.await;
import static org.kea4j.itest.osgi.OsgiTests.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigService;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPoint;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.itest.hooks.TestBundles;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Hook bundles built at run time, loaded into the running framework through the configuration and the
 * hooks folder: load, call order, arguments, skip, context, errors, version check, libreload, unload.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HooksIT {

    @Inject
    BundleContext context;
    @Inject
    ConfigService config;
    @Inject
    HooksManager hooks;
    @Inject
    CommandRegistry commands;

    private Path work;
    private Path log;

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Before
    public void setUp() throws Exception {
        work = Files.createTempDirectory("kea4j-hooks-it");
        log = work.resolve("kea.log");
        try (var files = Files.list(KeaOptions.hooksDir())) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @After
    public void tearDown() {
        configure();
    }

    /** Applies a configuration whose Dhcp4 section lists these hooks libraries. */
    private void configure(String... libraries) {
        String list = List.of(libraries).stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
        apply(config, "{'Dhcp4': {'hooks-libraries': [" + list + "]}, 'Logging': {'loggers': [{'name': 'kea-dhcp4',"
                + " 'severity': 'DEBUG', 'debuglevel': 40, 'output_options': [{'output': '" + log + "'}]}]}}");
    }

    private Path jar(String tag) throws Exception {
        return TestBundles.hookBundle(work.resolve(tag + ".jar"), tag);
    }

    /** Calls one hook point in a fresh session; returns the trace the callouts wrote. */
    private List<String> call(String hook) {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (CalloutSession session = hooks.openSession()) {
            session.setArgument("trace", trace);
            session.setArgument("value", "v");
            hooks.hookPoint(hook).call(session);
        }
        return trace;
    }

    private LibraryInfo library(String tagOrName) {
        return hooks.libraries().stream().filter(l -> l.name().contains(tagOrName)).findFirst().orElse(null);
    }

    @Test
    public void listedLibrariesLoadAndTheirCalloutsRunInListOrder() throws Exception {
        Path a = jar("orderA");
        Path b = jar("orderB");
        configure(b.toString(), a.toString());
        assertTrue(await(() -> call("itest_hook").size() == 2, 5000));
        assertEquals(1, TestBundles.count("orderA", "loads"));
        assertEquals(1, TestBundles.count("orderB", "loads"));
        assertEquals(List.of("orderB", "orderA"), call("itest_hook"));
        assertTrue(read(log).contains("HOOKS_LIBRARY_LOADED hooks library " + a));
    }

    @Test
    public void argumentsAndSkipSetByACalloutReachTheCaller() throws Exception {
        Path skip = TestBundles.hookBundle(work.resolve("skip.jar"), "skipper", "skip", 1);
        configure(skip.toString());
        assertTrue(await(() -> library("skip.jar") != null && library("skip.jar").state() == LibraryInfo.State.LOADED, 5000));
        HookPoint point = hooks.hookPoint("itest_hook");
        try (CalloutSession session = hooks.openSession()) {
            session.setArgument("trace", new ArrayList<String>());
            session.setArgument("value", "v");
            point.call(session);
            assertEquals("v+skipper", session.getArgument("value"));
            assertTrue(session.getSkip());
        }
    }

    @Test
    public void contextLivesAcrossHookPointsOfOnePacketAndPerLibrary() throws Exception {
        Path a = jar("ctxA");
        Path b = jar("ctxB");
        configure(a.toString(), b.toString());
        assertTrue(await(() -> call("itest_hook").size() == 2, 5000));
        List<String> trace = new CopyOnWriteArrayList<>();
        try (CalloutSession session = hooks.openSession()) {
            session.setArgument("trace", trace);
            hooks.hookPoint("itest_hook").call(session);
            hooks.hookPoint("itest_second").call(session);
        }
        assertEquals(List.of("ctxA", "ctxB", "ctxA=ctxA-context", "ctxB=ctxB-context"), trace);
        assertEquals(List.of("ctxA=none", "ctxB=none"), call("itest_second"));
    }

    @Test
    public void aThrowingCalloutIsLoggedAndTheNextStillRuns() throws Exception {
        Path bad = TestBundles.hookBundle(work.resolve("thrower.jar"), "thrower", "throw", 1);
        Path good = jar("afterThrower");
        configure(bad.toString(), good.toString());
        assertTrue(await(() -> call("itest_hook").size() == 2, 5000));
        assertEquals(List.of("thrower", "afterThrower"), call("itest_hook"));
        assertTrue(await(() -> read(log).contains("HOOKS_CALLOUT_EXCEPTION exception thrown by callout on hook itest_hook"
                + " registered by library with index 1"), 3000));
        assertTrue(read(log).contains("fails on purpose"));
    }

    @Test
    public void aLibraryOfAnotherVersionIsRefused() throws Exception {
        Path old = TestBundles.hookBundle(work.resolve("old.jar"), "oldVersion", "normal", 2);
        configure(old.toString());
        assertTrue(await(() -> library("old.jar") != null && library("old.jar").state() == LibraryInfo.State.REFUSED, 5000));
        assertEquals(0, TestBundles.count("oldVersion", "loads"));
        assertEquals(List.of(), call("itest_hook"));
        assertTrue(read(log).contains("HOOKS_INCORRECT_VERSION hook library " + old + " is at version 2, require version 1"));
    }

    @Test
    public void libreloadReadsAReplacedJarAgain() throws Exception {
        Path jar = TestBundles.hookBundle(work.resolve("replaced.jar"), "beforeReplace");
        configure(jar.toString());
        assertTrue(await(() -> call("itest_hook").equals(List.of("beforeReplace")), 5000));
        Thread.sleep(1100); // a new modification time
        TestBundles.hookBundle(jar, "afterReplace");
        Answer answer = commands.execute("libreload", null);
        assertEquals(answer.text(), Answer.SUCCESS, answer.result());
        assertTrue(await(() -> call("itest_hook").equals(List.of("afterReplace")), 5000));
        assertEquals(1, TestBundles.count("beforeReplace", "unloads"));
        assertEquals(1, TestBundles.count("afterReplace", "loads"));
    }

    @Test
    public void libreloadOfUnchangedLibrariesUnloadsAndLoadsThemAgain() throws Exception {
        Path jar = jar("reloaded");
        configure(jar.toString());
        assertTrue(await(() -> call("itest_hook").size() == 1, 5000));
        assertEquals(Answer.SUCCESS, commands.execute("libreload", null).result());
        assertEquals(1, TestBundles.count("reloaded", "unloads"));
        assertEquals(2, TestBundles.count("reloaded", "loads"));
        assertEquals(List.of("reloaded"), call("itest_hook"));
    }

    @Test
    public void stoppingTheBundleUnloadsTheLibraryAndRemovesItsCallouts() throws Exception {
        Path jar = jar("stopped");
        configure(jar.toString());
        assertTrue(await(() -> call("itest_hook").size() == 1, 5000));
        Bundle bundle = context.getBundle(jar.toUri().toString());
        bundle.stop();
        assertEquals(1, TestBundles.count("stopped", "unloads"));
        assertEquals(List.of(), call("itest_hook"));
        assertTrue(read(log).contains("HOOKS_LIBRARY_UNLOADED hooks library " + jar));
        bundle.start();
        assertTrue(await(() -> call("itest_hook").size() == 1, 5000));
    }

    @Test
    public void aJarDroppedIntoTheHooksFolderLoadsAfterTheListedOnesAndLeavesWhenRemoved() throws Exception {
        Path listed = jar("listedFirst");
        configure(listed.toString());
        Path dropped = KeaOptions.hooksDir().resolve("dropped.jar");
        TestBundles.hookBundle(dropped, "hotDropped");
        assertTrue("hot-deployed library loaded",
                await(() -> call("itest_hook").equals(List.of("listedFirst", "hotDropped")), 15000));
        Files.delete(dropped);
        assertTrue("hot-deployed library unloaded", await(() -> call("itest_hook").equals(List.of("listedFirst")), 15000));
        assertEquals(1, TestBundles.count("hotDropped", "unloads"));
    }

    @Test
    public void aBundleWithCalloutsButNoLibraryIsRefusedForLackOfVersion() throws Exception {
        configure();
        Path dropped = KeaOptions.hooksDir().resolve("noversion.jar");
        TestBundles.hookBundle(dropped, "noVersion", "callout-only", 1);
        assertTrue(await(() -> read(log).contains("HOOKS_NO_VERSION no 'version' function found in hook library"), 15000));
        assertEquals(List.of(), call("itest_hook"));
        Files.delete(dropped);
    }

    /** Four threads call a hook point while libreload runs 50 times: always a whole set, no exception, no call lost. */
    @Test
    public void concurrentCallsSeeWholeCalloutSetsDuringLibreload() throws Exception {
        Path a = jar("concA");
        Path b = jar("concB");
        configure(a.toString(), b.toString());
        assertTrue(await(() -> call("itest_hook").size() == 2, 5000));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong broken = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        List<String> trace = call("itest_hook");
                        calls.incrementAndGet();
                        if (!trace.equals(List.of("concA", "concB"))) {
                            broken.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(Answer.SUCCESS, commands.execute("libreload", null).result());
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
            assertFalse(t.isAlive());
        }
        assertEquals(List.of(), errors);
        assertEquals("calls that saw a partial callout set", 0, broken.get());
        assertTrue(calls.get() > 50);
        assertEquals(51, TestBundles.count("concA", "loads"));
    }
}
