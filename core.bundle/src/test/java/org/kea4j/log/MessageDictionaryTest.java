package org.kea4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageDictionaryTest {

    enum First implements MessageId {
        TEST_DICT_ONE(MessageDef.info("one %1")),
        TEST_DICT_TWO(MessageDef.debug(40, "two"));

        private final MessageDef def;

        First(MessageDef def) {
            this.def = def;
        }

        @Override
        public MessageDef def() {
            return def;
        }
    }

    enum Second implements MessageId {
        TEST_DICT_ONE(MessageDef.warn("the same ID again"));

        private final MessageDef def;

        Second(MessageDef def) {
            this.def = def;
        }

        @Override
        public MessageDef def() {
            return def;
        }
    }

    private final MessageDictionary dictionary = MessageDictionary.global();

    @AfterEach
    void cleanUp() {
        dictionary.unregister("test.first");
        dictionary.unregister("test.second");
    }

    @Test
    void aSecondOwnerOfAnIdIsRefusedAndRecorded() {
        assertEquals(List.of(), dictionary.register("test.first", First.values()));
        List<String> refused = dictionary.register("test.second", Second.values());
        assertEquals(List.of("TEST_DICT_ONE"), refused);
        assertEquals("test.first", dictionary.lookup("TEST_DICT_ONE").orElseThrow().owner());
        assertTrue(dictionary.duplicates().stream().anyMatch(d -> d.startsWith("TEST_DICT_ONE (test.first, test.second)")));
    }

    @Test
    void replacedTextIsUsedUntilTheOwnerGoes() {
        dictionary.register("test.first", First.values());
        assertTrue(dictionary.replaceText("TEST_DICT_ONE", "uno %1"));
        assertEquals("uno %1", dictionary.text(First.TEST_DICT_ONE));
        assertFalse(dictionary.replaceText("TEST_DICT_NOT_THERE", "x"));
        dictionary.unregister("test.first");
        assertEquals("one %1", dictionary.text(First.TEST_DICT_ONE));
        assertTrue(dictionary.lookup("TEST_DICT_ONE").isEmpty());
    }
}
