package org.kea4j.stats;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Named integer statistics (a service of core), as Kea's statistics manager keeps them: each change records a
 * sample (value and local time), the newest first, up to a set count.
 */
public interface Statistics {

    /** Adds {@code delta} to a statistic, creating it at 0 first. */
    void add(String name, long delta);

    /** Sets a statistic, creating it. */
    void set(String name, long value);

    /** The value of a statistic; 0 when there is none. */
    long value(String name);

    /** Whether a statistic exists. */
    boolean exists(String name);

    /** Sets a statistic back to 0; false when there is none. */
    boolean reset(String name);

    /** Removes a statistic; false when there was none. */
    boolean remove(String name);

    /** Removes every statistic whose name starts with {@code prefix}. */
    void removeStartingWith(String prefix);

    /** Sets every statistic back to 0. */
    void resetAll();

    /** Removes every statistic. */
    void removeAll();

    /** The samples of one statistic, the newest first; empty when there is none. */
    List<Sample> samples(String name);

    /** Every statistic's samples, by name (sorted). */
    Map<String, List<Sample>> all();

    /** One recorded value. */
    record Sample(long value, LocalDateTime time) {
    }
}
