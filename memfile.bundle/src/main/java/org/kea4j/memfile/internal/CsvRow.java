package org.kea4j.memfile.internal;

import java.util.Arrays;

/**
 * One line of a Kea lease file: comma-separated fields, no quoting. Text fields (hostname, user context)
 * are escaped as Kea 2.x does: {@code ,} and {@code &} become {@code &#x2c} and {@code &#x26}; any
 * {@code &#xHH} is decoded when read.
 */
final class CsvRow {

    private CsvRow() {
    }

    /** Splits a line into its fields. */
    static String[] split(String line) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int field = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                out[field++] = line.substring(start, i);
                start = i + 1;
            }
        }
        out[field] = line.substring(start);
        return out;
    }

    /** Escapes a text field. */
    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (text.indexOf(',') < 0 && text.indexOf('&') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ',' -> sb.append("&#x2c");
                case '&' -> sb.append("&#x26");
                case '\n' -> sb.append("&#x0a");
                case '\r' -> sb.append("&#x0d");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Decodes {@code &#xHH} sequences. */
    static String unescape(String text) {
        int amp = text.indexOf("&#x");
        if (amp < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("&#x", i) && i + 5 <= text.length()) {
                int hi = Character.digit(text.charAt(i + 3), 16);
                int lo = Character.digit(text.charAt(i + 4), 16);
                if (hi >= 0 && lo >= 0) {
                    sb.append((char) (hi * 16 + lo));
                    i += 5;
                    continue;
                }
            }
            sb.append(text.charAt(i++));
        }
        return sb.toString();
    }

    /** Parses an unsigned decimal of at most {@code max}. */
    static long number(String field, long max, String what) throws RowException {
        if (field.isEmpty() || field.length() > 20) {
            throw new RowException("invalid " + what + " '" + field + "'");
        }
        long value = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw new RowException("invalid " + what + " '" + field + "'");
            }
            if (value > (max - (c - '0')) / 10) { // checked before it is computed: the product could overflow
                throw new RowException(what + " out of range: " + field);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Kea's booleans: {@code 1} or {@code 0}. */
    static boolean bool(String field, String what) throws RowException {
        if (field.equals("1")) {
            return true;
        }
        if (field.equals("0")) {
            return false;
        }
        throw new RowException("invalid " + what + " '" + field + "' (1 or 0)");
    }

    /** The columns of a header line, checked against the known ones: a prefix, possibly followed by more. */
    static int checkHeader(String header, String[] known, int minimum) throws RowException {
        String[] columns = split(header.strip());
        int common = Math.min(columns.length, known.length);
        for (int i = 0; i < common; i++) {
            if (!columns[i].equals(known[i])) {
                throw new RowException("invalid header: column " + (i + 1) + " is '" + columns[i] + "', expected '"
                        + known[i] + "' (header: " + header + ")");
            }
        }
        if (columns.length < minimum) {
            throw new RowException("invalid header: " + columns.length + " columns, expected at least " + minimum
                    + " " + Arrays.toString(Arrays.copyOf(known, minimum)));
        }
        return columns.length;
    }

    /** A row that cannot be read. */
    static final class RowException extends Exception {
        private static final long serialVersionUID = 1L;

        RowException(String message) {
            super(message);
        }
    }
}
