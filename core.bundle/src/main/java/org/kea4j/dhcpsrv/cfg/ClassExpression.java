package org.kea4j.dhcpsrv.cfg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client classification {@code test} in Kea's expression language, the part of it kea4j evaluates:
 * literals ({@code 'text'}, {@code 0x0a0b}, integers), {@code option[N].hex|text|exists},
 * {@code relay4[N].hex|text|exists}, {@code pkt4.mac|hlen|htype|ciaddr|giaddr|yiaddr|siaddr|msgtype|transid},
 * {@code pkt6.msgtype|transid}, {@code substring(v, start, length|'all')}, {@code concat(a, b)},
 * {@code lcase(v)}, {@code ucase(v)}, {@code hexstring(v, 'sep')}, {@code member('class')}, {@code ==},
 * {@code not}, {@code and}, {@code or} and parentheses. Anything else is refused when the configuration is
 * parsed, naming what is not supported. Immutable and thread-safe.
 */
public final class ClassExpression {

    /** What an expression reads from a packet. */
    public interface Packet {
        /** The payload of an option of the packet, or null. */
        byte[] option(int code);

        /** The payload of a relay agent information (82) sub-option, or null (always null for DHCPv6). */
        byte[] relay4(int code);

        /** A packet field by name ({@code mac}, {@code msgtype} ...), or null when the packet has none. */
        byte[] field(String name);

        /** Whether the packet is already in a class. */
        boolean member(String className);
    }

    private interface Node {
        byte[] value(Packet p);
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> PKT4_FIELDS = Set.of("mac", "hlen", "htype", "ciaddr", "giaddr", "yiaddr",
            "siaddr", "msgtype", "transid");
    private static final Set<String> PKT6_FIELDS = Set.of("msgtype", "transid");

    private final String text;
    private final Node root;

    private ClassExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the position and what is wrong or not supported
     */
    public static ClassExpression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.or();
        parser.expectEnd();
        return new ClassExpression(text, root);
    }

    /** Whether the packet matches (the expression's value is the string {@code true}). */
    public boolean matches(Packet packet) {
        try {
            return Arrays.equals(TRUE, root.value(packet));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    // ------------------------------------------------------------------ parsing

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at position " + (i + 1) + " of '" + s + "'");
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(String token) {
            skipSpace();
            if (!s.startsWith(token, i)) {
                return false;
            }
            int end = i + token.length();
            boolean word = Character.isLetter(token.charAt(token.length() - 1));
            return !word || end >= s.length() || !(Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-');
        }

        private boolean accept(String token) {
            if (peek(token)) {
                i += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw error("expected '" + token + "'");
            }
        }

        void expectEnd() {
            skipSpace();
            if (i < s.length()) {
                throw error("unexpected '" + s.substring(i) + "'");
            }
        }

        Node or() {
            Node left = and();
            while (accept("or")) {
                Node a = left;
                Node b = and();
                left = p -> bool(Arrays.equals(TRUE, a.value(p)) || Arrays.equals(TRUE, b.value(p)));
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (accept("and")) {
                Node a = left;
                Node b = not();
                left = p -> bool(Arrays.equals(TRUE, a.value(p)) && Arrays.equals(TRUE, b.value(p)));
            }
            return left;
        }

        Node not() {
            if (accept("not")) {
                Node inner = not();
                return p -> bool(!Arrays.equals(TRUE, inner.value(p)));
            }
            Node left = value();
            if (accept("==")) {
                Node right = value();
                return p -> bool(Arrays.equals(left.value(p), right.value(p)));
            }
            return left;
        }

        Node value() {
            skipSpace();
            if (i >= s.length()) {
                throw error("expression ends too early");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Node inner = or();
                expect(")");
                return inner;
            }
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                byte[] v = s.substring(i + 1, end).getBytes(StandardCharsets.UTF_8);
                i = end + 1;
                return p -> v;
            }
            if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
                int start = i + 2;
                int end = start;
                while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
                    end++;
                }
                String hex = s.substring(start, end);
                byte[] v = HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
                i = end;
                return p -> v;
            }
            if (Character.isDigit(c)) {
                int end = i;
                while (end < s.length() && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                byte[] v = s.substring(i, end).getBytes(StandardCharsets.US_ASCII);
                i = end;
                return p -> v;
            }
            if (accept("option")) {
                int code = index();
                return accessor(code, false);
            }
            if (accept("relay4")) {
                int code = index();
                return accessor(code, true);
            }
            if (accept("pkt4") || accept("pkt6")) {
                boolean v4 = s.startsWith("pkt4", i - 4);
                expect(".");
                String field = word();
                if (!(v4 ? PKT4_FIELDS : PKT6_FIELDS).contains(field)) {
                    throw error("pkt" + (v4 ? "4" : "6") + "." + field + " is not supported by kea4j");
                }
                return p -> {
                    byte[] v = p.field(field);
                    return v == null ? new byte[0] : v;
                };
            }
            if (accept("substring")) {
                expect("(");
                Node from = or();
                expect(",");
                int start = integer();
                expect(",");
                int length = accept("'all'") ? Integer.MAX_VALUE : integer();
                expect(")");
                return p -> {
                    byte[] v = from.value(p);
                    int a = start < 0 ? Math.max(0, v.length + start) : Math.min(start, v.length);
                    int b = (int) Math.min((long) a + length, v.length);
                    return Arrays.copyOfRange(v, a, b);
                };
            }
            if (accept("concat")) {
                expect("(");
                Node a = or();
                expect(",");
                Node b = or();
                expect(")");
                return p -> {
                    byte[] x = a.value(p);
                    byte[] y = b.value(p);
                    byte[] out = Arrays.copyOf(x, x.length + y.length);
                    System.arraycopy(y, 0, out, x.length, y.length);
                    return out;
                };
            }
            if (accept("lcase") || accept("ucase")) {
                boolean lower = s.startsWith("lcase", i - 5);
                expect("(");
                Node inner = or();
                expect(")");
                return p -> {
                    String t = new String(inner.value(p), StandardCharsets.ISO_8859_1);
                    return (lower ? t.toLowerCase(Locale.ROOT) : t.toUpperCase(Locale.ROOT))
                            .getBytes(StandardCharsets.ISO_8859_1);
                };
            }
            if (accept("hexstring")) {
                expect("(");
                Node inner = or();
                expect(",");
                Node separator = value();
                expect(")");
                return p -> {
                    String sep = new String(separator.value(p), StandardCharsets.UTF_8);
                    List<String> parts = new ArrayList<>();
                    for (byte b : inner.value(p)) {
                        parts.add(String.format("%02x", b & 0xFF));
                    }
                    return String.join(sep, parts).getBytes(StandardCharsets.UTF_8);
                };
            }
            if (accept("member")) {
                expect("(");
                skipSpace();
                if (i >= s.length() || s.charAt(i) != '\'') {
                    throw error("member() takes a class name in quotes");
                }
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String name = s.substring(i + 1, end);
                i = end + 1;
                expect(")");
                return p -> bool(p.member(name));
            }
            if (accept("true")) {
                return p -> TRUE;
            }
            if (accept("false")) {
                return p -> FALSE;
            }
            throw error("'" + word() + "' is not supported by kea4j's expression evaluator");
        }

        private Node accessor(int code, boolean relay) {
            expect(".");
            String what = word();
            return switch (what) {
                case "hex" -> p -> {
                    byte[] v = relay ? p.relay4(code) : p.option(code);
                    return v == null ? new byte[0] : v;
                };
                case "text" -> p -> {
                    byte[] v = relay ? p.relay4(code) : p.option(code);
                    return v == null ? new byte[0] : v;
                };
                case "exists" -> p -> bool((relay ? p.relay4(code) : p.option(code)) != null);
                default -> throw error("." + what + " is not supported by kea4j (hex, text or exists)");
            };
        }

        private int index() {
            expect("[");
            int code = integer();
            expect("]");
            return code;
        }

        private int integer() {
            skipSpace();
            int start = i;
            if (i < s.length() && s.charAt(i) == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || (i == start + 1 && s.charAt(start) == '-')) {
                throw error("expected a number");
            }
            return Integer.parseInt(s.substring(start, i));
        }

        private String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                    || s.charAt(i) == '_')) {
                i++;
            }
            if (start == i) {
                throw error("unexpected '" + (i < s.length() ? s.charAt(i) : "end") + "'");
            }
            return s.substring(start, i);
        }
    }
}
