package org.kea4j.core.internal.hooks;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.kea4j.hooks.host.LibraryInfo;

/** Calls, errors and times of one callout of a library, kept across its reloads. Thread-safe. */
final class CalloutStats {

    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Long::max, 0);

    void record(long elapsed, boolean error) {
        calls.increment();
        nanos.add(elapsed);
        max.accumulate(elapsed);
        if (error) {
            errors.increment();
        }
    }

    LibraryInfo.CalloutInfo info(String hook, String name) {
        long n = calls.sum();
        return new LibraryInfo.CalloutInfo(hook, name, n, errors.sum(), n == 0 ? 0 : nanos.sum() / n, max.get());
    }
}
