package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionDefinitionTest {

    /** A sample value of each field type, as option-data text. */
    private static String sample(OptionDataType t) {
        return switch (t) {
            case BOOLEAN -> "true";
            case INT8 -> "-5";
            case INT16 -> "-300";
            case INT32 -> "-70000";
            case UINT8 -> "200";
            case UINT16 -> "60000";
            case UINT32 -> "4000000000";
            case IPV4_ADDRESS -> "192.0.2.1";
            case IPV6_ADDRESS -> "2001:db8::1";
            case IPV6_PREFIX -> "2001:db8::/48";
            case PSID -> "4/3";
            case STRING -> "hello world";
            case FQDN -> "example.org.";
            case TUPLE -> "abc";
            case BINARY, INTERNAL -> "0a0b0c";
            default -> "";
        };
    }

    private static String sampleData(OptionDefinition d) {
        if (d.type() == OptionDataType.EMPTY) {
            return "";
        }
        List<String> values = new ArrayList<>();
        List<OptionDataType> fields = d.type() == OptionDataType.RECORD ? d.recordFields() : List.of(d.type());
        for (OptionDataType f : fields) {
            values.add(sample(f));
        }
        if (d.array() && !(fields.get(fields.size() - 1) == OptionDataType.BINARY)) {
            values.add(sample(fields.get(fields.size() - 1)));
        }
        return String.join(", ", values);
    }

    /** Every standard DHCPv4 option: text → wire → text → wire is stable, and the wire survives a packet. */
    @Test
    void everyStandardOptionRoundTrips() throws Exception {
        int checked = 0;
        for (OptionDefinition d : OptionDefinitions.standard4().all()) {
            String text = sampleData(d);
            byte[] wire = d.encodeCsv(text, false);
            String decoded = d.decodeToCsv(wire, false);
            assertArrayEquals(wire, d.encodeCsv(decoded, false), d.name() + ": '" + text + "' -> '" + decoded + "'");
            assertTrue(d.accepts(wire, false), d.name());
            if (d.space().equals(OptionDefinitions.DHCP4) && d.code() != Options4.MESSAGE_TYPE
                    && d.code() != Options4.OPTION_OVERLOAD) {
                Pkt4 p = new Pkt4(Pkt4.DHCPOFFER, 1);
                p.addOption(new Option(d.code(), wire));
                byte[] packed = p.pack();
                Option back = Pkt4.parse(packed, packed.length).getOption(d.code());
                assertNotNull(back, d.name());
                assertArrayEquals(wire, back.data(), d.name());
            }
            checked++;
        }
        assertTrue(checked > 120, "standard definitions checked: " + checked);
    }

    @Test
    void encodesKeaFormats() {
        OptionDefinitions std = OptionDefinitions.standard4();
        assertEquals("c0000201c0000202", HexFormat.of().formatHex(std.find("dhcp4", "routers")
                .encodeCsv("192.0.2.1, 192.0.2.2", false)));
        assertEquals("076578616d706c65036f726700", HexFormat.of().formatHex(std.find("dhcp4", "domain-search")
                .encodeCsv("example.org", false)));
        assertEquals("6578616d706c652c6f7267", HexFormat.of().formatHex(std.find("dhcp4", "domain-name")
                .encodeCsv("example\\,org", false)), "escaped comma in a string");
        assertEquals("010203", HexFormat.of().formatHex(OptionDefinition.parseHex("01:02:03")));
        assertEquals("0a0b", HexFormat.of().formatHex(OptionDefinition.parseHex("0x0A0B")));
    }

    @Test
    void badValuesNameTheProblem() {
        OptionDefinitions std = OptionDefinitions.standard4();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> std.find("dhcp4", "routers").encodeCsv("192.0.2.300", false));
        assertTrue(e.getMessage().contains("192.0.2.300"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> std.find("dhcp4", "default-ip-ttl").encodeCsv("256", false));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> std.find("dhcp4", "subnet-mask").encodeCsv("255.255.255.0, 255.0.0.0", false));
        assertTrue(e.getMessage().contains("takes 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OptionDefinition.parseHex("zz"));
        assertThrows(IllegalArgumentException.class,
                () -> std.with(List.of(OptionDefinition.of("my-routers", 3, "dhcp4", OptionDataType.BINARY, false))),
                "a user definition may not replace a standard one");
    }

    @Test
    void userDefinitionsExtendTheStandardOnes() {
        OptionDefinitions defs = OptionDefinitions.standard4().with(List.of(
                OptionDefinition.record("my-record", 222, "dhcp4", false, OptionDataType.UINT16,
                        OptionDataType.IPV4_ADDRESS, OptionDataType.STRING)));
        OptionDefinition d = defs.find("dhcp4", 222);
        assertEquals("my-record", d.name());
        byte[] wire = d.encodeCsv("7, 10.0.0.1, some text", false);
        assertEquals("00070a000001736f6d652074657874", HexFormat.of().formatHex(wire));
        assertEquals("7, 10.0.0.1, some text", d.decodeToCsv(wire, false));
    }

    /** Every standard DHCPv6 option: text to wire and back, and through a message. */
    @Test
    void everyStandardV6OptionRoundTrips() throws Exception {
        int checked = 0;
        for (OptionDefinition d : OptionDefinitions.standard6().all()) {
            String text = sampleData(d);
            byte[] wire = d.encodeCsv(text, true);
            String decoded = d.decodeToCsv(wire, true);
            assertArrayEquals(wire, d.encodeCsv(decoded, true), d.name() + ": '" + text + "' -> '" + decoded + "'");
            if (d.space().equals(OptionDefinitions.DHCP6) && !java.util.Set.of(3, 4, 5, 25, 26, 9, 45).contains(d.code())) {
                Pkt6 p = new Pkt6(Pkt6.REPLY, 1);
                p.addOption(new Option(d.code(), wire));
                byte[] packed = p.pack();
                assertArrayEquals(wire, Pkt6.parse(packed, packed.length).getOption(d.code()).data(), d.name());
            }
            checked++;
        }
        assertTrue(checked > 60, "standard v6 definitions checked: " + checked);
    }
}
