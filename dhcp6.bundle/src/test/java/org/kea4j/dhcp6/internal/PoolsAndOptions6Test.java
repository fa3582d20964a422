package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp6.internal.PipelineHarness6.client;
import static org.kea4j.dhcp6.internal.PipelineHarness6.ia;
import static org.kea4j.dhcp6.internal.PipelineHarness6.parsed;

import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;

/**
 * DHCPv6 pools and options as Kea 2.2 has them: RFC 6603's excluded prefix sent in the IAPREFIX when the client
 * asks for it, classes a pd-pool requires adding their options, and the softwire 46 options nested three
 * spaces deep from a reservation.
 */
class PoolsAndOptions6Test {

    private static final String CONFIG = """
            {
              "preferred-lifetime": 3000, "valid-lifetime": 4000, "t1-percent": .45,
              "client-classes": [ { "name": "cpe", "only-if-required": true,
                                    "option-data": [ { "name": "domain-search", "data": "cpe.example.org" } ] } ],
              "subnet6": [ {
                "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth9",
                "option-data": [ { "name": "s46-cont-mape" } ],
                "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                "pd-pools": [ { "prefix": "2001:db8:8::", "prefix-len": 48, "delegated-len": 56,
                                "excluded-prefix": "2001:db8:8:ca00:cafe::", "excluded-prefix-len": 64,
                                "require-client-classes": [ "cpe" ] } ],
                "reservations": [ { "duid": "00:03:00:01:02:00:00:00:00:05", "option-data": [
                    { "space": "s46-cont-mape-options", "name": "s46-rule", "data": "1, 0, 24, 192.0.2.0, 2001:db8:1::/64" },
                    { "space": "s46-cont-mape-options", "name": "s46-br", "data": "2001:db8:cafe::1" },
                    { "space": "s46-rule-options", "name": "s46-portparams", "data": "0, 3/4" } ] } ] } ]
            }""";

    private PipelineHarness6 h;

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness6(CONFIG);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theExcludedPrefixComesInTheIaPrefixWhenAskedFor() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 1, false, true);
        solicit.addOption(new Option(Options6.ORO, new byte[] {0, 67, 0, 24}));
        Pkt6 advertise = parsed(h.multicast(solicit, 1));
        Options6.IaPrefix p = Options6.IaPrefix.of(ia(advertise, Options6.IA_PD).options(Options6.IAPREFIX).get(0));
        assertEquals(56, p.length());
        Option exclude = p.options().stream().filter(o -> o.code() == 67).findFirst().orElseThrow();
        // excluded length 64, then bits 56..63 of 2001:db8:8:ca00:: (0x00), one byte: each delegated /56
        // excludes its own ...:xx00::/64
        assertArrayEquals(new byte[] {64, 0}, exclude.data());
        assertArrayEquals(new byte[] {3, 'c', 'p', 'e', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'o', 'r', 'g', 0},
                advertise.getOption(24).data(), "the pd-pool requires the class cpe, whose option comes with it");

        Pkt6 notAsked = client(Pkt6.SOLICIT, 2, false, true);
        Options6.IaPrefix q = Options6.IaPrefix.of(ia(parsed(h.multicast(notAsked, 2)), Options6.IA_PD)
                .options(Options6.IAPREFIX).get(0));
        assertTrue(q.options().stream().noneMatch(o -> o.code() == 67), "only when the ORO names it");
    }

    @Test
    void softwireOptionsNestThreeSpacesDeep() throws Exception {
        Pkt6 solicit = client(Pkt6.SOLICIT, 5, true, false);
        solicit.addOption(new Option(Options6.ORO, new byte[] {0, 94}));
        Option mape = parsed(h.multicast(solicit, 5)).getOption(94);
        assertNotNull(mape, "s46-cont-mape");
        // s46-rule (89) with flags 1, ea-len 0, prefix4-len 24, 192.0.2.0, /64 prefix, and s46-portparams (93)
        // inside it; then s46-br (90)
        String hex = HexFormat.of().formatHex(mape.data());
        // portparams "0, 3/4": offset 0, PSID 3 of 4 bits (Kea's psid/psid-len), left-aligned: 0x3000
        assertEquals("0059" + "0020" + "01" + "00" + "18" + "c0000200" + "40" + "20010db8000100000000000000000000"
                + "005d" + "0004" + "00" + "04" + "3000"
                + "005a" + "0010" + "20010db8cafe00000000000000000001", hex);
        assertNull(parsed(h.multicast(client(Pkt6.SOLICIT, 6, true, false), 6)).getOption(94),
                "not asked for");
    }

    @Test
    void anExcludedPrefixOutsideThePoolIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> h.reconfigure(
                CONFIG.replace("\"excluded-prefix-len\": 64", "\"excluded-prefix-len\": 56")));
        assertTrue(e.getMessage().contains("must be greater than delegated-len 56"), e.getMessage());
    }
}
