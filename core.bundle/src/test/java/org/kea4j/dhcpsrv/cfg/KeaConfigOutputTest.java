package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope rules measured on Kea 2.2's config-get (KeaConfigGetIT compares with Kea itself). */
class KeaConfigOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode print(String dhcp4, String defaults) throws Exception {
        return KeaConfigOutput.print((ObjectNode) JSON.readTree(dhcp4), JSON.readTree(defaults), 4, List.of(),
                List.of());
    }

    @Test
    void aSubnetPrintsWhatItInheritsAndTheBoundsOfItsOwnLifetime() throws Exception {
        JsonNode out = print("""
                {"min-valid-lifetime": 3000, "renew-timer": 1000,
                 "shared-networks": [ {"name": "n", "valid-lifetime": 5000,
                   "subnet4": [ {"subnet": "10.1.0.0/24", "valid-lifetime": 9000} ]} ],
                 "subnet4": [ {"subnet": "10.0.0.0/24"} ]}
                """, "{\"valid-lifetime\": 7200, \"t1-percent\": 0.5}");
        JsonNode network = out.at("/shared-networks/0");
        assertEquals("5000 3000 5000 1000 0.5", values(network));
        assertEquals("9000 3000 9000 1000 0.5", values(network.at("/subnet4/0")));
        assertEquals("7200 3000 7200 1000 0.5", values(out.at("/subnet4/0")));
        assertEquals("[]", out.at("/subnet4/0/pools").toString());
        assertEquals("{\"ip-addresses\":[]}", out.at("/subnet4/0/relay").toString());
        assertEquals("", out.at("/subnet4/0/4o6-subnet").asText());
    }

    @Test
    void optionsAreNamedAndNumberedByTheirDefinitions() throws Exception {
        JsonNode out = print("""
                {"option-data": [ {"name": "routers", "data": "10.0.0.1"}, {"code": 6, "data": "10.0.0.2"} ],
                 "reservations": [ {"hw-address": "01:02:03:04:05:06", "ip-address": "10.0.0.5"} ]}
                """, "{}");
        assertEquals(3, out.at("/option-data/0/code").asInt());
        assertEquals("domain-name-servers", out.at("/option-data/1/name").asText());
        assertEquals("dhcp4", out.at("/option-data/1/space").asText());
        assertEquals(true, out.at("/option-data/1/csv-format").asBoolean());
        assertEquals("0.0.0.0", out.at("/reservations/0/next-server").asText());
    }

    private static String values(JsonNode scope) {
        return String.join(" ", List.of("valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "renew-timer",
                "t1-percent").stream().map(k -> scope.path(k).asText()).toList());
    }
}
