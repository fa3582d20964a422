package org.kea4j.ncr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The JSON text of a NameChangeRequest. Reads both of Kea's spellings — 0.9's {@code change_type},
 * {@code ip_address}, ... and 1.0+'s {@code change-type}, {@code ip-address}, ... — and writes the one asked for.
 */
@ProviderType
public final class NcrJson {

    /** The member names of one Kea generation. */
    public enum Style {
        /** Kea 0.9: {@code change_type}, {@code forward_change}, ... (no conflict-resolution member). */
        KEA_0_9('_'),
        /** Kea 1.0 and later: {@code change-type}, {@code forward-change}, ..., {@code use-conflict-resolution}. */
        KEA_1('-');

        private final char separator;

        Style(char separator) {
            this.separator = separator;
        }

        String member(String hyphenated) {
            return hyphenated.replace('-', separator);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_TEXT = 65_535;

    private NcrJson() {
    }

    /** The request as JSON text in the given style. */
    public static String write(NameChangeRequest ncr, Style style) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(style.member("change-type"), ncr.changeType().code());
        o.put(style.member("forward-change"), ncr.forwardChange());
        o.put(style.member("reverse-change"), ncr.reverseChange());
        o.put("fqdn", ncr.fqdn());
        o.put(style.member("ip-address"), ncr.ipAddress().getHostAddress());
        o.put("dhcid", ncr.dhcid().toHex());
        o.put(style.member("lease-expires-on"),
                EXPIRES.format(LocalDateTime.ofInstant(ncr.leaseExpiresOn(), ZoneOffset.UTC)));
        o.put(style.member("lease-length"), ncr.leaseLength());
        if (style == Style.KEA_1) {
            o.put("use-conflict-resolution", ncr.useConflictResolution());
        }
        return o.toString();
    }

    /**
     * Reads a request in either style.
     *
     * @throws NcrException naming what is wrong: not JSON, not an object, a member missing, of the wrong type or
     *                      with a value out of range
     */
    public static NameChangeRequest read(String json) throws NcrException {
        if (json.length() > MAX_TEXT) {
            throw new NcrException("NCR text longer than " + MAX_TEXT + " characters");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NcrException("NCR is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new NcrException("NCR is not a JSON object");
        }
        Style style = root.has("change_type") && !root.has("change-type") ? Style.KEA_0_9 : Style.KEA_1;
        int code = (int) integer(root, style, "change-type", 0, 1);
        boolean forward = bool(root, style, "forward-change");
        boolean reverse = bool(root, style, "reverse-change");
        String fqdn = text(root, style, "fqdn");
        InetAddress address = address(text(root, style, "ip-address"));
        String dhcidText = text(root, style, "dhcid");
        Instant expires = expires(text(root, style, "lease-expires-on"));
        long length = integer(root, style, "lease-length", 0, 0xFFFF_FFFFL);
        boolean conflictResolution = true;
        JsonNode ucr = root.get("use-conflict-resolution");
        if (ucr != null) {
            if (!ucr.isBoolean()) {
                throw new NcrException("use-conflict-resolution must be a boolean");
            }
            conflictResolution = ucr.booleanValue();
        }
        try {
            return new NameChangeRequest(ChangeType.of(code), forward, reverse, fqdn, address, Dhcid.fromHex(dhcidText),
                    expires, length, conflictResolution);
        } catch (IllegalArgumentException e) {
            throw new NcrException("invalid NCR: " + e.getMessage());
        }
    }

    private static JsonNode member(JsonNode root, Style style, String name) throws NcrException {
        String key = style.member(name);
        JsonNode value = root.get(key);
        if (value == null) {
            throw new NcrException("NCR is missing the mandatory member '" + key + "'");
        }
        return value;
    }

    private static long integer(JsonNode root, Style style, String name, long min, long max) throws NcrException {
        JsonNode value = member(root, style, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new NcrException("'" + style.member(name) + "' must be an integer from " + min + " to " + max
                    + ", not " + value);
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode root, Style style, String name) throws NcrException {
        JsonNode value = member(root, style, name);
        if (!value.isBoolean()) {
            throw new NcrException("'" + style.member(name) + "' must be a boolean, not " + value);
        }
        return value.booleanValue();
    }

    private static String text(JsonNode root, Style style, String name) throws NcrException {
        JsonNode value = member(root, style, name);
        if (!value.isTextual()) {
            throw new NcrException("'" + style.member(name) + "' must be a string, not " + value);
        }
        return value.textValue();
    }

    /** An IP address literal; never a host name (nothing is looked up). */
    static InetAddress address(String text) throws NcrException {
        boolean v6 = text.indexOf(':') >= 0;
        if (!v6 && !IPV4.matcher(text).matches()) {
            throw new NcrException("invalid IP address '" + text + "'");
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (!v6) {
                for (String part : text.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        throw new NcrException("invalid IP address '" + text + "'");
                    }
                }
            }
            return address;
        } catch (UnknownHostException | SecurityException e) {
            throw new NcrException("invalid IP address '" + text + "'");
        }
    }

    private static Instant expires(String text) throws NcrException {
        try {
            return LocalDateTime.parse(text, EXPIRES).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new NcrException("lease expiration '" + text + "' is not YYYYMMDDHHMMSS");
        }
    }
}
