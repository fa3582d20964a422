package org.kea4j.dhcpsrv.cfg;

import java.util.List;
import java.util.Map;
import org.kea4j.dhcp.Pkt;

/**
 * Kea's order of classification, shared by both servers: when the packet arrives, the tests that do not read
 * {@code KNOWN} / {@code UNKNOWN} and are not {@code only-if-required}, in configuration order; after the host
 * reservation lookup the packet joins {@code KNOWN} or {@code UNKNOWN} and the tests that read them run; once
 * the subnet and lease are known, the classes they require ({@code require-client-classes}).
 */
public final class ClientClassification {

    private ClientClassification() {
    }

    /** Evaluates the tests that do not depend on the reservation lookup. */
    public static void onReceive(Pkt packet, Iterable<? extends ClientClassDefinition> classes) {
        evaluate(packet, classes, false);
    }

    /**
     * Once per packet, after its host reservation lookup: joins {@code KNOWN} (a reservation was found) or
     * {@code UNKNOWN}, then evaluates the tests that read them.
     */
    public static void afterHostLookup(Pkt packet, boolean known, Iterable<? extends ClientClassDefinition> classes) {
        if (packet.inClass("KNOWN") || packet.inClass("UNKNOWN")) {
            return;
        }
        packet.addClass(known ? "KNOWN" : "UNKNOWN");
        evaluate(packet, classes, true);
    }

    /**
     * The classes a shared network, subnet and pool require, in that order: a class without a test is joined,
     * one with a test when it matches; a name no class defines is skipped, as in Kea.
     */
    @SafeVarargs
    public static void required(Pkt packet, Map<String, ? extends ClientClassDefinition> classes,
            List<String>... required) {
        for (List<String> names : required) {
            for (String name : names) {
                ClientClassDefinition c = classes.get(name);
                if (c != null && !packet.inClass(name) && (c.test() == null || c.test().matches(packet))) {
                    packet.addClass(name);
                }
            }
        }
    }

    private static void evaluate(Pkt packet, Iterable<? extends ClientClassDefinition> classes,
            boolean dependingOnKnown) {
        for (ClientClassDefinition c : classes) {
            ClassExpression t = c.test();
            if (t != null && !c.onlyIfRequired() && t.dependsOnKnown() == dependingOnKnown && t.matches(packet)) {
                packet.addClass(c.name());
            }
        }
    }
}
