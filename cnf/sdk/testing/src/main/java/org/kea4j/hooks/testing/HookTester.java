package org.kea4j.hooks.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.kea4j.core.internal.hooks.HooksManagerImpl;
import org.kea4j.core.internal.hooks.InMemoryLibraries;
import org.kea4j.core.internal.hooks.LibraryRefusedException;
import org.kea4j.core.internal.hooks.LibrarySpec;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.HookPointInfo;
import org.kea4j.hooks.host.LibraryInfo;

/**
 * Runs a hooks library's callouts as kea4j's servers do, without a server: for an author's unit tests. The
 * library is loaded by kea4j's own hooks framework (version check, {@code load()} with its parameters), and a
 * hook point is called with the arguments its declaration names:
 *
 * <pre>{@code
 * try (HookTester tester = HookTester.load(MyHook::new, Map.of("domain", "example.org"))) {
 *     HookTester.Outcome out = tester.call(Dhcp4Hooks.PKT4_SEND)
 *             .with(Dhcp4Hooks.RESPONSE4, response).with(Dhcp4Hooks.QUERY4, query).run();
 *     assertEquals(NextStep.CONTINUE, out.status());
 * }
 * }</pre>
 *
 * <p>Each {@link #call} is a packet of its own; {@link #packet()} gives several calls one packet, so that the
 * library's per-packet context carries from one hook point to the next.
 */
public final class HookTester implements AutoCloseable {

    private static final String NAME = "library-under-test";

    private final HooksManagerImpl hooks;

    private HookTester(HooksManagerImpl hooks) {
        this.hooks = hooks;
    }

    /**
     * Loads a library; each load (and each {@link #reload()}) gets a new object from the supplier, as each
     * load of a bundle in kea4j gets a fresh one.
     *
     * @throws IllegalStateException when the library does not load, with kea4j's log line saying why
     */
    public static HookTester load(Supplier<? extends HookLibrary> library, Map<String, Object> parameters) {
        Objects.requireNonNull(library, "library");
        HooksManagerImpl hooks = new HooksManagerImpl(new InMemoryLibraries().add(NAME, library), Runnable::run);
        try {
            hooks.configure(List.of(new LibrarySpec(NAME, parameters)));
        } catch (LibraryRefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new HookTester(hooks);
    }

    /** Loads a library without parameters. */
    public static HookTester load(Supplier<? extends HookLibrary> library) {
        return load(library, Map.of());
    }

    /** Unloads and loads the library again ({@code libreload}). */
    public void reload() {
        String problem = hooks.reloadLibraries();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Prepares a call of a hook point in a packet of its own. */
    public Call call(HookPoint point) {
        return new Call(hooks.openSession(), hooks, point, true);
    }

    /** Starts a packet: calls made through it share one callout handle. */
    public Packet packet() {
        return new Packet(hooks.openSession(), hooks);
    }

    /** The names of the callouts the library registered on a hook point, in call order. */
    public List<String> callouts(HookPoint point) {
        List<String> names = new ArrayList<>();
        for (HookPointInfo info : hooks.hookPoints()) {
            if (info.name().equals(point.name())) {
                info.callouts().forEach(e -> names.add(e.callout().name()));
            }
        }
        return names;
    }

    /** The library's callouts with their statistics, as {@code hooks-list} shows them. */
    public List<Counts> statistics() {
        List<Counts> counts = new ArrayList<>();
        for (LibraryInfo.CalloutInfo c : hooks.libraries().get(0).callouts()) {
            counts.add(new Counts(c.hook(), c.name(), c.calls(), c.errors()));
        }
        return counts;
    }

    /**
     * How often a callout ran.
     *
     * @param hook    the hook point
     * @param callout the callout's name
     * @param calls   how often it was called
     * @param errors  how often it returned an error or threw
     */
    public record Counts(String hook, String callout, long calls, long errors) {
    }

    /** Unloads the library. */
    @Override
    public void close() {
        hooks.close();
    }

    /** One packet: several hook points called with one callout handle. */
    public static final class Packet implements AutoCloseable {
        private final CalloutSession session;
        private final HooksManagerImpl hooks;

        private Packet(CalloutSession session, HooksManagerImpl hooks) {
            this.session = session;
            this.hooks = hooks;
        }

        /** Prepares a call of a hook point in this packet. */
        public Call call(HookPoint point) {
            return new Call(session, hooks, point, false);
        }

        /** Ends the packet ({@code context_destroy}). */
        @Override
        public void close() {
            session.close();
        }
    }

    /** A call being prepared: the arguments the hook point's declaration names; end it with {@link #run()}. */
    public static final class Call {
        private final CalloutSession session;
        private final boolean ownPacket;

        private Call(CalloutSession session, HooksManagerImpl hooks, HookPoint point, boolean ownPacket) {
            this.session = session;
            this.ownPacket = ownPacket;
            session.begin(hooks.hook(point));
        }

        /**
         * Gives an argument.
         *
         * @throws IllegalArgumentException when the hook point declares no such argument
         */
        public <T> Call with(Argument<T> argument, T value) {
            try {
                session.with(argument, value);
            } catch (RuntimeException e) {
                if (ownPacket) {
                    session.close();
                }
                throw e;
            }
            return this;
        }

        /** Runs the library's callouts on the hook point and returns what they left. */
        public Outcome run() {
            try {
                NextStep status = session.call();
                Map<String, Object> arguments = new java.util.HashMap<>();
                for (String name : session.getArgumentNames()) {
                    arguments.put(name, session.getArgument(name));
                }
                return new Outcome(status, session.getStatus(), arguments);
            } finally {
                if (ownPacket) {
                    session.close();
                }
            }
        }
    }

    /** What the callouts left: the status the server obeys, and the arguments as they are after the call. */
    public static final class Outcome {
        private final NextStep status;
        private final NextStep statusSet;
        private final Map<String, Object> arguments;

        private Outcome(NextStep status, NextStep statusSet, Map<String, Object> arguments) {
            this.status = status;
            this.statusSet = statusSet;
            this.arguments = arguments;
        }

        /** The status the server obeys: one the hook point gives a meaning, otherwise CONTINUE. */
        public NextStep status() {
            return status;
        }

        /** The status as the callouts set it (a status the hook point does not declare is kept here). */
        public NextStep statusSet() {
            return statusSet;
        }

        /** An argument's value after the call (null when absent). */
        public <T> T get(Argument<T> argument) {
            return argument.cast(arguments.get(argument.name()));
        }

        /** Whether the argument is present after the call. */
        public boolean has(Argument<?> argument) {
            return arguments.containsKey(argument.name());
        }
    }
}
