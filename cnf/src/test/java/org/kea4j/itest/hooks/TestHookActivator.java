package org.kea4j.itest.hooks;

import java.util.List;
import org.kea4j.control.Answer;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.ServerHooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NoSuchCalloutContextException;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the hook bundles the tests build at run time. Its manifest headers say what it does:
 * {@code Test-Hook-Tag} names it in traces, {@code Test-Hook-Version} is what {@code version()} returns,
 * {@code Test-Hook-Behaviour} is {@code normal}, {@code throw}, {@code skip}, {@code callout-only} (a
 * callout service and no library), {@code dhcp4-recorder} (writes each DHCPv4 and DHCPv6 hook point it passes, with
 * its argument names, to the file of the {@code file} parameter, and sets skip on the hook point its
 * {@code skip} parameter names) or {@code marker} (adds option 224 carrying its tag to every DHCPv4 reply, in
 * a callout named {@code mark-reply}) or {@code command-rewriter} (replaces the answer of {@code version-get}
 * at {@code command_processed}) or {@code quiet} (a callout on {@code pkt4_receive} that does nothing) or
 * {@code slow} (a callout on {@code pkt4_receive} that sleeps {@code Test-Hook-Callout-Millis} for clients whose
 * hardware address ends in {@code ee}) or {@code looping} (a callout on {@code pkt4_receive} that never returns,
 * spinning on a core, for clients whose hardware address ends in {@code ee});
 * {@code Test-Hook-Load-Millis} makes load() sleep that long. Loads and
 * unloads are counted in system properties {@code itest.TAG.loads} and {@code itest.TAG.unloads}.
 */
public class TestHookActivator implements BundleActivator {

    /** What the looping callout counts, so that its loop has an effect. */
    static volatile long spins;

    /** The option a {@code marker} library adds to every DHCPv4 reply (site-specific code 224, its tag as text). */
    public static final int MARK_OPTION = 224;

    @Override
    public void start(BundleContext context) {
        String tag = context.getBundle().getHeaders().get("Test-Hook-Tag");
        String behaviour = context.getBundle().getHeaders().get("Test-Hook-Behaviour");
        int version = Integer.parseInt(context.getBundle().getHeaders().get("Test-Hook-Version"));
        if ("callout-only".equals(behaviour)) {
            java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
            props.put(Callout.HOOK_PROPERTY, "itest_hook");
            context.registerService(Callout.class, trace(tag), props);
            return;
        }
        String sleep = context.getBundle().getHeaders().get("Test-Hook-Load-Millis");
        String calloutSleep = context.getBundle().getHeaders().get("Test-Hook-Callout-Millis");
        context.registerService(HookLibrary.class, new Library(tag, behaviour, version,
                sleep == null ? 0 : Long.parseLong(sleep), calloutSleep == null ? 0 : Long.parseLong(calloutSleep)),
                null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    static Callout trace(String tag) {
        return handle -> {
            List<String> trace = handle.getArgument("trace");
            trace.add(tag);
            return 0;
        };
    }

    static void count(String tag, String what) {
        String key = "itest." + tag + "." + what;
        System.setProperty(key, Integer.toString(Integer.getInteger(key, 0) + 1));
    }

    /** The library the bundle offers. */
    static final class Library implements HookLibrary {
        private final String tag;
        private final String behaviour;
        private final long calloutMillis;
        private final int version;
        private final long loadMillis;

        Library(String tag, String behaviour, int version, long loadMillis, long calloutMillis) {
            this.calloutMillis = calloutMillis;
            this.tag = tag;
            this.behaviour = behaviour;
            this.version = version;
            this.loadMillis = loadMillis;
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public int load(LibraryHandle handle) throws InterruptedException {
            Thread.sleep(loadMillis);
            count(tag, "loads");
            if ("dhcp4-recorder".equals(behaviour)) {
                return recordDhcp4(handle);
            }
            if ("slow".equals(behaviour)) {
                // holds the packets of clients whose hardware address ends in ee for calloutMillis
                handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, "slow-for-ee", h -> {
                    byte[] hw = h.get(Dhcp4Hooks.QUERY4).hwaddrBytes();
                    if (hw.length > 0 && hw[hw.length - 1] == (byte) 0xee) {
                        Thread.sleep(calloutMillis);
                    }
                    return 0;
                });
                return 0;
            }
            if ("looping".equals(behaviour)) {
                handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, "loop-for-ee", h -> {
                    byte[] hw = h.get(Dhcp4Hooks.QUERY4).hwaddrBytes();
                    if (hw.length > 0 && hw[hw.length - 1] == (byte) 0xee) {
                        for (;;) {
                            spins++; // never returns, and takes no notice of interrupts
                        }
                    }
                    return 0;
                });
                return 0;
            }
            if ("quiet".equals(behaviour)) {
                handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, "quiet", h -> 0);
                return 0;
            }
            if ("command-rewriter".equals(behaviour)) {
                handle.registerCallout(ServerHooks.COMMAND_PROCESSED, "rewrite-version-get", h -> {
                    String command = h.get(ServerHooks.COMMAND_NAME);
                    if (command.equals("version-get")) {
                        h.set(ServerHooks.COMMAND_RESPONSE, Answer.success("rewritten by " + tag + ": " + command));
                    }
                    return 0;
                });
                return 0;
            }
            if ("marker".equals(behaviour)) {
                handle.registerCallout(Dhcp4Hooks.PKT4_SEND, "mark-reply", h -> {
                    Pkt4 response = h.get(Dhcp4Hooks.RESPONSE4);
                    response.delOption(MARK_OPTION);
                    response.addOption(Option.text(MARK_OPTION, tag));
                    return 0;
                });
                return 0;
            }
            handle.registerCallout("itest_hook", h -> {
                List<String> trace = h.getArgument("trace");
                trace.add(tag);
                h.setContext("mine", tag + "-context");
                if ("throw".equals(behaviour)) {
                    throw new IllegalStateException("callout of " + tag + " fails on purpose");
                }
                if ("skip".equals(behaviour)) {
                    h.setArgument("value", h.getArgument("value", String.class) + "+" + tag);
                    h.setSkip(true);
                }
                return 0;
            });
            handle.registerCallout("itest_second", h -> {
                List<String> trace = h.getArgument("trace");
                String seen;
                try {
                    seen = h.getContext("mine");
                } catch (NoSuchCalloutContextException e) {
                    seen = "none";
                }
                trace.add(tag + "=" + seen);
                return 0;
            });
            return 0;
        }

        @Override
        public int unload() {
            count(tag, "unloads");
            return 0;
        }
    
        private static final String[] DHCP4_HOOKS = {"buffer4_receive", "pkt4_receive", "subnet4_select",
            "lease4_select", "lease4_renew", "lease4_release", "lease4_decline", "pkt4_send", "buffer4_send",
            "buffer6_receive", "pkt6_receive", "subnet6_select", "lease6_select", "lease6_renew", "lease6_rebind",
            "lease6_release", "lease6_decline", "pkt6_send", "buffer6_send"};

        private static int recordDhcp4(LibraryHandle handle) {
            java.nio.file.Path file = java.nio.file.Path.of((String) handle.getParameter("file"));
            Object skip = handle.getParameter("skip");
            for (String hook : DHCP4_HOOKS) {
                handle.registerCallout(hook, h -> {
                    String line = hook + " " + new java.util.TreeSet<>(h.getArgumentNames()) + "\n";
                    synchronized (Library.class) {
                        try {
                            java.nio.file.Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            return 1;
                        }
                    }
                    if (hook.equals(skip)) {
                        h.setSkip(true);
                    }
                    return 0;
                });
            }
            return 0;
        }
    }
}
