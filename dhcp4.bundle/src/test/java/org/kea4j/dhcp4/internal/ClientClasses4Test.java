package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp4.internal.PipelineHarness.client;
import static org.kea4j.dhcp4.internal.PipelineHarness.ip;
import static org.kea4j.dhcp4.internal.PipelineHarness.parsed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;

/**
 * Kea 2.2's client classes through the DHCPv4 pipeline: a class from option 60 with {@code substring} and
 * {@code ifelse} choosing a pool, {@code only-if-required} classes that a pool and a subnet require adding their
 * options, a class's own {@code option-def} of option 43 carrying a vendor space, and pools for KNOWN / UNKNOWN
 * clients.
 */
class ClientClasses4Test {

    private static final String CONFIG = """
            {
              "valid-lifetime": 4000,
              "option-def": [ { "name": "vlanid", "code": 2, "space": "339", "type": "uint32" } ],
              "client-classes": [
                { "name": "phones",
                  "test": "ifelse(substring(option[60].hex, 0, 6) == 'Aastra', 'phone', 'other') == 'phone'" },
                { "name": "VENDOR_CLASS_339",
                  "option-def": [ { "name": "vendor-encapsulated-options", "code": 43, "type": "empty",
                                    "encapsulate": "339" } ],
                  "option-data": [ { "name": "vendor-encapsulated-options" },
                                   { "name": "vlanid", "space": "339", "data": "123", "always-send": true } ] },
                { "name": "pool-extra", "only-if-required": true, "test": "member('ALL')",
                  "option-data": [ { "name": "domain-name", "data": "pool.example" } ] },
                { "name": "subnet-extra", "only-if-required": true,
                  "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.53" } ] },
                { "name": "never", "only-if-required": true, "test": "option[77].exists",
                  "option-data": [ { "name": "log-servers", "data": "192.0.2.99" } ] },
                { "name": "known-hosts", "test": "member('KNOWN')",
                  "option-data": [ { "name": "lpr-servers", "data": "192.0.2.9" } ] }
              ],
              "subnet4": [ {
                "id": 1, "subnet": "192.0.2.0/24", "require-client-classes": [ "subnet-extra", "never" ],
                "pools": [ { "pool": "192.0.2.10 - 192.0.2.19", "client-class": "phones",
                             "require-client-classes": [ "pool-extra" ] },
                           { "pool": "192.0.2.100 - 192.0.2.109", "client-class": "UNKNOWN" },
                           { "pool": "192.0.2.200 - 192.0.2.209", "client-class": "KNOWN" } ],
                "reservations": [ { "hw-address": "02:00:00:00:00:07", "hostname": "known-one" } ] } ]
            }""";

    private PipelineHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness(CONFIG, "192.0.2.1");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Pkt4 discover(int n, String vendorClass) {
        Pkt4 p = client(Pkt4.DHCPDISCOVER, n);
        if (vendorClass != null) {
            p.addOption(Option.text(Options4.VENDOR_CLASS_IDENTIFIER, vendorClass));
        }
        p.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {6, 7, 9, 15, 43}));
        return p;
    }

    @Test
    void aClassFromOptionSixtyChoosesThePoolAndItsRequiredClassAddsOptions() throws Exception {
        Pkt4 phone = parsed(h.broadcast(discover(1, "Aastra6731i")));
        assertEquals(ip("192.0.2.10"), phone.yiaddr(), "the phones' pool");
        assertEquals("pool.example", phone.getOption(Options4.DOMAIN_NAME).text(), "the pool requires pool-extra");
        assertEquals(ip("192.0.2.53"), phone.getOption(6).ipv4(), "the subnet requires subnet-extra (no test)");
        assertNull(phone.getOption(7), "a required class whose test fails is not joined");

        Pkt4 laptop = parsed(h.broadcast(discover(2, "Polycom")));
        assertEquals(ip("192.0.2.100"), laptop.yiaddr(), "not a phone, not known: the UNKNOWN pool");
        assertNull(laptop.getOption(Options4.DOMAIN_NAME), "pool-extra is only-if-required: not evaluated here");
        assertEquals(ip("192.0.2.53"), laptop.getOption(6).ipv4());
    }

    @Test
    void knownClientsUseTheKnownPoolAndKnownClasses() throws Exception {
        Pkt4 known = parsed(h.broadcast(discover(7, null)));
        assertEquals(ip("192.0.2.200"), known.yiaddr());
        assertEquals(ip("192.0.2.9"), known.getOption(9).ipv4(), "a test on member('KNOWN') runs after the lookup");
        Pkt4 unknown = parsed(h.broadcast(discover(8, null)));
        assertNull(unknown.getOption(9));
    }

    @Test
    void aClassOwnOptionDefCarriesItsVendorSpaceInOptionFortyThree() throws Exception {
        Pkt4 offer = parsed(h.broadcast(discover(3, "339")));
        assertArrayEquals(new byte[] {2, 4, 0, 0, 0, 123}, offer.getOption(43).data(), "vlanid in option 43");
        assertNull(parsed(h.broadcast(discover(4, "Polycom"))).getOption(43));
    }

    @Test
    void aTestThatIsNotAConditionIsRefusedWithItsPosition() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> h.reconfigure(
                CONFIG.replace("\"test\": \"member('ALL')\"", "\"test\": \"substring(option[60].hex, 0, 2)\"")));
        assertTrue(e.getMessage().contains("must be a condition") && e.getMessage().contains("client-classes[2]/test"),
                e.getMessage());
    }
}
