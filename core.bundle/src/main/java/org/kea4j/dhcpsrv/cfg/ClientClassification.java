package org.kea4j.dhcpsrv.cfg;

import java.util.function.Function;
import org.kea4j.dhcp.Pkt;

/**
 * Kea's order of classification, shared by both servers: the tests that do not read {@code KNOWN} /
 * {@code UNKNOWN} when the packet arrives, in configuration order; after the host reservation lookup the
 * packet joins {@code KNOWN} or {@code UNKNOWN} and the remaining tests are evaluated.
 */
public final class ClientClassification {

    private ClientClassification() {
    }

    /** Evaluates the tests that do not depend on the reservation lookup. */
    public static <T> void onReceive(Pkt packet, Iterable<T> classes, Function<T, String> name,
            Function<T, ClassExpression> test) {
        evaluate(packet, classes, name, test, false);
    }

    /**
     * Once per packet, after its host reservation lookup: joins {@code KNOWN} (a reservation was found) or
     * {@code UNKNOWN}, then evaluates the tests that read them.
     */
    public static <T> void afterHostLookup(Pkt packet, boolean known, Iterable<T> classes, Function<T, String> name,
            Function<T, ClassExpression> test) {
        if (packet.inClass("KNOWN") || packet.inClass("UNKNOWN")) {
            return;
        }
        packet.addClass(known ? "KNOWN" : "UNKNOWN");
        evaluate(packet, classes, name, test, true);
    }

    private static <T> void evaluate(Pkt packet, Iterable<T> classes, Function<T, String> name,
            Function<T, ClassExpression> test, boolean dependingOnKnown) {
        for (T c : classes) {
            ClassExpression t = test.apply(c);
            if (t != null && t.dependsOnKnown() == dependingOnKnown && t.matches(packet)) {
                packet.addClass(name.apply(c));
            }
        }
    }
}
