package org.kea4j.dhcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Packets captured from real clients and servers, kept as hex under {@code vectors/}. */
public final class Vectors {

    private Vectors() {
    }

    /** The bytes of {@code vectors/NAME.hex} ({@code #} lines are comments). */
    public static byte[] load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("vectors/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
