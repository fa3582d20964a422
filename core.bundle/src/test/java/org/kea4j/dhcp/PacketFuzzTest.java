package org.kea4j.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Received packets, fuzzed (Jazzer): a datagram either parses or fails with {@link PacketParseException}, never
 * with another exception; a parsed packet describes itself, and what it packs parses back to the same type.
 * The seeds (src/test/resources/org/kea4j/dhcp/PacketFuzzTestInputs) are packets captured from perfdhcp,
 * dhclient and Kea 2.2; {@code .ci/run} runs every seed and past finding, {@code cnf/fuzz/fuzz.sh} fuzzes.
 */
class PacketFuzzTest {

    @FuzzTest
    void pkt4(byte[] datagram) throws PacketParseException {
        Pkt4 packet;
        try {
            packet = Pkt4.parse(datagram, datagram.length);
        } catch (PacketParseException refused) {
            return;
        }
        describe(packet.toString(), packet.getName(), packet.getClientId(), packet.isRelayed());
        OptionDefinitions standard = OptionDefinitions.standard4();
        for (Option option : packet.options()) {
            OptionDefinition definition = standard.find(OptionDefinitions.DHCP4, option.code());
            if (definition != null) {
                definition.accepts(option.data(), false);
            }
        }
        byte[] packed = packet.pack();
        assertEquals(packet.getType(), Pkt4.parse(packed, packed.length).getType());
    }

    @FuzzTest
    void pkt6(byte[] datagram) throws PacketParseException {
        Pkt6 packet;
        try {
            packet = Pkt6.parse(datagram, datagram.length);
        } catch (PacketParseException refused) {
            return;
        }
        describe(packet.toString(), packet.getName(), packet.getClientId(), packet.label());
        packet.relays().forEach(relay -> describe(relay.toString()));
        OptionDefinitions standard = OptionDefinitions.standard6();
        for (Option option : packet.options()) {
            OptionDefinition definition = standard.find(OptionDefinitions.DHCP6, option.code());
            if (definition != null) {
                definition.accepts(option.data(), true);
            }
        }
        byte[] packed = packet.pack();
        assertEquals(packet.getType(), Pkt6.parse(packed, packed.length).getType());
    }

    /** Reads what a log line or a hook would read of a packet. */
    private static void describe(Object... parts) {
        for (Object part : parts) {
            String.valueOf(part);
        }
    }
}
