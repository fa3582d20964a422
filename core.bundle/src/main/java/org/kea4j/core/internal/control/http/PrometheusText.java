package org.kea4j.core.internal.control.http;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.stats.Statistics;

/**
 * The statistics of the process in the Prometheus text format (version 0.0.4). A Kea statistic becomes a
 * metric named {@code kea4j_} plus its name with underscores; the scopes Kea writes into names become labels:
 * {@code subnet[1].pool[0].assigned-addresses} is {@code kea4j_assigned_addresses{subnet_id="1",pool_id="0"}}.
 * Packet counts, reclaimed leases and allocation failures only grow between resets: they are counters, named
 * with {@code _total}; the rest are gauges. The hooks libraries' callouts (calls, errors, time) and the JVM's
 * memory, collections and threads follow.
 */
final class PrometheusText {

    /** The media type Prometheus expects. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern SCOPE = Pattern.compile("([a-z][a-z-]*)\\[([^\\]]*)\\]\\.");

    private PrometheusText() {
    }

    /** One metric family: its samples by label text. */
    private record Family(String type, String help, Map<String, Long> samples) {
    }

    static String render(Statistics statistics) {
        return render(statistics, List.of(), Map.of());
    }

    /**
     * The statistics, the hooks libraries' callouts (calls, errors, time) and the JVM.
     *
     * @param prefixes the prefix of each subnet id ({@code 192.0.2.0/24}), given as the label {@code subnet}
     */
    static String render(Statistics statistics, List<LibraryInfo> libraries, Map<String, String> prefixes) {
        Map<String, Family> families = new LinkedHashMap<>();
        statistics.all().forEach((name, samples) -> {
            if (samples.isEmpty()) {
                return;
            }
            List<String> labels = new ArrayList<>();
            Matcher m = SCOPE.matcher(name);
            int end = 0;
            while (m.lookingAt()) {
                labels.add(label(m.group(1)) + "=\"" + escape(m.group(2)) + "\"");
                if (m.group(1).equals("subnet") && prefixes.containsKey(m.group(2))) {
                    labels.add("subnet=\"" + escape(prefixes.get(m.group(2))) + "\"");
                }
                end = m.end();
                m.region(end, name.length());
            }
            String base = name.substring(end);
            boolean counter = isCounter(base);
            String metric = "kea4j_" + base.replaceAll("[^A-Za-z0-9_]", "_") + (counter ? "_total" : "");
            Family family = families.computeIfAbsent(metric, k -> new Family(counter ? "counter" : "gauge",
                    "Kea statistic " + base, new LinkedHashMap<>()));
            family.samples().put(labels.isEmpty() ? "" : "{" + String.join(",", labels) + "}", samples.get(0).value());
        });
        StringBuilder out = new StringBuilder(8192);
        families.forEach((metric, family) -> {
            out.append("# HELP ").append(metric).append(' ').append(family.help()).append('\n');
            out.append("# TYPE ").append(metric).append(' ').append(family.type()).append('\n');
            family.samples().forEach((labels, value) -> out.append(metric).append(labels).append(' ').append(value)
                    .append('\n'));
        });
        callouts(out, libraries);
        jvm(out);
        return out.toString();
    }

    /**
     * The prefix of each subnet id in a running configuration ({@code subnet4} and {@code subnet6}, also inside
     * shared networks); an id that both families use is left out, its label would be ambiguous.
     */
    static Map<String, String> subnetPrefixes(com.fasterxml.jackson.databind.JsonNode config) {
        Map<String, String> out = new java.util.HashMap<>();
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (String[] family : new String[][] {{"Dhcp4", "subnet4"}, {"Dhcp6", "subnet6"}}) {
            var server = config.path(family[0]);
            List<com.fasterxml.jackson.databind.JsonNode> subnets = new ArrayList<>();
            server.path(family[1]).forEach(subnets::add);
            server.path("shared-networks").forEach(n -> n.path(family[1]).forEach(subnets::add));
            for (var subnet : subnets) {
                if (subnet.path("id").canConvertToLong() && subnet.path("subnet").isTextual()) {
                    String id = Long.toString(subnet.path("id").asLong());
                    if (out.put(id, subnet.path("subnet").asText().replace(" ", "")) != null
                            && family[0].equals("Dhcp6")) {
                        ambiguous.add(id);
                    }
                }
            }
        }
        ambiguous.forEach(out::remove);
        return out;
    }

    /** A scope's label: {@code subnet_id}, {@code pool_id}, {@code pd_pool_id}; D2's {@code key}, others by name. */
    private static String label(String scope) {
        return switch (scope) {
            case "subnet", "pool", "pd-pool" -> scope.replace('-', '_') + "_id";
            default -> scope.replace('-', '_');
        };
    }

    static boolean isCounter(String statistic) {
        return statistic.startsWith("pkt") || statistic.startsWith("cumulative-") || statistic.contains("reclaimed")
                || statistic.contains("allocation-fail") || statistic.startsWith("update-")
                || statistic.startsWith("ncr-") || statistic.contains("queue-full");
    }

    private static void callouts(StringBuilder out, List<LibraryInfo> libraries) {
        String[][] families = {
            {"kea4j_hook_callout_calls_total", "Calls of a hooks library's callout"},
            {"kea4j_hook_callout_errors_total", "Calls of a callout that failed (threw or set an error status)"},
            {"kea4j_hook_callout_seconds_total", "Time spent in a callout"},
        };
        for (int f = 0; f < families.length; f++) {
            out.append("# HELP ").append(families[f][0]).append(' ').append(families[f][1]).append('\n');
            out.append("# TYPE ").append(families[f][0]).append(" counter\n");
            for (LibraryInfo library : libraries) {
                for (LibraryInfo.CalloutInfo c : library.callouts()) {
                    out.append(families[f][0]).append("{library=\"").append(escape(library.name()))
                            .append("\",hook=\"").append(escape(c.hook())).append("\",callout=\"")
                            .append(escape(c.name())).append("\"} ");
                    switch (f) {
                        case 0 -> out.append(c.calls());
                        case 1 -> out.append(c.errors());
                        default -> out.append(c.calls() * (double) c.meanNanos() / 1e9);
                    }
                    out.append('\n');
                }
            }
        }
    }

    private static void jvm(StringBuilder out) {
        var memory = ManagementFactory.getMemoryMXBean();
        gaugeHeader(out, "kea4j_jvm_memory_used_bytes", "JVM memory in use, by area");
        area(out, "kea4j_jvm_memory_used_bytes", memory.getHeapMemoryUsage(), memory.getNonHeapMemoryUsage(), false);
        gaugeHeader(out, "kea4j_jvm_memory_committed_bytes", "JVM memory committed, by area");
        area(out, "kea4j_jvm_memory_committed_bytes", memory.getHeapMemoryUsage(), memory.getNonHeapMemoryUsage(),
                true);
        out.append("# HELP kea4j_jvm_gc_collections_total Garbage collections, by collector\n")
                .append("# TYPE kea4j_jvm_gc_collections_total counter\n");
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean gc : collectors) {
            out.append("kea4j_jvm_gc_collections_total{gc=\"").append(escape(gc.getName())).append("\"} ")
                    .append(Math.max(0, gc.getCollectionCount())).append('\n');
        }
        out.append("# HELP kea4j_jvm_gc_collection_seconds_total Time spent in garbage collections, by collector\n")
                .append("# TYPE kea4j_jvm_gc_collection_seconds_total counter\n");
        for (GarbageCollectorMXBean gc : collectors) {
            out.append("kea4j_jvm_gc_collection_seconds_total{gc=\"").append(escape(gc.getName())).append("\"} ")
                    .append(Math.max(0, gc.getCollectionTime()) / 1000.0).append('\n');
        }
        gaugeHeader(out, "kea4j_jvm_threads", "Live JVM threads");
        out.append("kea4j_jvm_threads ").append(ManagementFactory.getThreadMXBean().getThreadCount()).append('\n');
        gaugeHeader(out, "kea4j_process_uptime_seconds", "Seconds since the JVM started");
        out.append("kea4j_process_uptime_seconds ").append(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
                .append('\n');
    }

    private static void gaugeHeader(StringBuilder out, String metric, String help) {
        out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(metric).append(" gauge\n");
    }

    private static void area(StringBuilder out, String metric, MemoryUsage heap, MemoryUsage nonHeap,
            boolean committed) {
        out.append(metric).append("{area=\"heap\"} ").append(committed ? heap.getCommitted() : heap.getUsed())
                .append('\n');
        out.append(metric).append("{area=\"nonheap\"} ")
                .append(committed ? nonHeap.getCommitted() : nonHeap.getUsed()).append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
