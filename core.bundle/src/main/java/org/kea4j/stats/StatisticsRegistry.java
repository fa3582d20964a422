package org.kea4j.stats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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

    /**
     * One statistic: its last {@value #SAMPLES} samples in a ring (none until its first value). Recording
     * allocates nothing (the packet path counts every packet); samples become {@link Sample}s when read.
     */
    private static final class Observation {
        private final long[] values = new long[SAMPLES];
        /** When each sample was taken: microseconds since the epoch. */
        private final long[] times = new long[SAMPLES];
        /** Where the newest sample is. */
        private int newest = -1;
        private int count;
        private long value;

        synchronized void record(long newValue) {
            value = newValue;
            newest = (newest + 1) % SAMPLES;
            values[newest] = newValue;
            times[newest] = nowMicros();
            count = Math.min(count + 1, SAMPLES);
        }

        /** Back to 0 with that one sample, as Kea resets. */
        synchronized void reset() {
            count = 0;
            record(0);
        }

        synchronized void add(long delta) {
            record(value + delta);
        }

        synchronized long value() {
            return value;
        }

        synchronized List<Sample> samples() {
            List<Sample> out = new ArrayList<>(count);
            ZoneId zone = ZoneId.systemDefault();
            for (int i = 0; i < count; i++) {
                int at = Math.floorMod(newest - i, SAMPLES);
                Instant time = Instant.ofEpochSecond(times[at] / 1_000_000, (times[at] % 1_000_000) * 1_000);
                out.add(new Sample(values[at], LocalDateTime.ofInstant(time, zone)));
            }
            return out;
        }

        private static long nowMicros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
    }

    private Observation of(String name) {
        Observation o = observations.get(name); // the common case, without computeIfAbsent's bin lock
        return o != null ? o : observations.computeIfAbsent(name, n -> new Observation());
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
