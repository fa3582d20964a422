package org.kea4j.core.internal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFramerTest {

    private static int complete(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return JsonFramer.complete(b, b.length);
    }

    @Test
    void findsTheEndOfAnObject() {
        String req = "{\"command\": \"list-commands\"}";
        assertEquals(req.length(), complete(req));
        assertEquals(req.length(), complete(req + "{\"next\": 1}"));
    }

    @Test
    void waitsForIncompleteRequests() {
        assertEquals(-1, complete("{\"command\": \"list-"));
        assertEquals(-1, complete("{\"a\": {\"b\": 1}"));
        assertEquals(-1, complete("   "));
    }

    @Test
    void bracesInStringsAndCommentsDoNotCount() {
        assertEquals(-1, complete("{\"text\": \"}\""));
        String withComments = "# c {\n// d }\n{ /* } */ \"a\": \"\\\"}\" }";
        assertEquals(withComments.length(), complete(withComments));
        assertEquals(-1, complete("{ /* unterminated } "));
    }

    @Test
    void detectsTextVersusFrames() {
        assertTrue(JsonFramer.startsFrame((byte) 0));
        for (char text : "{#/ \t\n\"hx\u00e9".toCharArray()) {
            assertFalse(JsonFramer.startsFrame((byte) text), "text starting with " + text);
        }
    }
}
