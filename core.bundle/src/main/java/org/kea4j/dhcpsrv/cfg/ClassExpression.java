package org.kea4j.dhcpsrv.cfg;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.Pkt6;

/**
 * A client classification {@code test} in Kea 2.2's expression language, parsed once and evaluated on packets.
 *
 * <p>Terms: string {@code 'text'}, hex {@code 0x0a0b}, IPv4/IPv6 address and integer literals;
 * {@code option[code|name].hex|text|exists} and its {@code .option[sub]}; {@code relay4[sub].hex|text|exists};
 * {@code relay6[nest].option[code].hex|text|exists}, {@code relay6[nest].peeraddr|linkaddr};
 * {@code pkt.iface|src|dst|len}; {@code pkt4.mac|hlen|htype|ciaddr|giaddr|yiaddr|siaddr|msgtype|transid};
 * {@code pkt6.msgtype|transid}; {@code vendor.enterprise}, {@code vendor[e|*].exists},
 * {@code vendor[e].option[code].hex|exists}; {@code vendor-class.enterprise}, {@code vendor-class[e|*].exists},
 * {@code vendor-class[e].data} and {@code .data[i]}; {@code member('class')}, {@code known}, {@code unknown}.
 * Functions: {@code substring}, {@code split}, {@code concat}, {@code ifelse}, {@code hexstring},
 * {@code lcase}, {@code ucase}, {@code addrtotext}, {@code int8totext} ... {@code uint32totext}. Operators:
 * {@code ==}, {@code not}, {@code and}, {@code or}, parentheses. A test must be a condition; anything else is
 * refused with its position. Evaluation errors make the test false, as in Kea. Immutable and thread-safe.
 */
public final class ClassExpression {

    private interface Node {
        byte[] value(Pkt p);
    }

    /** A parsed part: its evaluation and whether it is a condition or a string. */
    private record Part(Node node, boolean condition) {
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];
    private static final Pattern IPV4 = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    private final String text;
    private final Node root;
    private final boolean dependsOnKnown;

    private ClassExpression(String text, Node root, boolean dependsOnKnown) {
        this.text = text;
        this.root = root;
        this.dependsOnKnown = dependsOnKnown;
    }

    /** Parses an expression whose options are named by code only. */
    public static ClassExpression parse(String text) {
        return parse(text, name -> -1);
    }

    /**
     * Parses an expression.
     *
     * @param optionCode the code of an option name of the server's space, or -1 when there is none
     * @throws IllegalArgumentException naming the position and what is wrong or not supported
     */
    public static ClassExpression parse(String text, ToIntFunction<String> optionCode) {
        Parser parser = new Parser(text, optionCode);
        Part root = parser.or();
        parser.expectEnd();
        if (!root.condition()) {
            throw parser.error("a class test must be a condition (==, member, exists, not, and, or)");
        }
        return new ClassExpression(text, root.node(), parser.dependsOnKnown);
    }

    /** Whether the packet matches; an evaluation error (such as a malformed option) does not match. */
    public boolean matches(Pkt packet) {
        try {
            return Arrays.equals(TRUE, root.value(packet));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the test reads {@code KNOWN} / {@code UNKNOWN}: evaluated after the reservation lookup. */
    public boolean dependsOnKnown() {
        return dependsOnKnown;
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    private static boolean isTrue(byte[] v) {
        return Arrays.equals(TRUE, v);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] orEmpty(byte[] v) {
        return v == null ? EMPTY : v;
    }

    private static byte[] uint32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    // ------------------------------------------------------------------ what terms read from a packet

    private static byte[] optionData(Pkt p, int code) {
        Option o = p instanceof Pkt4 p4 ? p4.getOption(code) : ((Pkt6) p).getOption(code);
        return o == null ? null : o.data();
    }

    /** The sub-options of an option payload, in the packet's universe; {@code from} skips a header. */
    private static List<Option> subOptions(Pkt p, byte[] data, int from) {
        List<Option> out = new ArrayList<>();
        if (p instanceof Pkt6) {
            for (int i = from; i + 4 <= data.length; ) {
                int code = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
                int len = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
                if (i + 4 + len > data.length) {
                    throw new IllegalStateException("truncated sub-option " + code);
                }
                out.add(new Option(code, Arrays.copyOfRange(data, i + 4, i + 4 + len)));
                i += 4 + len;
            }
            return out;
        }
        for (int i = from; i < data.length; ) {
            int code = data[i] & 0xFF;
            if (code == 0 || code == 255) {
                i++;
                continue;
            }
            if (i + 1 >= data.length || i + 2 + (data[i + 1] & 0xFF) > data.length) {
                throw new IllegalStateException("truncated sub-option " + code);
            }
            int len = data[i + 1] & 0xFF;
            out.add(new Option(code, Arrays.copyOfRange(data, i + 2, i + 2 + len)));
            i += 2 + len;
        }
        return out;
    }

    private static byte[] subOption(Pkt p, byte[] data, int from, int code) {
        if (data == null) {
            return null;
        }
        for (Option o : subOptions(p, data, from)) {
            if (o.code() == code) {
                return o.data();
            }
        }
        return null;
    }

    /** Vendor blocks of option 125 (v4) or 17 (v6): enterprise, then sub-option payload (v6: one block). */
    private record VendorBlock(long enterprise, byte[] payload) {
    }

    private static List<VendorBlock> vendorBlocks(Pkt p) {
        List<VendorBlock> out = new ArrayList<>();
        if (p instanceof Pkt6 p6) {
            for (Option o : p6.getOptions(Options6.VENDOR_OPTS)) {
                byte[] d = o.data();
                if (d.length >= 4) {
                    out.add(new VendorBlock(u32(d, 0), Arrays.copyOfRange(d, 4, d.length)));
                }
            }
            return out;
        }
        byte[] d = optionData(p, 125);
        for (int i = 0; d != null && i + 5 <= d.length; ) {
            int len = d[i + 4] & 0xFF;
            int end = Math.min(d.length, i + 5 + len);
            out.add(new VendorBlock(u32(d, i), Arrays.copyOfRange(d, i + 5, end)));
            i = end;
        }
        return out;
    }

    /** The vendor class option (124 / 16): enterprise and its data tuples, or null. */
    private record VendorClass(long enterprise, List<byte[]> tuples) {
    }

    private static VendorClass vendorClass(Pkt p) {
        boolean v6 = p instanceof Pkt6;
        byte[] d = optionData(p, v6 ? 16 : 124);
        if (d == null || d.length < 4) {
            return null;
        }
        List<byte[]> tuples = new ArrayList<>();
        int i = v6 ? 4 : 5; // v4: enterprise, data-len, then tuples
        int lengthSize = v6 ? 2 : 1;
        while (i + lengthSize <= d.length) {
            int len = v6 ? ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF) : d[i] & 0xFF;
            int start = i + lengthSize;
            int end = Math.min(d.length, start + len);
            tuples.add(Arrays.copyOfRange(d, start, end));
            i = end;
        }
        return new VendorClass(u32(d, 0), tuples);
    }

    private static long u32(byte[] d, int at) {
        return ((long) (d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8)
                | (d[at + 3] & 0xFF);
    }

    private static Pkt6.RelayInfo relay(Pkt p, int nest) {
        if (!(p instanceof Pkt6 p6)) {
            return null;
        }
        List<Pkt6.RelayInfo> relays = p6.relays();
        int index = nest >= 0 ? nest : relays.size() + nest;
        return index >= 0 && index < relays.size() ? relays.get(index) : null;
    }

    private static byte[] field(Pkt p, String prefix, String name) {
        if (prefix.equals("pkt")) {
            return switch (name) {
                case "iface" -> text(p.iface() == null ? "" : p.iface());
                case "src" -> p.remoteAddress() == null ? EMPTY : p.remoteAddress().getAddress();
                case "dst" -> p.localAddress() == null ? EMPTY : p.localAddress().getAddress();
                case "len" -> uint32(p.rawData() == null ? 0 : p.rawData().length);
                default -> throw new IllegalStateException(name);
            };
        }
        if (prefix.equals("pkt4")) {
            if (!(p instanceof Pkt4 p4)) {
                return EMPTY;
            }
            return switch (name) {
                case "mac" -> p4.hwaddrBytes();
                case "hlen" -> uint32(p4.hlen());
                case "htype" -> uint32(p4.htype());
                case "ciaddr" -> p4.ciaddr().getAddress();
                case "giaddr" -> p4.giaddr().getAddress();
                case "yiaddr" -> p4.yiaddr().getAddress();
                case "siaddr" -> p4.siaddr().getAddress();
                case "msgtype" -> uint32(p4.getType());
                case "transid" -> uint32(p4.transid());
                default -> throw new IllegalStateException(name);
            };
        }
        if (!(p instanceof Pkt6 p6)) {
            return EMPTY;
        }
        return name.equals("msgtype") ? uint32(p6.getType()) : uint32(p6.transid());
    }

    // ------------------------------------------------------------------ parsing

    private static final class Parser {
        private final String s;
        private final ToIntFunction<String> optionCode;
        private int i;
        boolean dependsOnKnown;

        Parser(String s, ToIntFunction<String> optionCode) {
            this.s = s;
            this.optionCode = optionCode;
        }

        IllegalArgumentException error(String what) {
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
            return !word || end >= s.length() || !(Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-'
                    || s.charAt(end) == '_');
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

        private Node condition(Part p) {
            if (!p.condition()) {
                throw error("a condition is expected here, not a string");
            }
            return p.node();
        }

        private Node string(Part p) {
            if (p.condition()) {
                throw error("a string is expected here, not a condition");
            }
            return p.node();
        }

        Part or() {
            Part left = and();
            while (accept("or")) {
                Node a = condition(left);
                Node b = condition(and());
                left = new Part(p -> bool(isTrue(a.value(p)) || isTrue(b.value(p))), true);
            }
            return left;
        }

        Part and() {
            Part left = not();
            while (accept("and")) {
                Node a = condition(left);
                Node b = condition(not());
                left = new Part(p -> bool(isTrue(a.value(p)) && isTrue(b.value(p))), true);
            }
            return left;
        }

        /** Nesting (parentheses, function arguments, not) deeper than this is refused: the parser recurses. */
        private static final int MAX_DEPTH = 100;
        private int depth;

        private void deeper() {
            if (++depth > MAX_DEPTH) {
                throw error("expression nested more than " + MAX_DEPTH + " levels deep");
            }
        }

        Part not() {
            deeper();
            try {
                return notUnlimited();
            } finally {
                depth--;
            }
        }

        private Part notUnlimited() {
            if (accept("not")) {
                Node inner = condition(not());
                return new Part(p -> bool(!isTrue(inner.value(p))), true);
            }
            Part left = term();
            if (accept("==")) {
                Node a = string(left);
                Node b = string(term());
                return new Part(p -> bool(Arrays.equals(a.value(p), b.value(p))), true);
            }
            return left;
        }

        private static Part str(Node n) {
            return new Part(n, false);
        }

        private static Part cond(Node n) {
            return new Part(n, true);
        }

        Part term() {
            deeper();
            try {
                return termUnlimited();
            } finally {
                depth--;
            }
        }

        private Part termUnlimited() {
            skipSpace();
            if (i >= s.length()) {
                throw error("expression ends too early");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Part inner = or();
                expect(")");
                return inner;
            }
            if (c == '\'') {
                byte[] v = text(quoted());
                return str(p -> v);
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
                return str(p -> v);
            }
            Part address = addressLiteral();
            if (address != null) {
                return address;
            }
            if (Character.isDigit(c)) {
                int end = i;
                while (end < s.length() && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                byte[] v = s.substring(i, end).getBytes(StandardCharsets.US_ASCII);
                i = end;
                return str(p -> v);
            }
            String word = word();
            return switch (word) {
                case "option" -> option();
                case "relay4" -> relay4();
                case "relay6" -> relay6();
                case "pkt", "pkt4", "pkt6" -> packetField(word);
                case "vendor" -> vendor();
                case "vendor-class" -> vendorClassTerm();
                case "member" -> member();
                case "known", "unknown" -> {
                    dependsOnKnown = true;
                    boolean known = word.equals("known");
                    yield cond(p -> bool(p.inClass("KNOWN") == known));
                }
                case "substring" -> substring();
                case "split" -> split();
                case "concat" -> {
                    Node[] args = strings(2);
                    yield str(p -> concat(args[0].value(p), args[1].value(p)));
                }
                case "ifelse" -> ifelse();
                case "hexstring" -> {
                    Node[] args = strings(2);
                    yield str(p -> hexstring(args[0].value(p), new String(args[1].value(p), StandardCharsets.UTF_8)));
                }
                case "lcase", "ucase" -> {
                    Node inner = strings(1)[0];
                    boolean lower = word.equals("lcase");
                    yield str(p -> {
                        String t = new String(inner.value(p), StandardCharsets.ISO_8859_1);
                        return (lower ? t.toLowerCase(Locale.ROOT) : t.toUpperCase(Locale.ROOT))
                                .getBytes(StandardCharsets.ISO_8859_1);
                    });
                }
                case "addrtotext" -> {
                    Node inner = strings(1)[0];
                    yield str(p -> addrToText(inner.value(p)));
                }
                case "int8totext", "int16totext", "int32totext", "uint8totext", "uint16totext", "uint32totext" -> {
                    Node inner = strings(1)[0];
                    boolean signed = word.charAt(0) == 'i';
                    int size = Integer.parseInt(word.replaceAll("[^0-9]", "")) / 8;
                    yield str(p -> intToText(inner.value(p), size, signed));
                }
                default -> {
                    i -= word.length();
                    throw error("'" + word + "' is not a term of Kea's expression language");
                }
            };
        }

        private Part addressLiteral() {
            int end = i;
            while (end < s.length() && (Character.digit(s.charAt(end), 16) >= 0 || s.charAt(end) == '.'
                    || s.charAt(end) == ':')) {
                end++;
            }
            String candidate = s.substring(i, end);
            boolean v4 = IPV4.matcher(candidate).matches();
            if (!v4 && !(IPV6.matcher(candidate).matches() && candidate.indexOf(':') != candidate.lastIndexOf(':'))) {
                return null;
            }
            if (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-')) {
                return null;
            }
            byte[] v;
            try {
                v = InetAddress.getByName(candidate).getAddress();
            } catch (UnknownHostException e) {
                throw error("'" + candidate + "' is not an IP address");
            }
            i = end;
            return str(p -> v);
        }

        private String quoted() {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '\'') {
                throw error("expected a string in quotes");
            }
            int end = s.indexOf('\'', i + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String v = s.substring(i + 1, end);
            i = end + 1;
            return v;
        }

        private Node[] strings(int count) {
            expect("(");
            Node[] out = new Node[count];
            for (int k = 0; k < count; k++) {
                if (k > 0) {
                    expect(",");
                }
                out[k] = string(or());
            }
            expect(")");
            return out;
        }

        /** {@code [code]} or {@code [name]}: an option code of the server's space. */
        private int optionIndex() {
            expect("[");
            skipSpace();
            int code;
            if (i < s.length() && Character.isDigit(s.charAt(i))) {
                code = integer();
            } else {
                String name = word();
                code = optionCode.applyAsInt(name);
                if (code < 0) {
                    i -= name.length();
                    throw error("option '" + name + "' is not defined");
                }
            }
            expect("]");
            return code;
        }

        private int index() {
            expect("[");
            int n = integer();
            expect("]");
            return n;
        }

        /** {@code .hex}, {@code .text} or {@code .exists} of what {@code read} finds (null: absent). */
        private Part representation(Node read, boolean allowText) {
            expect(".");
            String what = word();
            return switch (what) {
                case "hex" -> str(p -> orEmpty(read.value(p)));
                case "text" -> {
                    if (!allowText) {
                        i -= what.length();
                        throw error("'.text' is not available here (hex or exists)");
                    }
                    yield str(p -> orEmpty(read.value(p)));
                }
                case "exists" -> cond(p -> bool(read.value(p) != null));
                default -> {
                    i -= what.length();
                    throw error("'." + what + "' is not a representation (hex, text or exists)");
                }
            };
        }

        private Part option() {
            int code = optionIndex();
            if (peek(".") && s.startsWith("option", nextWordAfterDot())) {
                expect(".");
                expect("option");
                int sub = index();
                return representation(p -> subOption(p, optionData(p, code), 0, sub), true);
            }
            return representation(p -> optionData(p, code), true);
        }

        private int nextWordAfterDot() {
            int k = i + 1;
            while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            return k;
        }

        private Part relay4() {
            int code = index();
            return representation(p -> {
                if (!(p instanceof Pkt4)) {
                    return null;
                }
                return subOption(p, optionData(p, 82), 0, code);
            }, true);
        }

        private Part relay6() {
            int nest = index();
            expect(".");
            String what = word();
            switch (what) {
                case "option" -> {
                    int code = index();
                    return representation(p -> {
                        Pkt6.RelayInfo r = relay(p, nest);
                        Option o = r == null ? null : r.getOption(code);
                        return o == null ? null : o.data();
                    }, true);
                }
                case "peeraddr", "linkaddr" -> {
                    boolean peer = what.equals("peeraddr");
                    return str(p -> {
                        Pkt6.RelayInfo r = relay(p, nest);
                        return r == null ? EMPTY : (peer ? r.peerAddress() : r.linkAddress()).getAddress();
                    });
                }
                default -> {
                    i -= what.length();
                    throw error("'relay6[" + nest + "]." + what + "' is not a term (option, peeraddr, linkaddr)");
                }
            }
        }

        private Part packetField(String prefix) {
            expect(".");
            String name = word();
            List<String> known = switch (prefix) {
                case "pkt" -> List.of("iface", "src", "dst", "len");
                case "pkt4" -> List.of("mac", "hlen", "htype", "ciaddr", "giaddr", "yiaddr", "siaddr", "msgtype",
                        "transid");
                default -> List.of("msgtype", "transid");
            };
            if (!known.contains(name)) {
                i -= name.length();
                throw error("'" + prefix + "." + name + "' is not a packet field (" + String.join(", ", known) + ")");
            }
            return str(p -> field(p, prefix, name));
        }

        /** {@code [e]} or {@code [*]}: an enterprise number, -1 for any. */
        private long enterprise() {
            expect("[");
            long e;
            if (accept("*")) {
                e = -1;
            } else {
                e = integer();
            }
            expect("]");
            return e;
        }

        private Part vendor() {
            if (accept(".")) {
                expect("enterprise");
                return str(p -> {
                    List<VendorBlock> blocks = vendorBlocks(p);
                    return blocks.isEmpty() ? EMPTY : uint32(blocks.get(0).enterprise());
                });
            }
            long e = enterprise();
            expect(".");
            if (accept("exists")) {
                return cond(p -> bool(block(p, e) != null));
            }
            expect("option");
            int code = index();
            Part r = representation(p -> {
                VendorBlock b = block(p, e);
                return b == null ? null : subOption(p, b.payload(), 0, code);
            }, false);
            return r;
        }

        private static VendorBlock block(Pkt p, long enterprise) {
            for (VendorBlock b : vendorBlocks(p)) {
                if (enterprise < 0 || b.enterprise() == enterprise) {
                    return b;
                }
            }
            return null;
        }

        private Part vendorClassTerm() {
            if (accept(".")) {
                expect("enterprise");
                return str(p -> {
                    VendorClass v = vendorClass(p);
                    return v == null ? EMPTY : uint32(v.enterprise());
                });
            }
            long e = enterprise();
            expect(".");
            if (accept("exists")) {
                return cond(p -> {
                    VendorClass v = vendorClass(p);
                    return bool(v != null && (e < 0 || v.enterprise() == e));
                });
            }
            expect("data");
            int index = peek("[") ? index() : 0;
            return str(p -> {
                VendorClass v = vendorClass(p);
                if (v == null || (e >= 0 && v.enterprise() != e) || index >= v.tuples().size()) {
                    return EMPTY;
                }
                return v.tuples().get(index);
            });
        }

        private Part member() {
            expect("(");
            String name = quoted();
            expect(")");
            if (name.equals("KNOWN") || name.equals("UNKNOWN")) {
                dependsOnKnown = true;
            }
            return cond(p -> bool(name.equals("ALL") || p.inClass(name)));
        }

        private Part substring() {
            expect("(");
            Node from = string(or());
            expect(",");
            int start = integer();
            expect(",");
            int length = accept("'all'") ? Integer.MAX_VALUE : integer();
            expect(")");
            return str(p -> {
                byte[] v = from.value(p);
                int a = start < 0 ? v.length + start : start;
                if (a < 0 || a >= v.length) {
                    return EMPTY; // Kea: a start outside the string gives the empty string
                }
                int b;
                if (length < 0) {
                    b = a;
                    a = Math.max(0, a + length);
                } else {
                    b = (int) Math.min((long) a + length, v.length);
                }
                return Arrays.copyOfRange(v, a, b);
            });
        }

        private Part split() {
            expect("(");
            Node from = string(or());
            expect(",");
            Node delimiters = string(or());
            expect(",");
            int field = integer();
            expect(")");
            return str(p -> {
                String value = new String(from.value(p), StandardCharsets.ISO_8859_1);
                String delims = new String(delimiters.value(p), StandardCharsets.ISO_8859_1);
                if (field < 1 || delims.isEmpty()) {
                    return field == 1 && delims.isEmpty() ? from.value(p) : EMPTY;
                }
                List<String> fields = new ArrayList<>();
                int startAt = 0;
                for (int k = 0; k < value.length(); k++) {
                    if (delims.indexOf(value.charAt(k)) >= 0) {
                        fields.add(value.substring(startAt, k));
                        startAt = k + 1;
                    }
                }
                fields.add(value.substring(startAt));
                return field > fields.size() ? EMPTY : fields.get(field - 1).getBytes(StandardCharsets.ISO_8859_1);
            });
        }

        private Part ifelse() {
            expect("(");
            Node test = condition(or());
            expect(",");
            Node then = string(or());
            expect(",");
            Node otherwise = string(or());
            expect(")");
            return str(p -> isTrue(test.value(p)) ? then.value(p) : otherwise.value(p));
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
            try {
                return Integer.parseInt(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("number out of range");
            }
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

    // ------------------------------------------------------------------ functions

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static byte[] hexstring(byte[] v, String separator) {
        List<String> parts = new ArrayList<>();
        for (byte b : v) {
            parts.add(String.format("%02x", b & 0xFF));
        }
        return text(String.join(separator, parts));
    }

    private static byte[] addrToText(byte[] v) {
        if (v.length == 0) {
            return EMPTY;
        }
        if (v.length != 4 && v.length != 16) {
            throw new IllegalStateException("addrtotext of " + v.length + " bytes");
        }
        try {
            return text(org.kea4j.dhcpsrv.Addresses.format(InetAddress.getByAddress(v)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] intToText(byte[] v, int size, boolean signed) {
        if (v.length == 0) {
            return EMPTY;
        }
        if (v.length != size) {
            throw new IllegalStateException("expected " + size + " bytes, got " + v.length);
        }
        long n = 0;
        for (byte b : v) {
            n = (n << 8) | (b & 0xFF);
        }
        if (signed && (v[0] & 0x80) != 0) {
            n -= 1L << (8 * size);
        }
        return text(Long.toString(n));
    }
}
