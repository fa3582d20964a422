package org.kea4j.dhcp;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The format of an option: its name, code, space and data type (a single value, an array of values or a
 * record of fields), and the space of the sub-options it encapsulates. Converts between the text of
 * {@code option-data} and the wire payload, both ways. Immutable.
 */
@ProviderType
public final class OptionDefinition {

    private final String name;
    private final int code;
    private final String space;
    private final OptionDataType type;
    private final boolean array;
    private final List<OptionDataType> recordFields;
    private final String encapsulate;

    public OptionDefinition(String name, int code, String space, OptionDataType type, boolean array, List<OptionDataType> recordFields, String encapsulate) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        recordFields = List.copyOf(recordFields);
        encapsulate = encapsulate == null ? "" : encapsulate;
        if (type == OptionDataType.RECORD && recordFields.isEmpty()) {
            throw new IllegalArgumentException("a record option needs record fields");
        }
        this.name = name;
        this.code = code;
        this.space = space;
        this.type = type;
        this.array = array;
        this.recordFields = recordFields;
        this.encapsulate = encapsulate;
    }

    /** A definition of a single value or an array. */
    public static OptionDefinition of(String name, int code, String space, OptionDataType type, boolean array) {
        return new OptionDefinition(name, code, space, type, array, List.of(), "");
    }

    /** A definition of a record. */
    public static OptionDefinition record(String name, int code, String space, boolean array, OptionDataType... fields) {
        return new OptionDefinition(name, code, space, OptionDataType.RECORD, array, List.of(fields), "");
    }

    /** The same definition encapsulating {@code subSpace}. */
    public OptionDefinition encapsulating(String subSpace) {
        return new OptionDefinition(name, code, space, type, array, recordFields, subSpace);
    }

    private List<OptionDataType> fields() {
        return type == OptionDataType.RECORD ? recordFields : List.of(type);
    }

    // ------------------------------------------------------------------ text to wire

    /**
     * Encodes {@code option-data}'s {@code data} in CSV form: comma-separated values, {@code \,} for a
     * literal comma.
     *
     * @throws IllegalArgumentException with the reason when a value does not fit its type
     */
    public byte[] encodeCsv(String data, boolean v6) {
        List<OptionDataType> fields = fields();
        List<String> values;
        if (fields.size() == 1 && !array && (type == OptionDataType.STRING || type == OptionDataType.FQDN)) {
            values = List.of(data.replace("\\,", ","));
        } else {
            values = data.isEmpty() ? List.of() : splitCsv(data);
        }
        if (type == OptionDataType.EMPTY) {
            if (!data.isBlank()) {
                throw new IllegalArgumentException("option " + name + " carries no data, but data '" + data
                        + "' was given");
            }
            return new byte[0];
        }
        if (values.isEmpty() && (type == OptionDataType.BINARY || type == OptionDataType.INTERNAL)) {
            return new byte[0];
        }
        if (values.size() < fields.size()) {
            throw new IllegalArgumentException("option " + name + " needs " + fields.size() + " value(s) ("
                    + typeNames() + "), " + values.size() + " given");
        }
        if (values.size() > fields.size() && !array && type == OptionDataType.RECORD) {
            values = values.subList(0, fields.size()); // Kea writes a record's fields and ignores what follows
        }
        if (values.size() > fields.size() && !array) {
            throw new IllegalArgumentException("option " + name + " takes " + fields.size() + " value(s) ("
                    + typeNames() + "), " + values.size() + " given");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < values.size(); i++) {
            OptionDataType field = i < fields.size() ? fields.get(i) : fields.get(fields.size() - 1);
            encodeValue(field, values.get(i).trim(), out, v6);
        }
        return out.toByteArray();
    }

    private String typeNames() {
        List<String> names = new ArrayList<>();
        for (OptionDataType t : fields()) {
            names.add(t.keaName());
        }
        return String.join(", ", names) + (array ? ", ..." : "");
    }

    static List<String> splitCsv(String data) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\' && i + 1 < data.length() && data.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private void encodeValue(OptionDataType field, String value, ByteArrayOutputStream out, boolean v6) {
        switch (field) {
            case BOOLEAN -> out.write(parseBoolean(value) ? 1 : 0);
            case INT8 -> out.write((int) parseInteger(value, -128, 127));
            case UINT8 -> out.write((int) parseInteger(value, 0, 255));
            case INT16 -> writeN(out, parseInteger(value, -32768, 32767), 2);
            case UINT16 -> writeN(out, parseInteger(value, 0, 65535), 2);
            case INT32 -> writeN(out, parseInteger(value, Integer.MIN_VALUE, Integer.MAX_VALUE), 4);
            case UINT32 -> writeN(out, parseInteger(value, 0, 0xFFFF_FFFFL), 4);
            case IPV4_ADDRESS -> out.writeBytes(parseAddress(value, false).getAddress());
            case IPV6_ADDRESS -> out.writeBytes(parseAddress(value, true).getAddress());
            case IPV6_PREFIX -> {
                int slash = value.indexOf('/');
                if (slash < 0) {
                    throw new IllegalArgumentException("'" + value + "' is not an IPv6 prefix (address/length)");
                }
                int length = (int) parseInteger(value.substring(slash + 1), 0, 128);
                out.write(length);
                out.writeBytes(parseAddress(value.substring(0, slash), true).getAddress());
            }
            case PSID -> {
                int slash = value.indexOf('/');
                if (slash < 0) {
                    throw new IllegalArgumentException("'" + value + "' is not a PSID (psid/psid-len, as Kea)");
                }
                long psid = parseInteger(value.substring(0, slash).strip(), 0, 65535);
                int length = (int) parseInteger(value.substring(slash + 1).strip(), 0, 16);
                if (length < 16 && psid >= (1L << length)) {
                    throw new IllegalArgumentException("PSID " + psid + " does not fit in " + length + " bits");
                }
                out.write(length);
                writeN(out, length == 0 ? 0 : psid << (16 - length), 2);
            }
            case STRING -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("option " + name + ": a string value must not be empty");
                }
                out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            }
            case FQDN -> out.writeBytes(encodeName(value));
            case TUPLE -> {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                if (v6) {
                    writeN(out, bytes.length, 2);
                } else {
                    if (bytes.length > 255) {
                        throw new IllegalArgumentException("tuple '" + value + "' is longer than 255 bytes");
                    }
                    out.write(bytes.length);
                }
                out.writeBytes(bytes);
            }
            case BINARY, INTERNAL -> out.writeBytes(parseHex(value));
            default -> throw new IllegalArgumentException("type " + field.keaName() + " cannot hold a value");
        }
    }

    /** Parses option data in hex form ({@code 0a0b}, {@code 0a:0b}, {@code 0x0a0b}, {@code 0a 0b}). */
    public static byte[] parseHex(String value) {
        String t = value.trim();
        if (t.isEmpty()) {
            return new byte[0];
        }
        try {
            return Hex.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not valid hex data");
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not a boolean (true, false, 1, 0)");
        };
    }

    private static long parseInteger(String value, long min, long max) {
        long v;
        try {
            v = value.startsWith("0x") || value.startsWith("0X") ? Long.parseLong(value.substring(2), 16)
                    : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an integer");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("value " + v + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    private static void writeN(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >> (8 * i)));
        }
    }

    private static InetAddress parseAddress(String value, boolean v6) {
        boolean looksV6 = value.indexOf(':') >= 0;
        if (looksV6 != v6 || value.isEmpty() || (!v6 && !value.matches("\\d{1,3}(\\.\\d{1,3}){3}"))
                || (v6 && !value.matches("[0-9A-Fa-f:.]+"))) {
            throw new IllegalArgumentException("'" + value + "' is not an IPv" + (v6 ? "6" : "4") + " address");
        }
        try {
            InetAddress a = InetAddress.getByName(value);
            if (v6 && a instanceof Inet4Address) {
                throw new IllegalArgumentException("'" + value + "' is not an IPv6 address");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IPv" + (v6 ? "6" : "4") + " address");
        }
    }

    /** Encodes a domain name in DNS wire form (RFC 1035 labels, ending with the root label). */
    public static byte[] encodeName(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length == 0 || bytes.length > 63) {
                    throw new IllegalArgumentException("'" + name + "' is not a valid domain name");
                }
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        out.write(0);
        if (out.size() > 255) {
            throw new IllegalArgumentException("domain name '" + name + "' is longer than 255 bytes");
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ wire to text

    /**
     * Renders a payload as CSV text, the inverse of {@link #encodeCsv}; binary as hex.
     *
     * @throws IllegalArgumentException when the payload does not fit the definition
     */
    public String decodeToCsv(byte[] payload, boolean v6) {
        if (type == OptionDataType.EMPTY) {
            return "";
        }
        List<OptionDataType> fields = fields();
        List<String> values = new ArrayList<>();
        int[] pos = {0};
        int i = 0;
        while (pos[0] < payload.length || i < fields.size()) {
            if (i >= fields.size() && !array) {
                throw new IllegalArgumentException("option " + name + " has " + (payload.length - pos[0])
                        + " trailing bytes");
            }
            OptionDataType field = i < fields.size() ? fields.get(i) : fields.get(fields.size() - 1);
            if (pos[0] >= payload.length && (field == OptionDataType.BINARY || field == OptionDataType.INTERNAL)
                    && i == fields.size() - 1) {
                values.add("");
                break;
            }
            values.add(decodeValue(field, payload, pos, v6, i == fields.size() - 1 && !array));
            i++;
        }
        List<String> escaped = new ArrayList<>();
        for (String v : values) {
            escaped.add(v.replace(",", "\\,"));
        }
        return String.join(", ", escaped);
    }

    /** Whether the payload fits the definition (the parser's check of received options). */
    public boolean accepts(byte[] payload, boolean v6) {
        try {
            decodeToCsv(payload, v6);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String decodeValue(OptionDataType field, byte[] p, int[] pos, boolean v6, boolean last) {
        int at = pos[0];
        int size = field.size();
        if (size > 0 && at + size > p.length) {
            throw new IllegalArgumentException("option " + name + " is truncated: " + field.keaName() + " needs "
                    + size + " bytes at offset " + at);
        }
        switch (field) {
            case BOOLEAN -> {
                pos[0]++;
                return p[at] != 0 ? "true" : "false";
            }
            case INT8 -> {
                pos[0]++;
                return Integer.toString(p[at]);
            }
            case UINT8 -> {
                pos[0]++;
                return Integer.toString(p[at] & 0xFF);
            }
            case INT16 -> {
                pos[0] += 2;
                return Integer.toString((short) readN(p, at, 2));
            }
            case UINT16 -> {
                pos[0] += 2;
                return Long.toString(readN(p, at, 2));
            }
            case INT32 -> {
                pos[0] += 4;
                return Integer.toString((int) readN(p, at, 4));
            }
            case UINT32 -> {
                pos[0] += 4;
                return Long.toString(readN(p, at, 4));
            }
            case IPV4_ADDRESS, IPV6_ADDRESS -> {
                pos[0] += size;
                try {
                    InetAddress a = InetAddress.getByAddress(Arrays.copyOfRange(p, at, at + size));
                    return a instanceof Inet6Address ? formatV6(a) : a.getHostAddress();
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
            case IPV6_PREFIX -> {
                pos[0] += size;
                try {
                    return formatV6(InetAddress.getByAddress(Arrays.copyOfRange(p, at + 1, at + 17))) + "/"
                            + (p[at] & 0xFF);
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
            case PSID -> {
                pos[0] += 3;
                int length = p[at] & 0xFF;
                if (length > 16) {
                    throw new IllegalArgumentException("PSID length " + length + " is over 16");
                }
                long raw = readN(p, at + 1, 2);
                return (length == 0 ? 0 : raw >>> (16 - length)) + "/" + length;
            }
            case STRING -> {
                int end = last ? p.length : at;
                if (!last) {
                    throw new IllegalArgumentException("a string is only allowed as the last field");
                }
                if (end == at) {
                    throw new IllegalArgumentException("option " + name + ": empty string");
                }
                pos[0] = end;
                return new String(p, at, end - at, StandardCharsets.UTF_8);
            }
            case FQDN -> {
                StringBuilder sb = new StringBuilder();
                int i = at;
                while (true) {
                    if (i >= p.length) {
                        throw new IllegalArgumentException("option " + name + ": domain name is truncated");
                    }
                    int len = p[i] & 0xFF;
                    if (len == 0) {
                        i++;
                        break;
                    }
                    if (len > 63 || i + 1 + len > p.length) {
                        throw new IllegalArgumentException("option " + name + ": invalid domain name label");
                    }
                    sb.append(new String(p, i + 1, len, StandardCharsets.US_ASCII)).append('.');
                    i += 1 + len;
                }
                pos[0] = i;
                return sb.length() == 0 ? "." : sb.toString();
            }
            case TUPLE -> {
                int lenBytes = v6 ? 2 : 1;
                if (at + lenBytes > p.length) {
                    throw new IllegalArgumentException("option " + name + ": tuple is truncated");
                }
                int len = (int) readN(p, at, lenBytes);
                if (at + lenBytes + len > p.length) {
                    throw new IllegalArgumentException("option " + name + ": tuple is truncated");
                }
                pos[0] = at + lenBytes + len;
                return new String(p, at + lenBytes, len, StandardCharsets.UTF_8);
            }
            case BINARY, INTERNAL -> {
                if (!last && !(array && fields().size() == 1)) {
                    throw new IllegalArgumentException("binary data is only allowed as the last field");
                }
                pos[0] = p.length;
                return Hex.colons(Arrays.copyOfRange(p, at, p.length)).replace(":", "");
            }
            default -> throw new IllegalArgumentException("type " + field.keaName() + " holds no value");
        }
    }

    private static long readN(byte[] p, int at, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (p[at + i] & 0xFF);
        }
        return v;
    }

    private static String formatV6(InetAddress a) {
        return org.kea4j.dhcpsrv.Addresses.format(a);
    }

    /** Option name ({@code domain-name-servers}). */
    public String name() {
        return name;
    }

    /** Option code. */
    public int code() {
        return code;
    }

    /** Option space ({@code dhcp4}, {@code dhcp6}, {@code dhcp-agent-options-space} ...). */
    public String space() {
        return space;
    }

    /** Data type of the value (or {@link OptionDataType#RECORD}). */
    public OptionDataType type() {
        return type;
    }

    /** Whether the payload is an array of {@code type} (for records: the last field repeats). */
    public boolean array() {
        return array;
    }

    /** For records, the field types. */
    public List<OptionDataType> recordFields() {
        return recordFields;
    }

    /** The space of the sub-options it carries, or empty. */
    public String encapsulate() {
        return encapsulate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OptionDefinition o && java.util.Objects.equals(o.name, name) && o.code == code && java.util.Objects.equals(o.space, space) && java.util.Objects.equals(o.type, type) && o.array == array && java.util.Objects.equals(o.recordFields, recordFields) && java.util.Objects.equals(o.encapsulate, encapsulate);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, code, space, type, array, recordFields, encapsulate);
    }

    @Override
    public String toString() {
        return "OptionDefinition[name=" + name + ", code=" + code + ", space=" + space + ", type=" + type + ", array=" + array + ", recordFields=" + recordFields + ", encapsulate=" + encapsulate + "]";
    }
}
