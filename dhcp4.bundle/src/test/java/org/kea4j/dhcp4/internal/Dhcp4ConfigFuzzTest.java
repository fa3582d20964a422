package org.kea4j.dhcp4.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.OptionalInt;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;

/**
 * Configuration files, fuzzed (Jazzer): a text is read, its {@code Dhcp4} element parsed and resolved (options,
 * interfaces, classes) or refused with a {@link ConfigException} naming the element, never another exception.
 * Seeds: kea4j's own configurations and test fixtures.
 */
class Dhcp4ConfigFuzzTest {

    @FuzzTest
    void configuration(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            ConfigDocument document = ConfigDocument.parse("fuzz.json", text);
            ConfigNode server = document.root().get("Dhcp4").orElse(null);
            if (server != null) {
                Dhcp4Runtime.build(Dhcp4ConfigParser.parse(server, new ConfigContext("fuzz.json", false,
                        OptionalInt.empty())), List.of());
            }
        } catch (ConfigException refused) {
            // the documented refusal
        }
    }
}
