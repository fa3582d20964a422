package org.kea4j.dhcp;

import org.osgi.annotation.versioning.ProviderType;

/** Kea's hex notation for identifiers: lowercase byte pairs joined by {@code :}. */
@ProviderType
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code 01:02:0a}; an empty array gives an empty string. */
    public static String colons(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        char[] out = new char[bytes.length * 3 - 1];
        int j = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out[j++] = ':';
            }
            out[j++] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[j++] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Parses {@code 01:02:0a} (single digits allowed between colons, as Kea writes {@code 1:2:a} in old
     * files), {@code 01-02-0a}, {@code 01 02} or {@code 01020a}.
     *
     * @throws IllegalArgumentException when it is not hex
     */
    public static byte[] parse(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            return new byte[0];
        }
        boolean separated = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '-' || c == ' ') {
                separated = true;
                break;
            }
        }
        if (!separated) {
            int start = 0;
            if (n > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
                start = 2;
            }
            int digits = n - start;
            byte[] out = new byte[(digits + 1) / 2];
            int j = out.length - 1;
            for (int i = n - 1; i >= start; i -= 2) {
                int low = digit(text, i);
                int high = i - 1 >= start ? digit(text, i - 1) : 0;
                out[j--] = (byte) ((high << 4) | low);
            }
            return out;
        }
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '-' || c == ' ') {
                count++;
            }
        }
        byte[] out = new byte[count];
        int value = 0;
        int digitsInGroup = 0;
        int j = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ':';
            if (c == ':' || c == '-' || c == ' ') {
                if (digitsInGroup == 0 || digitsInGroup > 2) {
                    throw new IllegalArgumentException("'" + text + "' is not a valid hex byte sequence");
                }
                out[j++] = (byte) value;
                value = 0;
                digitsInGroup = 0;
            } else {
                value = (value << 4) | digit(text, i);
                digitsInGroup++;
            }
        }
        return out;
    }

    private static int digit(CharSequence text, int i) {
        int d = Character.digit(text.charAt(i), 16);
        if (d < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a valid hex byte sequence");
        }
        return d;
    }
}
