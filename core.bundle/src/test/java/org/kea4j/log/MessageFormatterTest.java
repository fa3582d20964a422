package org.kea4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageFormatterTest {

    @Test
    void substitutesPlaceholdersByPosition() {
        assertEquals("a=x b=y", MessageFormatter.format("a=%1 b=%2", "x", "y"));
        assertEquals("y then x", MessageFormatter.format("%2 then %1", "x", "y"));
    }

    @Test
    void keepsPlaceholdersWithoutArgumentsAndIgnoresExtraArguments() {
        assertEquals("a=x b=%2", MessageFormatter.format("a=%1 b=%2", "x"));
        assertEquals("only x", MessageFormatter.format("only %1", "x", "unused"));
    }

    @Test
    void distinguishesTwoDigitPlaceholders() {
        Object[] args = new Object[11];
        for (int i = 0; i < args.length; i++) {
            args[i] = "v" + (i + 1);
        }
        assertEquals("v1 v10 v11", MessageFormatter.format("%1 %10 %11", args));
    }

    @Test
    void leavesPercentSignsThatAreNotPlaceholders() {
        assertEquals("100% of x", MessageFormatter.format("100% of %1", "x"));
    }

    @Test
    void lineStartsWithTheId() {
        assertEquals("LOG_READING_LOCAL_FILE reading local message file /tmp/x.mes",
                MessageFormatter.line(LogMessages.LOG_READING_LOCAL_FILE, "/tmp/x.mes"));
    }
}
