package org.kea4j.core.internal.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a hook point costs a packet: nanoseconds per call with 0, 1 and 5 callouts, and for a whole
 * per-packet session (open, one call, close). Run with {@code cnf/bench/jmh.sh HookPoint}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HookPointBenchmark {

    @Param({"0", "1", "5"})
    public int callouts;

    private HooksManagerImpl hooks;
    private Hook point;
    private CalloutSession session;
    private final Pkt4 query = new Pkt4(Pkt4.DHCPDISCOVER, 1);

    @Setup(Level.Trial)
    public void setUp() throws LibraryRefusedException {
        InMemoryLibraries libraries = new InMemoryLibraries();
        hooks = new HooksManagerImpl(libraries, Runnable::run);
        List<LibrarySpec> libs = new ArrayList<>();
        for (int i = 0; i < callouts; i++) {
            libraries.add("bench." + i, () -> new HookLibrary() {
                @Override
                public int version() {
                    return FRAMEWORK_VERSION;
                }

                @Override
                public int load(LibraryHandle handle) {
                    handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, h -> 0);
                    return 0;
                }
            });
            libs.add(new LibrarySpec("bench." + i, Map.of()));
        }
        hooks.configure(libs);
        point = hooks.hook(Dhcp4Hooks.PKT4_RECEIVE);
        session = hooks.openSession();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    /** One hook point call, as the pipeline does it: check, then call. */
    @Benchmark
    public NextStep call() {
        if (session.hasCallouts(point)) {
            return session.begin(point).with(Dhcp4Hooks.QUERY4, query).call();
        }
        return NextStep.CONTINUE;
    }

    /** A packet's whole hooks overhead for one hook point: open the session, call, close. */
    @Benchmark
    public NextStep sessionAndCall() {
        try (CalloutSession s = hooks.openSession()) {
            if (s.hasCallouts(point)) {
                return s.begin(point).with(Dhcp4Hooks.QUERY4, query).call();
            }
            return NextStep.CONTINUE;
        }
    }
}
