package org.kea4j.ddns.d2;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * A {@code tsig-keys} entry: name, algorithm and secret. The secret is never printed.
 *
 * @param name       the key name, as the DNS server knows it
 * @param algorithm  HMAC-MD5, HMAC-SHA1, HMAC-SHA224, HMAC-SHA256, HMAC-SHA384 or HMAC-SHA512 (upper case)
 * @param digestBits 0 for the full MAC
 * @param secret     the shared secret
 */
public record TsigKeyConfig(String name, String algorithm, int digestBits, byte[] secret) {

    /** Kea's algorithm names and dnsjava's algorithm names, with the MAC length in bits. */
    static final Map<String, Name> ALGORITHMS = Map.of(
            "HMAC-MD5", TSIG.HMAC_MD5,
            "HMAC-SHA1", TSIG.HMAC_SHA1,
            "HMAC-SHA224", TSIG.HMAC_SHA224,
            "HMAC-SHA256", TSIG.HMAC_SHA256,
            "HMAC-SHA384", TSIG.HMAC_SHA384,
            "HMAC-SHA512", TSIG.HMAC_SHA512);

    /** The smallest truncated MAC each algorithm allows (RFC 4635 section 3.1, Kea's checks). */
    static int minimumDigestBits(String algorithm) {
        return switch (algorithm) {
            case "HMAC-SHA224" -> 112;
            case "HMAC-SHA256" -> 128;
            case "HMAC-SHA384" -> 192;
            case "HMAC-SHA512" -> 256;
            default -> 80;
        };
    }

    static String canonicalAlgorithm(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /** dnsjava's signer for this key. */
    public TSIG signer() {
        return new TSIG(ALGORITHMS.get(algorithm), name.endsWith(".") ? name : name + ".",
                Base64.getEncoder().encodeToString(secret));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TsigKeyConfig k && k.name.equals(name) && k.algorithm.equals(algorithm)
                && k.digestBits == digestBits && java.util.Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "TSIG key " + name + " (" + algorithm + (digestBits == 0 ? "" : ", " + digestBits + " bits") + ")";
    }
}
