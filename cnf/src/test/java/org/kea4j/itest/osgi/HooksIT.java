package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.kea4j.itest.osgi.OsgiTests.apply;
import static org.kea4j.itest.osgi.OsgiTests.await;
import static org.kea4j.itest.osgi.OsgiTests.json;
import static org.kea4j.itest.osgi.OsgiTests.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigService;
import org.kea4j.config.ConfigTrigger;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
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
import org.osgi.framework.BundleException;

/**
 * Hook bundles built at run time, loaded into the running framework through the configuration and the hooks
 * folder: call order, arguments, skip, context, errors, versions, libreload, hot replacement in one step, jars
 * that cannot be loaded (each with its log line and listing entry), configurations refused for an unloadable
 * library, the hooks listing and {@code command_processed}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HooksIT {

    /** The test hook points the test bundles' libraries register on. */
    static final Argument<List<String>> TRACE = Argument.listOf("trace", String.class, "what the callouts did");
    static final Argument<String> VALUE = Argument.of("value", String.class, "a value callouts may change");
    static final HookPoint ITEST_HOOK = HookPoint.builder("itest_hook").in(TRACE).inOut(VALUE)
            .onSkip("the test sees it").build();
    static final HookPoint ITEST_SECOND = HookPoint.builder("itest_second").in(TRACE).build();

    @Inject
    BundleContext context;
    @Inject
    ConfigService config;
    @Inject
    HooksManager hooks;
    @Inject
    CommandRegistry commands;
    @Inject
    CommandProcessor shell;

    private Path work;
    private Path log;
    private Hook itest;
    private Hook second;

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
        configure(); // the log file first: libraries load while the previous logging configuration is in force
        itest = hooks.hook(ITEST_HOOK);
        second = hooks.hook(ITEST_SECOND);
        try (var files = Files.list(KeaOptions.hooksDir())) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        assertTrue("the hooks folder is empty", await(() -> hooks.libraries().stream()
                .noneMatch(l -> l.origin() == LibraryInfo.Origin.HOOKS_FOLDER), 10_000));
    }

    @After
    public void tearDown() {
        configure();
    }

    private String configJson(String... libraries) {
        String list = List.of(libraries).stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
        return "{'Dhcp4': {'hooks-libraries': [" + list + "]}, 'Logging': {'loggers': [{'name': 'kea-dhcp4',"
                + " 'severity': 'DEBUG', 'debuglevel': 40, 'output_options': [{'output': '" + log + "'}]}]}}";
    }

    /** Applies a configuration whose Dhcp4 section lists these hooks libraries. */
    private void configure(String... libraries) {
        apply(config, configJson(libraries));
    }

    private Path jar(String tag) throws Exception {
        return TestBundles.hookBundle(work.resolve(tag + ".jar"), tag);
    }

    /** Calls the test hook point in a fresh session; returns the trace the callouts wrote. */
    private List<String> call() {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        try (CalloutSession session = hooks.openSession()) {
            if (session.hasCallouts(itest)) {
                session.begin(itest).with(TRACE, trace).with(VALUE, "v").call();
            }
        }
        return trace;
    }

    private LibraryInfo library(String nameContains) {
        return hooks.libraries().stream().filter(l -> l.name().contains(nameContains)).findFirst().orElse(null);
    }

    /** A shell command's output. */
    private String shell(String line) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true);
        try (CommandSession session = shell.createSession(new java.io.ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(line);
            return (result == null ? "" : String.valueOf(result)) + out;
        }
    }

    /** The hooks-list command's entry of a library. */
    private JsonNode listed(String nameContains) {
        Answer answer = commands.execute("hooks-list", null);
        assertEquals(Answer.SUCCESS, answer.result());
        for (JsonNode lib : answer.arguments().get("libraries")) {
            if (lib.get("name").asText().contains(nameContains)) {
                return lib;
            }
        }
        return null;
    }

    @Test
    public void listedLibrariesLoadAndTheirCalloutsRunInListOrder() throws Exception {
        Path a = jar("orderA");
        Path b = jar("orderB");
        configure(b.toString(), a.toString());
        assertEquals(List.of("orderB", "orderA"), call());
        assertEquals(1, TestBundles.count("orderA", "loads"));
        assertEquals(1, TestBundles.count("orderB", "loads"));
        assertTrue(read(log).contains("HOOKS_LIBRARY_LOADED hooks library " + a));
    }

    @Test
    public void argumentsAndSkipSetByACalloutReachTheCaller() throws Exception {
        Path skip = TestBundles.hookBundle(work.resolve("skip.jar"), "skipper", "skip", 1);
        configure(skip.toString());
        try (CalloutSession session = hooks.openSession()) {
            assertEquals(org.kea4j.hooks.NextStep.SKIP,
                    session.begin(itest).with(TRACE, new ArrayList<>()).with(VALUE, "v").call());
            assertEquals("v+skipper", session.get(VALUE));
        }
    }

    @Test
    public void contextLivesAcrossHookPointsOfOnePacketAndPerLibrary() throws Exception {
        configure(jar("ctxA").toString(), jar("ctxB").toString());
        List<String> trace = new CopyOnWriteArrayList<>();
        try (CalloutSession session = hooks.openSession()) {
            session.begin(itest).with(TRACE, trace).with(VALUE, "v").call();
            session.begin(second).with(TRACE, trace).call();
        }
        assertEquals(List.of("ctxA", "ctxB", "ctxA=ctxA-context", "ctxB=ctxB-context"), trace);
    }

    @Test
    public void aThrowingCalloutIsLoggedAndTheNextStillRuns() throws Exception {
        Path bad = TestBundles.hookBundle(work.resolve("thrower.jar"), "thrower", "throw", 1);
        configure(bad.toString(), jar("afterThrower").toString());
        assertEquals(List.of("thrower", "afterThrower"), call());
        assertTrue(await(() -> read(log).contains("HOOKS_CALLOUT_EXCEPTION exception thrown by callout on hook itest_hook"
                + " registered by library with index 1"), 3000));
        assertTrue(read(log).contains("fails on purpose"));
        assertEquals(1, listed("thrower.jar").get("callouts").get(0).get("errors").asInt());
    }

    @Test
    public void aConfigurationWithALibraryOfAnotherVersionIsRefusedAndTheRunningOneStays() throws Exception {
        Path good = jar("keptGood");
        configure(good.toString());
        Path old = TestBundles.hookBundle(work.resolve("old.jar"), "oldVersion", "normal", 2);
        ConfigResult result = config.apply(json(configJson(good.toString(), old.toString())), "itest");
        assertFalse(result.success());
        assertTrue(result.text(), result.text().contains("HOOKS_INCORRECT_VERSION hook library " + old
                + " is at version 2, require version 1"));
        assertEquals(0, TestBundles.count("oldVersion", "loads"));
        assertEquals(List.of("keptGood"), call());
    }

    @Test
    public void anUnloadableLibraryFailsConfigSetConfigTestAndConfigReloadAndTheRunningOneKeepsServing() throws Exception {
        Path good = jar("runningGood");
        Path file = work.resolve("kea.json");
        Files.writeString(file, configJson(good.toString()).replace('\'', '"'));
        assertTrue(config.loadFile(file).success());
        assertEquals(List.of("runningGood"), call());

        Path broken = TestBundles.unresolvable(work.resolve("unresolvable.jar"), "unresolvableListed");
        JsonNode bad = json(configJson(good.toString(), broken.toString()));
        Answer set = commands.execute("config-set", bad);
        assertEquals(Answer.ERROR, set.result());
        assertTrue(set.text(), set.text().contains("HOOKS_OPEN_ERROR failed to open hook library " + broken));
        assertTrue(set.text(), set.text().contains("org.kea4j.hooks") && set.text().contains("9.0.0"));
        Answer test = commands.execute("config-test", bad);
        assertEquals(Answer.ERROR, test.result());
        assertTrue(test.text(), test.text().contains("HOOKS_OPEN_ERROR"));

        Files.writeString(file, configJson(good.toString(), broken.toString()).replace('\'', '"'));
        Answer reload = commands.execute("config-reload", null);
        assertEquals(Answer.ERROR, reload.result());
        assertTrue(reload.text(), reload.text().contains("HOOKS_OPEN_ERROR"));
        ConfigResult signal = config.reload(ConfigTrigger.SIGNAL);
        assertFalse(signal.success());

        assertEquals("the running configuration keeps serving", List.of("runningGood"), call());
        assertEquals(1, TestBundles.count("runningGood", "loads") - TestBundles.count("runningGood", "unloads"));
        assertEquals(LibraryInfo.State.LOADED, library("runningGood").state());
    }

    @Test
    public void libreloadReadsAReplacedJarAgain() throws Exception {
        Path jar = TestBundles.hookBundle(work.resolve("replaced.jar"), "beforeReplace");
        configure(jar.toString());
        assertEquals(List.of("beforeReplace"), call());
        TestBundles.hookBundle(jar, "afterReplace");
        Answer answer = commands.execute("libreload", null);
        assertEquals(answer.text(), Answer.SUCCESS, answer.result());
        assertEquals(List.of("afterReplace"), call());
        assertEquals(1, TestBundles.count("beforeReplace", "unloads"));
        assertEquals(1, TestBundles.count("afterReplace", "loads"));
    }

    @Test
    public void libreloadLoadsFreshInstancesAndKeepsStatistics() throws Exception {
        configure(jar("reloaded").toString());
        call();
        call();
        assertEquals(Answer.SUCCESS, commands.execute("libreload", null).result());
        assertEquals(1, TestBundles.count("reloaded", "unloads"));
        assertEquals(2, TestBundles.count("reloaded", "loads"));
        assertEquals(List.of("reloaded"), call());
        JsonNode callout = listed("reloaded").get("callouts").get(0);
        assertEquals("itest_hook", callout.get("hook").asText());
        assertEquals(3, callout.get("calls").asInt());
        assertTrue(callout.get("max-ns").asLong() > 0);
    }

    @Test
    public void aLibraryNamedBySymbolicNameIsUnloadedWhenItsBundleStopsAndLoadsWhenItStarts() throws Exception {
        Path jar = jar("bySymbolicName");
        Bundle bundle = context.installBundle(jar.toUri().toString());
        try {
            configure(bundle.getSymbolicName());
            assertEquals(List.of("bySymbolicName"), call());
            bundle.stop();
            assertEquals(1, TestBundles.count("bySymbolicName", "unloads"));
            assertEquals(List.of(), call());
            assertEquals(LibraryInfo.State.WAITING, library(bundle.getSymbolicName()).state());
            assertTrue(read(log).contains("HOOKS_LIBRARY_UNLOADED hooks library " + bundle.getSymbolicName()));
            bundle.start();
            assertTrue(await(() -> call().equals(List.of("bySymbolicName")), 5000));
        } finally {
            configure();
            bundle.uninstall();
        }
    }

    @Test
    public void aJarDroppedIntoTheHooksFolderLoadsAfterTheListedOnesAndLeavesWhenRemoved() throws Exception {
        configure(jar("listedFirst").toString());
        Path dropped = KeaOptions.hooksDir().resolve("dropped.jar");
        TestBundles.hookBundle(dropped, "hotDropped");
        assertTrue("hot-deployed library loaded",
                await(() -> call().equals(List.of("listedFirst", "hotDropped")), 15000));
        assertEquals("hooks-folder", listed("dropped.jar").get("origin").asText());
        Files.delete(dropped);
        assertTrue("hot-deployed library unloaded", await(() -> call().equals(List.of("listedFirst")), 15000));
        // the old library's unload() runs after the swap, beside the packet path: a bounded wait, as for a replaced jar
        assertTrue("unloaded once", await(() -> TestBundles.count("hotDropped", "unloads") == 1, 5000));
    }

    /** Two threads call the hook point while the jar is replaced: every call sees the old or the new one. */
    @Test
    public void aJarReplacedInTheHooksFolderIsSwappedInOneStep() throws Exception {
        Path dropped = KeaOptions.hooksDir().resolve("swapped.jar");
        TestBundles.hookBundle(dropped, "swapOld");
        assertTrue(await(() -> call().equals(List.of("swapOld")), 15000));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        List<List<String>> wrong = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    List<String> trace = call();
                    calls.incrementAndGet();
                    if (!trace.equals(List.of("swapOld")) && !trace.equals(List.of("swapNew"))) {
                        wrong.add(trace);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        TestBundles.hookBundle(dropped, "swapNew");
        boolean swapped = await(() -> call().equals(List.of("swapNew")), 15000);
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(swapped);
        assertEquals("calls that saw no library or both", List.of(), wrong);
        assertTrue(calls.get() > 100);
        assertEquals("one load of the old version", 1, TestBundles.count("swapOld", "loads"));
        assertTrue(await(() -> TestBundles.count("swapOld", "unloads") == 1, 5000));
        assertEquals("one load of the new version", 1, TestBundles.count("swapNew", "loads"));
        Files.delete(dropped);
    }

    @Test
    public void jarsThatCannotBeLoadedAreRefusedWithTheirReasonInTheLogAndTheListing() throws Exception {
        Path listed = jar("listedOriginal");
        configure(listed.toString());
        Path unresolvable = TestBundles.unresolvable(KeaOptions.hooksDir().resolve("unresolvable.jar"), "unresolvableDrop");
        Path plain = TestBundles.notABundle(KeaOptions.hooksDir().resolve("plain.jar"));
        Path copy = KeaOptions.hooksDir().resolve("copy-of-listed.jar");
        Files.copy(listed, copy);
        assertTrue(await(() -> read(log).contains("HOOKS_OPEN_ERROR failed to open hook library " + copy), 15000));
        assertTrue(await(() -> read(log).contains("HOOKS_OPEN_ERROR failed to open hook library " + unresolvable), 15000));
        assertTrue(await(() -> read(log).contains("HOOKS_OPEN_ERROR failed to open hook library " + plain), 15000));
        String lines = read(log);
        assertTrue(lines, lines.contains(plain + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName)"));
        assertTrue(lines, lines.contains(copy + ": duplicate of library 1 (" + listed
                + "): the same bundle org.kea4j.itest.hook.listedOriginal"));
        assertTrue(lines, lines.contains("missing requirement"));

        JsonNode refused = listed("unresolvable.jar");
        assertNotNull(refused);
        assertEquals("refused", refused.get("state").asText());
        assertTrue(refused.toString(), refused.get("reason").asText().contains("osgi.wiring.package=org.kea4j.hooks"));
        assertEquals("refused", listed("plain.jar").get("state").asText());
        assertEquals("refused", listed("copy-of-listed.jar").get("state").asText());
        assertEquals("the listed library was not touched", 1, TestBundles.count("listedOriginal", "loads"));
        assertEquals(List.of("listedOriginal"), call());
        for (Bundle b : context.getBundles()) {
            assertFalse("no refused copy is left installed: " + b.getLocation(),
                    b.getSymbolicName() != null && b.getSymbolicName().endsWith("unresolvableDrop"));
        }
        String table = shell("kea:hooks");
        assertTrue(table, table.contains("REFUSED  " + plain) && table.contains("not an OSGi bundle"));
        assertTrue(table, table.contains("REFUSED  " + unresolvable) && table.contains("missing requirement"));
        assertTrue(table, table.contains("REFUSED  " + copy) && table.contains("duplicate of library 1"));
        assertTrue(table, table.contains("LOADED   " + listed));
        Files.delete(unresolvable);
        Files.delete(plain);
        Files.delete(copy);
        assertTrue(await(() -> listed("plain.jar") == null && listed("unresolvable.jar") == null, 15000));
    }

    @Test
    public void aBundleWithCalloutsButNoLibraryIsRefusedForLackOfVersion() throws Exception {
        configure();
        Path dropped = KeaOptions.hooksDir().resolve("noversion.jar");
        TestBundles.hookBundle(dropped, "noVersion", "callout-only", 1);
        assertTrue(await(() -> read(log).contains("HOOKS_NO_VERSION no 'version' function found in hook library "
                + dropped), 15000));
        assertEquals(List.of(), call());
        assertEquals("refused", listed("noversion.jar").get("state").asText());
        Files.delete(dropped);
    }

    @Test
    public void theListingShowsBundlesVersionsParametersAndNamedCallouts() throws Exception {
        Path jar = TestBundles.hookBundle(work.resolve("listedMarker.jar"), "listedMarker", "marker",
                HookLibrary.FRAMEWORK_VERSION, Map.of("Bundle-Version", "2.5.1"));
        apply(config, "{'Dhcp4': {'hooks-libraries': [{'library': '" + jar + "', 'parameters': {'colour': 'blue'}}]}}");
        JsonNode lib = listed("listedMarker.jar");
        assertEquals(1, lib.get("index").asInt());
        assertEquals("loaded", lib.get("state").asText());
        assertEquals("hooks-libraries", lib.get("origin").asText());
        assertEquals("org.kea4j.itest.hook.listedMarker", lib.get("bundle").asText());
        assertEquals("2.5.1", lib.get("bundle-version").asText());
        assertEquals(1, lib.get("framework-version").asInt());
        assertEquals("blue", lib.get("parameters").get("colour").asText());
        assertEquals("pkt4_send", lib.get("callouts").get(0).get("hook").asText());
        assertEquals("mark-reply", lib.get("callouts").get(0).get("callout").asText());
    }

    @Test
    public void commandProcessedSeesEveryCommandAndMayReplaceItsAnswer() throws Exception {
        configure();
        assertEquals(Answer.SUCCESS, commands.execute("version-get", null).result());
        Path jar = TestBundles.hookBundle(work.resolve("commands.jar"), "commands", "command-rewriter",
                HookLibrary.FRAMEWORK_VERSION);
        configure(jar.toString());
        Answer answer = commands.execute("version-get", null);
        assertEquals("rewritten by commands: version-get", answer.text());
        assertEquals(Answer.SUCCESS, commands.execute("list-commands", null).result());
    }

    @Test
    public void anOutsideBundleCannotWireToTheEngine() throws Exception {
        Path jar = TestBundles.hookBundle(work.resolve("engine-user.jar"), "engineUser", "normal",
                HookLibrary.FRAMEWORK_VERSION, Map.of("Import-Package",
                        "org.kea4j.dhcpsrv.alloc,org.kea4j.hooks;version=\"[1.1,2)\",org.osgi.framework"));
        Bundle bundle = context.installBundle(jar.toUri().toString());
        try {
            bundle.start();
            throw new AssertionError("a bundle importing an engine package without kea4j=engine resolved");
        } catch (BundleException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("org.kea4j.dhcpsrv.alloc"));
        } finally {
            bundle.uninstall();
        }
    }

    /**
     * The usercheck jar as an operator lists it by path, with parameters: the listing and {@code kea:hooks} show
     * its named callouts with their counts, and {@code libreload} takes a rebuilt jar written over the listed one.
     */
    @Test
    public void usercheckListedByPathIsShownWithItsCalloutsAndLibreloadTakesItsRebuiltJar() throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("kea4j.usercheck.jar")), work.resolve("usercheck.jar"));
        Path registry = Files.writeString(work.resolve("registry.txt"),
                "{\"type\": \"HW_ADDR\", \"id\": \"02:00:00:00:00:01\"}\n");
        Path outcome = work.resolve("outcome.txt");
        apply(config, "{'Dhcp4': {'hooks-libraries': [{'library': '" + jar + "', 'parameters': {'registry-file': '"
                + registry + "', 'outcome-file': '" + outcome + "'}}]}}");
        Pkt4 query = new Pkt4(Pkt4.DHCPDISCOVER, 7);
        query.setHWAddr(1, new byte[] {2, 0, 0, 0, 0, 1});
        Hook received = hooks.hook(Dhcp4Hooks.PKT4_RECEIVE);
        for (int i = 0; i < 3; i++) {
            try (CalloutSession session = hooks.openSession()) {
                session.begin(received).with(Dhcp4Hooks.QUERY4, query).call();
            }
        }

        JsonNode lib = listed("usercheck.jar");
        assertEquals("loaded", lib.get("state").asText());
        assertEquals("org.kea4j.usercheck", lib.get("bundle").asText());
        assertEquals(registry.toString(), lib.get("parameters").get("registry-file").asText());
        Map<String, Long> calls = new java.util.TreeMap<>();
        for (JsonNode c : lib.get("callouts")) {
            calls.put(c.get("hook").asText() + " " + c.get("callout").asText(), c.get("calls").asLong());
        }
        assertEquals(Map.of("pkt4_receive look-up-user", 3L, "subnet4_select restrict-unregistered", 0L,
                "pkt4_send record-outcome", 0L, "pkt6_receive look-up-user", 0L,
                "subnet6_select restrict-unregistered", 0L, "pkt6_send record-outcome", 0L), calls);
        String table = shell("kea:hooks");
        assertTrue(table, table.contains("bundle org.kea4j.usercheck " + lib.get("bundle-version").asText()));
        assertTrue(table, table.matches("(?s).*pkt4_receive +look-up-user +calls=3 errors=0 .*"));
        assertTrue(table, table.matches("(?s).*subnet4_select +restrict-unregistered +calls=0 errors=0 .*"));
        assertTrue(table, table.contains("pkt4_receive:  1/look-up-user"));

        TestBundles.rebuilt(Path.of(System.getProperty("kea4j.usercheck.jar")), jar, "0.1.99");
        Answer answer = commands.execute("libreload", null);
        assertEquals(answer.text(), Answer.SUCCESS, answer.result());
        assertEquals("0.1.99", listed("usercheck.jar").get("bundle-version").asText());
    }

    /** Four threads call a hook point while libreload runs 50 times: always a whole set, no exception, no call lost. */
    @Test
    public void concurrentCallsSeeWholeCalloutSetsDuringLibreload() throws Exception {
        configure(jar("concA").toString(), jar("concB").toString());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong broken = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        List<String> trace = call();
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
        for (int i = 0; i < 20; i++) {
            assertEquals(Answer.SUCCESS, commands.execute("libreload", null).result());
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
            assertFalse(t.isAlive());
        }
        assertEquals(List.of(), errors);
        assertEquals("calls that saw a partial callout set", 0, broken.get());
        assertTrue(calls.get() > 20);
        assertEquals(21, TestBundles.count("concA", "loads"));
    }
}
