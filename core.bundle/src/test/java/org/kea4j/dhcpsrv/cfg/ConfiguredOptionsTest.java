package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.OptionDefinitions;

class ConfiguredOptionsTest {

    private static OptionDataConfig entry(String name, int code, String space, String data, boolean csv) {
        return new OptionDataConfig(name, code, space, data, csv, false, "Dhcp4/option-data[0]", "t.json:1:1");
    }

    private static String hex(ConfiguredOptions o, int code) {
        return HexFormat.of().formatHex(o.get(code).data());
    }

    @Test
    void namesCodesAndHexData() throws ConfigException {
        ConfiguredOptions o = ConfiguredOptions.resolve4(List.of(entry("routers", -1, "dhcp4", "192.0.2.1", true),
                entry(null, 6, "dhcp4", "192.0.2.53", true), entry(null, 250, "dhcp4", "0a:0b", false)),
                OptionDefinitions.standard4());
        assertEquals("c0000201", hex(o, 3));
        assertEquals("c0000235", hex(o, 6));
        assertEquals("0a0b", hex(o, 250));
    }

    @Test
    void vendorSpacesAreEncapsulated() throws ConfigException {
        ConfiguredOptions v4 = ConfiguredOptions.resolve4(List.of(entry("vivso-suboptions", -1, "dhcp4", "4491", true),
                entry("tftp-servers", -1, "vendor-4491", "10.1.1.202, 10.1.1.203", true)), OptionDefinitions.standard4());
        assertEquals("0000118b" + "0a" + "0208" + "0a0101ca0a0101cb", hex(v4, 125), "enterprise, length, sub-option 2");
        ConfiguredOptions v6 = ConfiguredOptions.resolve6(List.of(entry("vendor-opts", -1, "dhcp6", "4491", true),
                entry("tftp-servers", -1, "vendor-4491", "3000:1::234", true)), OptionDefinitions.standard6());
        assertEquals("0000118b" + "0020" + "0010" + "30000001000000000000000000000234", hex(v6, 17));
        ConfiguredOptions agent = ConfiguredOptions.resolve4(List.of(entry("circuit-id", -1, "dhcp-agent-options-space",
                "0102", true)), OptionDefinitions.standard4());
        assertEquals("01020102", hex(agent, 82), "the encapsulating option is created");
    }

    @Test
    void errorsNameTheEntry() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfiguredOptions.resolve4(
                List.of(entry("routers", -1, "dhcp4", "not-an-address", true)), OptionDefinitions.standard4()));
        assertEquals("Dhcp4/option-data[0]", e.element());
        assertTrue(e.reason().contains("not-an-address"), e.reason());
        e = assertThrows(ConfigException.class, () -> ConfiguredOptions.resolve4(
                List.of(entry("no-such-option", -1, "dhcp4", "1", true)), OptionDefinitions.standard4()));
        assertTrue(e.reason().contains("no-such-option"), e.reason());
        e = assertThrows(ConfigException.class, () -> ConfiguredOptions.resolve4(
                List.of(entry(null, 240, "dhcp4", "1,2", true)), OptionDefinitions.standard4()));
        assertTrue(e.reason().contains("csv-format"), e.reason());
        assertThrows(ConfigException.class, () -> ConfiguredOptions.resolve4(List.of(entry("routers", 4, "dhcp4",
                "192.0.2.1", true)), OptionDefinitions.standard4()), "name and code disagree");
    }
}
