package org.kea4j.itest;

import java.util.concurrent.Callable;

/** Bounded polling: the tests' only way of waiting for something to happen. */
public final class Poll {

    private Poll() {
    }

    /** Whether {@code condition} holds within {@code millis}, asked every 100 ms and once more at the end. */
    public static boolean until(long millis, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - deadline < 0) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.call();
    }
}
