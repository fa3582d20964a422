package org.kea4j.itest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kea4j's statistics beside Kea 2.2's, as {@code statistic-get-all} answers them. */
final class StatisticsParity {

    private StatisticsParity() {
    }

    /** Each statistic kea4j keeps that Kea 2.2 does not, or counts otherwise; empty when all agree. */
    static List<String> differences(JsonNode kea, JsonNode ours) {
        List<String> found = new ArrayList<>();
        ours.fieldNames().forEachRemaining(name -> {
            if (!kea.has(name)) {
                found.add(name + ": Kea 2.2 has no such statistic");
            } else if (latest(kea, name) != latest(ours, name)) {
                found.add(name + ": Kea 2.2 " + latest(kea, name) + ", kea4j " + latest(ours, name));
            }
        });
        return found;
    }

    /** A statistic's newest value. */
    static long latest(JsonNode all, String name) {
        return all.path(name).path(0).path(0).asLong();
    }
}
