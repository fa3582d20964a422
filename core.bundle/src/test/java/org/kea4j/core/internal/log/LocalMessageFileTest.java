package org.kea4j.core.internal.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.log.LogMessages;
import org.kea4j.log.MessageDictionary;
import org.kea4j.log.MessageId;

class LocalMessageFileTest {

    @TempDir
    Path dir;
    private final MessageDictionary dictionary = MessageDictionary.global();

    @BeforeEach
    void register() {
        dictionary.register("test.log", LogMessages.values());
    }

    @AfterEach
    void unregister() {
        dictionary.unregister("test.log");
    }

    private LocalMessageFile.Problem apply(String content) throws IOException {
        Path file = dir.resolve("local.mes");
        Files.writeString(file, content);
        return LocalMessageFile.apply(file, dictionary);
    }

    private static void assertProblem(LocalMessageFile.Problem problem, MessageId id, Object... args) {
        assertEquals(id, problem.id());
        assertArrayEquals(args, problem.args());
    }

    @Test
    void replacesTextsAndIgnoresDescriptions() throws IOException {
        assertNull(apply("""
                # a comment
                $NAMESPACE isc::log
                % LOG_READ_ERROR cannot read %1 because %2
                This is a description line and is ignored.
                % LOG_NO_SUCH_THING never defined
                """));
        assertEquals("cannot read %1 because %2", dictionary.text(LogMessages.LOG_READ_ERROR));
    }

    @Test
    void prefixIsPrependedToIds() throws IOException {
        assertNull(apply("$PREFIX LOG_\n% WRITE_ERROR could not write %1: %2\n"));
        assertEquals("could not write %1: %2", dictionary.text(LogMessages.LOG_WRITE_ERROR));
    }

    @Test
    void eachBadLineIsReportedWithItsNumber() throws IOException {
        assertProblem(apply("\n%\n"), LogMessages.LOG_NO_MESSAGE_ID, 2);
        assertProblem(apply("% 9BAD text\n"), LogMessages.LOG_INVALID_MESSAGE_ID, 1, "9BAD");
        assertProblem(apply("% LOG_READ_ERROR\n"), LogMessages.LOG_NO_MESSAGE_TEXT, 1, "LOG_READ_ERROR");
        assertProblem(apply("$NAMESPACE a\n$NAMESPACE b\n"), LogMessages.LOG_DUPLICATE_NAMESPACE, 2);
        assertProblem(apply("$NAMESPACE\n"), LogMessages.LOG_NAMESPACE_NO_ARGS, 1);
        assertProblem(apply("$NAMESPACE a b\n"), LogMessages.LOG_NAMESPACE_EXTRA_ARGS, 1);
        assertProblem(apply("$NAMESPACE a:b\n"), LogMessages.LOG_NAMESPACE_INVALID_ARG, 1, "a:b");
        assertProblem(apply("$PREFIX a b\n"), LogMessages.LOG_PREFIX_EXTRA_ARGS, 1);
        assertProblem(apply("$PREFIX 1a\n"), LogMessages.LOG_PREFIX_INVALID_ARG, 1, "1a");
        assertProblem(apply("\n\n$FOO bar\n"), LogMessages.LOG_UNRECOGNISED_DIRECTIVE, 3, "FOO");
    }

    @Test
    void aBadFileChangesNothing() throws IOException {
        String before = dictionary.text(LogMessages.LOG_READ_ERROR);
        apply("% LOG_READ_ERROR changed\n$BOGUS\n");
        assertEquals(before, dictionary.text(LogMessages.LOG_READ_ERROR));
    }

    @Test
    void aMissingFileIsInputOpenFail() {
        LocalMessageFile.Problem p = LocalMessageFile.apply(dir.resolve("nope.mes"), dictionary);
        assertEquals(LogMessages.LOG_INPUT_OPEN_FAIL, p.id());
    }
}
