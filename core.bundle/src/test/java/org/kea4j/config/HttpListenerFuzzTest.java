package org.kea4j.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * The HTTP control channel's outside input, fuzzed (Jazzer): a {@code Control-agent} element or a server's
 * {@code control-sockets} list is read or refused with a {@link ConfigException} (its path and line), never another
 * exception; an {@code Authorization} header is judged (authorized, missing, malformed, not matching), never thrown.
 */
class HttpListenerFuzzTest {

    private static final BasicAuthentication AUTH = new BasicAuthentication("kea4j",
            List.of(new BasicAuthentication.Client("admin", "secret")));

    @FuzzTest
    void elementsAndHeaders(FuzzedDataProvider data) {
        AUTH.check(data.consumeString(200));
        String json = data.consumeRemainingAsString();
        ConfigNode node;
        try {
            node = ConfigDocument.parse("fuzz.json", "{\"x\": " + json + "}").root().require("x");
        } catch (ConfigException notJson) {
            return;
        }
        try {
            HttpListenerParser.agent(node);
        } catch (ConfigException refused) {
            // the documented refusal
        }
        try {
            ServerControlSockets.of(ConfigDocument.parse("fuzz.json", "{\"control-sockets\": " + json + "}").root());
        } catch (ConfigException refused) {
            // the documented refusal
        }
    }
}
