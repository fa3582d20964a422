package org.kea4j.core.internal.control.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import org.kea4j.hooks.host.LibraryInfo;
import org.kea4j.stats.StatisticsRegistry;

class PrometheusTextTest {

    @Test
    void scopesBecomeLabelsAndCountersEndInTotal() {
        StatisticsRegistry stats = new StatisticsRegistry();
        stats.add("pkt4-received", 7);
        stats.set("subnet[3].total-addresses", 200);
        stats.set("subnet[3].pool[0].assigned-addresses", 5);
        stats.set("subnet[4].pd-pool[1].assigned-pds", 2);
        stats.add("reclaimed-leases", 1);
        String text = PrometheusText.render(stats);
        assertTrue(text.contains("# TYPE kea4j_pkt4_received_total counter\nkea4j_pkt4_received_total 7\n"), text);
        assertTrue(text.contains("# TYPE kea4j_total_addresses gauge\nkea4j_total_addresses{subnet_id=\"3\"} 200\n"),
                text);
        assertTrue(text.contains("kea4j_assigned_addresses{subnet_id=\"3\",pool_id=\"0\"} 5\n"), text);
        assertTrue(text.contains("kea4j_assigned_pds{subnet_id=\"4\",pd_pool_id=\"1\"} 2\n"), text);
        assertTrue(text.contains("kea4j_reclaimed_leases_total 1\n"), text);
        assertTrue(text.contains("kea4j_jvm_memory_used_bytes{area=\"heap\"} "), text);
        text.lines().filter(l -> !l.startsWith("#")).forEach(l -> assertTrue(
                l.matches("[a-z0-9_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? [0-9.E-]+"), l));
    }

    @Test
    void d2KeysAndHookCalloutsAreLabelled() {
        StatisticsRegistry stats = new StatisticsRegistry();
        stats.add("key[tsig.example.].update-sent", 4);
        LibraryInfo lib = new LibraryInfo(0, "org.example.hook", LibraryInfo.Origin.CONFIGURED, "org.example.hook",
                "1.0.0", 42, 1, LibraryInfo.State.LOADED, "", Map.of(),
                List.of(new LibraryInfo.CalloutInfo("pkt4_receive", "count", 10, 1, 2_000_000, 5_000_000)));
        String text = PrometheusText.render(stats, List.of(lib), Map.of());
        assertTrue(text.contains("kea4j_update_sent_total{key=\"tsig.example.\"} 4\n"), text);
        assertTrue(text.contains("kea4j_hook_callout_calls_total{library=\"org.example.hook\",hook=\"pkt4_receive\","
                + "callout=\"count\"} 10\n"), text);
        assertTrue(text.contains("kea4j_hook_callout_errors_total{library=\"org.example.hook\",hook=\"pkt4_receive\","
                + "callout=\"count\"} 1\n"), text);
        assertTrue(text.contains("callout=\"count\"} 0.02\n"), "10 calls of 2 ms: " + text);
    }

    @Test
    void subnetsAreLabelledWithTheirPrefixes() throws Exception {
        var config = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                { "Dhcp4": { "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24" } ],
                             "shared-networks": [ { "subnet4": [ { "id": 2, "subnet": "10.0.0.0/8" } ] } ] },
                  "Dhcp6": { "subnet6": [ { "id": 1, "subnet": "2001:db8::/64" }, { "id": 3, "subnet": "2001:db8:1::/64" } ] } }""");
        Map<String, String> prefixes = PrometheusText.subnetPrefixes(config);
        assertTrue(prefixes.equals(Map.of("2", "10.0.0.0/8", "3", "2001:db8:1::/64")), "id 1 is ambiguous: " + prefixes);
        StatisticsRegistry stats = new StatisticsRegistry();
        stats.set("subnet[2].total-addresses", 9);
        String text = PrometheusText.render(stats, List.of(), prefixes);
        assertTrue(text.contains("kea4j_total_addresses{subnet_id=\"2\",subnet=\"10.0.0.0/8\"} 9\n"), text);
    }
}
