package org.kea4j.core.internal.log;

import static org.kea4j.log.LogMessages.LOG_DUPLICATE_MESSAGE_ID;
import static org.kea4j.log.LogMessages.LOG_DUPLICATE_NAMESPACE;
import static org.kea4j.log.LogMessages.LOG_INPUT_OPEN_FAIL;
import static org.kea4j.log.LogMessages.LOG_INVALID_MESSAGE_ID;
import static org.kea4j.log.LogMessages.LOG_NAMESPACE_EXTRA_ARGS;
import static org.kea4j.log.LogMessages.LOG_NAMESPACE_INVALID_ARG;
import static org.kea4j.log.LogMessages.LOG_NAMESPACE_NO_ARGS;
import static org.kea4j.log.LogMessages.LOG_NO_MESSAGE_ID;
import static org.kea4j.log.LogMessages.LOG_NO_MESSAGE_TEXT;
import static org.kea4j.log.LogMessages.LOG_NO_SUCH_MESSAGE;
import static org.kea4j.log.LogMessages.LOG_PREFIX_EXTRA_ARGS;
import static org.kea4j.log.LogMessages.LOG_PREFIX_INVALID_ARG;
import static org.kea4j.log.LogMessages.LOG_READING_LOCAL_FILE;
import static org.kea4j.log.LogMessages.LOG_READ_ERROR;
import static org.kea4j.log.LogMessages.LOG_UNRECOGNISED_DIRECTIVE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageDictionary;
import org.kea4j.log.MessageId;

/**
 * A local message file in Kea's {@code .mes} format that replaces message texts at start: lines
 * {@code % ID text} define messages, {@code $PREFIX} and {@code $NAMESPACE} are directives, {@code #}
 * starts a comment, anything else is description and ignored. The file is checked whole before any text
 * is replaced: a bad file changes nothing and logs its first error with the line number.
 */
public final class LocalMessageFile {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("log");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAMESPACE = Pattern.compile("(::)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");

    /** Why a file was rejected: the message ID and its arguments. */
    public record Problem(MessageId id, Object[] args) {
    }

    /** Thrown while reading. */
    private static final class BadFile extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        BadFile(MessageId id, Object... args) {
            super(id.name());
            this.problem = new Problem(id, args);
        }
    }

    private LocalMessageFile() {
    }

    /**
     * Reads the file and replaces the texts of the IDs it defines. IDs the dictionary does not know are
     * logged as {@code LOG_NO_SUCH_MESSAGE}.
     *
     * @return null when the file was applied, otherwise the problem (already logged)
     */
    public static Problem apply(Path file, MessageDictionary dictionary) {
        LOG.log(LOG_READING_LOCAL_FILE, file);
        Map<String, String> texts;
        try {
            texts = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return report(new BadFile(LOG_INPUT_OPEN_FAIL, file, "no such file"));
        } catch (IOException e) {
            return report(new BadFile(Files.isReadable(file) ? LOG_READ_ERROR : LOG_INPUT_OPEN_FAIL, file,
                    e.getMessage()));
        } catch (BadFile e) {
            return report(e);
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (!dictionary.replaceText(e.getKey(), e.getValue())) {
                LOG.log(LOG_NO_SUCH_MESSAGE, e.getKey());
            }
        }
        return null;
    }

    private static Problem report(BadFile e) {
        LOG.log(e.problem.id(), e.problem.args());
        return e.problem;
    }

    /** Parses the lines into ID -> text. */
    static Map<String, String> parse(List<String> lines) throws BadFile {
        Map<String, String> texts = new LinkedHashMap<>();
        String prefix = "";
        boolean namespaceSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("$")) {
                String[] words = line.substring(1).strip().split("\\s+");
                String directive = words[0];
                int args = words.length - 1;
                if (directive.equalsIgnoreCase("PREFIX")) {
                    if (args > 1) {
                        throw new BadFile(LOG_PREFIX_EXTRA_ARGS, lineNo);
                    }
                    if (args == 1 && !SYMBOL.matcher(words[1]).matches()) {
                        throw new BadFile(LOG_PREFIX_INVALID_ARG, lineNo, words[1]);
                    }
                    prefix = args == 1 ? words[1] : "";
                } else if (directive.equalsIgnoreCase("NAMESPACE")) {
                    if (args == 0) {
                        throw new BadFile(LOG_NAMESPACE_NO_ARGS, lineNo);
                    }
                    if (args > 1) {
                        throw new BadFile(LOG_NAMESPACE_EXTRA_ARGS, lineNo);
                    }
                    if (!NAMESPACE.matcher(words[1]).matches()) {
                        throw new BadFile(LOG_NAMESPACE_INVALID_ARG, lineNo, words[1]);
                    }
                    if (namespaceSeen) {
                        throw new BadFile(LOG_DUPLICATE_NAMESPACE, lineNo);
                    }
                    namespaceSeen = true;
                } else {
                    throw new BadFile(LOG_UNRECOGNISED_DIRECTIVE, lineNo, directive);
                }
                continue;
            }
            if (line.startsWith("%")) {
                String rest = line.substring(1).strip();
                if (rest.isEmpty()) {
                    throw new BadFile(LOG_NO_MESSAGE_ID, lineNo);
                }
                int space = indexOfWhitespace(rest);
                String id = space < 0 ? rest : rest.substring(0, space);
                if (!SYMBOL.matcher(id).matches()) {
                    throw new BadFile(LOG_INVALID_MESSAGE_ID, lineNo, id);
                }
                String text = space < 0 ? "" : rest.substring(space).strip();
                if (text.isEmpty()) {
                    throw new BadFile(LOG_NO_MESSAGE_TEXT, lineNo, id);
                }
                String fullId = prefix + id;
                if (texts.putIfAbsent(fullId, text) != null) {
                    throw new BadFile(LOG_DUPLICATE_MESSAGE_ID, fullId);
                }
            }
        }
        return texts;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
