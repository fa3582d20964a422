package org.kea4j.dhcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Every standard option definition of both families, fuzzed (Jazzer): a payload renders as text or is refused
 * with {@link IllegalArgumentException}; text the renderer wrote encodes again, or is refused the same way; an
 * option's sub-options parse or are refused the same way. Never another exception.
 */
class OptionFuzzTest {

    private static final List<OptionDefinition> V4 = OptionDefinitions.standard4().all();
    private static final List<OptionDefinition> V6 = OptionDefinitions.standard6().all();

    @FuzzTest
    void standardDefinitions(FuzzedDataProvider data) {
        boolean v6 = data.consumeBoolean();
        List<OptionDefinition> all = v6 ? V6 : V4;
        OptionDefinition definition = all.get(data.consumeInt(0, all.size() - 1));
        boolean fromText = data.consumeBoolean();
        if (fromText) {
            try {
                definition.encodeCsv(data.consumeRemainingAsString(), v6);
            } catch (IllegalArgumentException refused) {
                // the documented refusal
            }
            return;
        }
        byte[] payload = data.consumeRemainingAsBytes();
        String text;
        try {
            text = definition.decodeToCsv(payload, v6);
        } catch (IllegalArgumentException refused) {
            return;
        }
        try {
            definition.encodeCsv(text, v6);
        } catch (IllegalArgumentException refused) {
            // some renderings (binary tails, names) do not read back: refused, not thrown otherwise
        }
        try {
            new Option(definition.code(), payload).subOptions4();
        } catch (IllegalArgumentException refused) {
            // a sub-option past the end
        }
    }
}
