package org.kea4j.itest.osgi;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.kea4j.config.ConfigResult;
import org.kea4j.config.ConfigService;

/** Small helpers shared by the OSGi integration tests. */
public final class OsgiTests {

    /** Refuses duplicate keys, as kea4j's own configuration reader does. */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private OsgiTests() {
    }

    /** Parses JSON; single quotes stand for double quotes to keep the tests readable. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Applies a configuration and fails the test when it is refused. */
    public static void apply(ConfigService config, String json) {
        ConfigResult result = config.apply(json(json), "itest");
        assertTrue(result.text(), result.success());
    }

    /** Waits (bounded) until the condition holds. */
    public static boolean await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return condition.getAsBoolean();
    }

    /** The log file's content, or empty. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
