package org.kea4j.log;

import org.osgi.annotation.versioning.ProviderType;

/** Replaces Kea placeholders {@code %1..%n} in a message text by arguments. */
@ProviderType
public final class MessageFormatter {

    private MessageFormatter() {
    }

    /**
     * Substitutes {@code %1} by the first argument, {@code %2} by the second and so on. A placeholder
     * without an argument stays as it is; arguments without a placeholder are ignored, as in Kea.
     */
    public static String format(String text, Object... args) {
        if (args == null || args.length == 0 || text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < n && isDigit(text.charAt(i + 1))) {
                int j = i + 1;
                int index = 0;
                while (j < n && isDigit(text.charAt(j)) && index < 1000) {
                    index = index * 10 + (text.charAt(j) - '0');
                    j++;
                }
                if (index >= 1 && index <= args.length) {
                    out.append(args[index - 1]);
                } else {
                    out.append(text, i, j);
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * A whole message as it appears after the log line's prefix: {@code "ID text"}, with the dictionary's
     * text (a local message file may have replaced it) and the arguments filled in.
     */
    public static String line(MessageId id, Object... args) {
        return id.name() + " " + format(MessageDictionary.global().text(id), args);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
