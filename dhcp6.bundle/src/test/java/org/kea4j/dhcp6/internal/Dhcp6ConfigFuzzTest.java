package org.kea4j.dhcp6.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.OptionalInt;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;

/**
 * Configuration files, fuzzed (Jazzer): a text is read, its {@code Dhcp6} element parsed and resolved (options,
 * interfaces, classes) or refused with a {@link ConfigException} naming the element, never another exception.
 * Seeds: kea4j's own configurations and test fixtures.
 */
class Dhcp6ConfigFuzzTest {

    @FuzzTest
    void configuration(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            ConfigDocument document = ConfigDocument.parse("fuzz.json", text);
            ConfigNode server = document.root().get("Dhcp6").orElse(null);
            if (server != null) {
                Dhcp6Runtime.build(Dhcp6ConfigParser.parse(server, new ConfigContext("fuzz.json", false,
                        OptionalInt.empty())), List.of());
            }
        } catch (ConfigException refused) {
            // the documented refusal
        }
    }
}
