package org.kea4j.core.internal.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kea4j.config.HooksLibraryConfig;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPoint;
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
    private HookPoint point;
    private CalloutSession session;

    @Setup(Level.Trial)
    public void setUp() {
        hooks = new HooksManagerImpl();
        List<HooksLibraryConfig> libs = new ArrayList<>();
        for (int i = 0; i < callouts; i++) {
            libs.add(new HooksLibraryConfig("bench." + i, Map.of()));
        }
        hooks.configure(libs);
        for (int i = 0; i < callouts; i++) {
            hooks.libraryAdded(new LibrarySource(i + 1, "bench." + i, null), new HookLibrary() {
                @Override
                public int version() {
                    return FRAMEWORK_VERSION;
                }

                @Override
                public int load(LibraryHandle handle) {
                    handle.registerCallout("pkt4_receive", h -> 0);
                    return 0;
                }
            });
        }
        point = hooks.hookPoint("pkt4_receive");
        session = hooks.openSession();
        session.setArgument("query4", "packet");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    /** One hook point call, as the pipeline does it: check, then call. */
    @Benchmark
    public boolean call() {
        if (point.hasCallouts()) {
            point.call(session);
        }
        return session.getSkip();
    }

    /** A packet's whole hooks overhead for one hook point: open the session, call, close. */
    @Benchmark
    public boolean sessionAndCall() {
        try (CalloutSession s = hooks.openSession()) {
            if (point.hasCallouts()) {
                s.setArgument("query4", "packet");
                point.call(s);
            }
            return s.getSkip();
        }
    }
}
