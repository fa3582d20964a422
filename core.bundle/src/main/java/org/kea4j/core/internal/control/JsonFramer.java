package org.kea4j.core.internal.control;

/**
 * Finds where the first complete JSON value of a byte stream ends, skipping whitespace, strings and
 * comments ({@code #}, {@code //}, {@code /* *}{@code /}) as Kea 2.x commands allow. Stateless: scans the
 * buffer from the start each time (requests are small).
 */
public final class JsonFramer {

    private JsonFramer() {
    }

    /**
     * Whether a connection's first byte starts a length-prefixed frame rather than text: a frame's length is
     * below 16 MiB, so its first byte is 0, which no text begins with.
     */
    static boolean startsFrame(byte first) {
        return first == 0;
    }

    /**
     * @return the length of the first complete top-level value (including leading blanks and comments),
     *         or -1 when more bytes are needed
     */
    public static int complete(byte[] buf, int length) {
        int depth = 0;
        boolean started = false;
        boolean inString = false;
        boolean escape = false;
        int i = 0;
        while (i < length) {
            byte b = buf[i];
            if (inString) {
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
                continue;
            }
            if (b == '#' || (b == '/' && i + 1 < length && buf[i + 1] == '/')) {
                while (i < length && buf[i] != '\n') {
                    i++;
                }
                if (i >= length) {
                    return -1;
                }
                continue;
            }
            if (b == '/' && i + 1 < length && buf[i + 1] == '*') {
                int end = -1;
                for (int j = i + 2; j + 1 < length; j++) {
                    if (buf[j] == '*' && buf[j + 1] == '/') {
                        end = j + 2;
                        break;
                    }
                }
                if (end < 0) {
                    return -1;
                }
                i = end;
                continue;
            }
            switch (b) {
                case '"' -> {
                    inString = true;
                    started = true;
                }
                case '{', '[' -> {
                    depth++;
                    started = true;
                }
                case '}', ']' -> {
                    depth--;
                    if (depth <= 0) {
                        return i + 1;
                    }
                }
                default -> {
                    if (!started && !Character.isWhitespace(b)) {
                        // a bare scalar: complete at the next blank (or needs more bytes)
                        int j = i;
                        while (j < length && !Character.isWhitespace(buf[j])) {
                            j++;
                        }
                        return j < length ? j : -1;
                    }
                }
            }
            i++;
        }
        return -1;
    }
}
