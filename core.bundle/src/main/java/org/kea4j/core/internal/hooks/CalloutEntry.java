package org.kea4j.core.internal.hooks;

import java.util.concurrent.atomic.LongAdder;
import org.kea4j.hooks.Callout;

/** A callout on a hook point, with the library that registered it and its statistics. */
final class CalloutEntry {

    final Library library;
    final Callout callout;
    final LongAdder calls = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder nanos = new LongAdder();

    CalloutEntry(Library library, Callout callout) {
        this.library = library;
        this.callout = callout;
    }

    /** What Kea calls the callout's address: here the implementing class. */
    String describe() {
        return callout.getClass().getName();
    }
}
