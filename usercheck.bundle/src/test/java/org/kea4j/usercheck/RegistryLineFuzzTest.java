package org.kea4j.usercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Lines of the user_chk registry, fuzzed (Jazzer): a line is read or refused with an
 * {@link IllegalArgumentException} naming why (USER_CHK_REGISTRY_LINE_ERROR, the line skipped), never another
 * exception; a user read has the type and key its line gives.
 */
class RegistryLineFuzzTest {

    @FuzzTest
    void lines(String line) {
        if (line == null) {
            return; // Jazzer's empty input; the registry's reader gives lines, never null
        }
        User user;
        try {
            user = UserRegistry.parseLine(line);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(user, UserRegistry.parseLine(line), "the same line reads the same");
    }
}
