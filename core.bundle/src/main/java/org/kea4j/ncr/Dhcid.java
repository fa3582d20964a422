package org.kea4j.ncr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A DHCID (RFC 4701): the RDATA that ties a DNS name to the DHCP client that owns it — a 2-byte identifier
 * type, digest type 1 (SHA-256), then SHA-256 of the identifier followed by the name in canonical wire form.
 * Immutable.
 */
@ProviderType
public final class Dhcid {

    /** Identifier type of a DHCPv4 client known by its hardware address (htype and chaddr). */
    public static final int TYPE_HWADDR = 0;
    /** Identifier type of a DHCPv4 client known by its client identifier option. */
    public static final int TYPE_CLIENT_ID = 1;
    /** Identifier type of a DHCPv6 client (its DUID). */
    public static final int TYPE_DUID = 2;

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private final byte[] rdata;

    private Dhcid(byte[] rdata) {
        this.rdata = rdata;
    }

    /** The DHCID of a DHCPv4 client that sent a client identifier: the whole option payload, type byte included. */
    public static Dhcid fromClientId(byte[] clientId, String fqdn) {
        return compute(TYPE_CLIENT_ID, nonEmpty(clientId, "client identifier"), fqdn);
    }

    /** The DHCID of a DHCPv4 client known by hardware type and address. */
    public static Dhcid fromHwAddr(int htype, byte[] hwaddr, String fqdn) {
        byte[] id = new byte[hwaddr.length + 1];
        id[0] = (byte) htype;
        System.arraycopy(nonEmpty(hwaddr, "hardware address"), 0, id, 1, hwaddr.length);
        return compute(TYPE_HWADDR, id, fqdn);
    }

    /** The DHCID of a DHCPv6 client. */
    public static Dhcid fromDuid(byte[] duid, String fqdn) {
        return compute(TYPE_DUID, nonEmpty(duid, "DUID"), fqdn);
    }

    /**
     * A DHCID as NCRs carry it: the RDATA in hex (either case, no separators).
     *
     * @throws IllegalArgumentException when the text is empty or not hex
     */
    public static Dhcid fromHex(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException("DHCID is empty");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("DHCID hex has an odd number of digits");
        }
        return new Dhcid(HexFormat.of().parseHex(hex));
    }

    /** A DHCID of the given RDATA (as a DNS message carries it). */
    public static Dhcid fromRdata(byte[] rdata) {
        return new Dhcid(nonEmpty(rdata, "DHCID").clone());
    }

    private static byte[] nonEmpty(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return bytes;
    }

    private static Dhcid compute(int type, byte[] identifier, String fqdn) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        sha256.update(identifier);
        sha256.update(canonicalWire(fqdn));
        byte[] digest = sha256.digest();
        byte[] rdata = new byte[3 + digest.length];
        rdata[0] = (byte) (type >> 8);
        rdata[1] = (byte) type;
        rdata[2] = 1;
        System.arraycopy(digest, 0, rdata, 3, digest.length);
        return new Dhcid(rdata);
    }

    /**
     * A name in DNS canonical wire form (RFC 4034 6.2): lower case, each label behind its length, ending with the
     * root label.
     *
     * @throws IllegalArgumentException when a label is empty or longer than 63 bytes, or the name longer than 255
     */
    static byte[] canonicalWire(String fqdn) {
        String name = fqdn.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        byte[] out = new byte[name.length() + 2];
        int at = 0;
        if (!name.isEmpty()) {
            for (String label : name.split("\\.", -1)) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length == 0 || bytes.length > 63) {
                    throw new IllegalArgumentException("invalid label in name '" + fqdn + "'");
                }
                out[at++] = (byte) bytes.length;
                System.arraycopy(bytes, 0, out, at, bytes.length);
                at += bytes.length;
            }
        }
        out[at++] = 0;
        if (at > 255) {
            throw new IllegalArgumentException("name longer than 255 bytes: '" + fqdn + "'");
        }
        return Arrays.copyOf(out, at);
    }

    /** The identifier type: {@link #TYPE_HWADDR}, {@link #TYPE_CLIENT_ID} or {@link #TYPE_DUID}. */
    public int identifierType() {
        return rdata.length < 2 ? -1 : ((rdata[0] & 0xFF) << 8) | (rdata[1] & 0xFF);
    }

    /** The RDATA bytes (a copy). */
    public byte[] rdata() {
        return rdata.clone();
    }

    /** The RDATA as upper-case hex, as NCRs carry it. */
    public String toHex() {
        return UPPER.formatHex(rdata);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dhcid d && Arrays.equals(rdata, d.rdata);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rdata);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
