package org.kea4j.core.internal.hooks;

import java.util.concurrent.atomic.LongAdder;

/**
 * An immutable snapshot of every hook point's callouts, in call order. A session reads one table from its
 * opening to its closing; a library change publishes a new table in one write. The sessions of a table
 * that has callouts are counted, so that the libraries it leaves can be unloaded once its last packet is done.
 */
final class CalloutTable {

    private static final CalloutEntry[] NONE = new CalloutEntry[0];
    static final CalloutTable EMPTY = new CalloutTable(new CalloutEntry[0][]);

    private final CalloutEntry[][] chains;
    private final boolean empty;
    /** Sessions open on this table (counted only when it has callouts). */
    final LongAdder active = new LongAdder();

    CalloutTable(CalloutEntry[][] chains) {
        this.chains = chains;
        boolean none = true;
        for (CalloutEntry[] chain : chains) {
            none &= chain == null || chain.length == 0;
        }
        this.empty = none;
    }

    /** The callouts of a hook point. */
    CalloutEntry[] chain(int index) {
        CalloutEntry[] chain = index < chains.length ? chains[index] : null;
        return chain == null ? NONE : chain;
    }

    /** Whether no hook point has a callout: such a table needs no counting. */
    boolean empty() {
        return empty;
    }
}
