package org.kea4j.stats;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The statistics of the process (core registers one as the {@link Statistics} service; a test may make its own);
 * each keeps Kea's default of 20 samples.
 */
@Component(service = Statistics.class)
public final class StatisticsRegistry implements Statistics {

    /** Samples kept per statistic (Kea's {@code statistic-default-sample-count}). */
    static final int SAMPLES = 20;

    private final Map<String, Observation> observations = new ConcurrentHashMap<>();

    /** One statistic: its samples, the newest first (none until its first value). */
    private static final class Observation {
        private final Deque<Sample> samples = new ArrayDeque<>();
        private long value;

        synchronized void record(long newValue) {
            value = newValue;
            samples.addFirst(new Sample(newValue, LocalDateTime.now()));
            while (samples.size() > SAMPLES) {
                samples.removeLast();
            }
        }

        /** Back to 0 with that one sample, as Kea resets. */
        synchronized void reset() {
            samples.clear();
            record(0);
        }

        synchronized void add(long delta) {
            record(value + delta);
        }

        synchronized long value() {
            return value;
        }

        synchronized List<Sample> samples() {
            return new ArrayList<>(samples);
        }
    }

    private Observation of(String name) {
        return observations.computeIfAbsent(name, n -> new Observation());
    }

    @Override
    public void add(String name, long delta) {
        of(name).add(delta);
    }

    @Override
    public void set(String name, long value) {
        of(name).record(value);
    }

    @Override
    public long value(String name) {
        Observation o = observations.get(name);
        return o == null ? 0 : o.value();
    }

    @Override
    public boolean exists(String name) {
        return observations.containsKey(name);
    }

    @Override
    public boolean reset(String name) {
        Observation o = observations.get(name);
        if (o == null) {
            return false;
        }
        o.reset();
        return true;
    }

    @Override
    public boolean remove(String name) {
        return observations.remove(name) != null;
    }

    @Override
    public void removeStartingWith(String prefix) {
        observations.keySet().removeIf(n -> n.startsWith(prefix));
    }

    @Override
    public void resetAll() {
        observations.values().forEach(Observation::reset);
    }

    @Override
    public void removeAll() {
        observations.clear();
    }

    @Override
    public List<Sample> samples(String name) {
        Observation o = observations.get(name);
        return o == null ? List.of() : o.samples();
    }

    @Override
    public Map<String, List<Sample>> all() {
        Map<String, List<Sample>> out = new TreeMap<>();
        observations.forEach((name, o) -> out.put(name, o.samples()));
        return out;
    }
}
