package org.kea4j.ddns.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Client FQDN option's content (DHCPv4 option 81, RFC 4702; DHCPv6 option 39, RFC 4704): the flags and the
 * name, which is fully qualified or partial. DHCPv4 carries two RCODE bytes and may encode the name in ASCII (E=0);
 * DHCPv6 always uses DNS wire form.
 *
 * @param flags   the flag bits ({@link #S}, {@link #O}, {@link #E}, {@link #N}), at DHCPv4's positions for both
 *                families (DHCPv6's N is moved from 0x04 to 0x08 when read and back when written)
 * @param name    the name in lower case without a trailing dot; empty when the client sent none
 * @param partial whether the name is partial (to be qualified with the suffix)
 */
record ClientFqdn(int flags, String name, boolean partial) {

    /** The server should do the forward update. */
    static final int S = 0x01;
    /** The server overrode the client's S. */
    static final int O = 0x02;
    /** The name is in DNS wire form (DHCPv4 only). */
    static final int E = 0x04;
    /** No update at all. */
    static final int N = 0x08;

    /** DHCPv6's N bit (RFC 4704: {@code MBZ|N|O|S}, no E): 0x04, where DHCPv4 has it at 0x08. */
    private static final int V6_N = 0x04;

    /** RFC 4704's flag byte in this record's (DHCPv4) bit positions. */
    static int fromV6(int raw) {
        return (raw & (O | S)) | ((raw & V6_N) != 0 ? N : 0);
    }

    /** This record's flags as RFC 4704's flag byte (E has no place there). */
    static int toV6(int flags) {
        return (flags & (O | S)) | ((flags & N) != 0 ? V6_N : 0);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * Reads option 81's data (v4) or option 39's (v6).
     *
     * @throws IllegalArgumentException when it is malformed: too short, N and S both set, a bad label
     */
    static ClientFqdn parse(byte[] data, boolean v4) {
        int header = v4 ? 3 : 1;
        if (data.length < header) {
            throw new IllegalArgumentException("FQDN option of " + data.length + " bytes is too short");
        }
        int raw = data[0] & 0xFF;
        if (!v4 && (raw & 0xF8) != 0) {
            throw new IllegalArgumentException("invalid FQDN option flags 0x" + Integer.toHexString(raw)
                    + ": the bits above N must be zero");
        }
        int flags = v4 ? raw : fromV6(raw);
        if ((flags & (N | S)) == (N | S)) {
            throw new IllegalArgumentException("invalid FQDN option flags 0x" + Integer.toHexString(raw)
                    + ": N and S both set");
        }
        boolean wire = !v4 || (flags & E) != 0;
        if (!wire) {
            String text = new String(data, header, data.length - header, StandardCharsets.US_ASCII).trim();
            boolean partial = !text.endsWith(".");
            String name = partial ? text : text.substring(0, text.length() - 1);
            return new ClientFqdn(flags, name.toLowerCase(Locale.ROOT), partial && !name.isEmpty());
        }
        StringBuilder name = new StringBuilder();
        int at = header;
        boolean partial = true;
        while (at < data.length) {
            int length = data[at++] & 0xFF;
            if (length == 0) {
                partial = false;
                if (at != data.length) {
                    throw new IllegalArgumentException("FQDN option has bytes after the root label");
                }
                break;
            }
            if (length > 63 || at + length > data.length) {
                throw new IllegalArgumentException("FQDN option has a malformed label");
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(data, at, length, StandardCharsets.US_ASCII));
            at += length;
        }
        if (name.length() == 0) {
            partial = false;
        }
        return new ClientFqdn(flags, name.toString().toLowerCase(Locale.ROOT), partial);
    }

    /**
     * The option data of a server's answer: the flags, RCODEs 255 (v4, RFC 4702 section 4), and the name, fully
     * qualified ({@code fqdn} ends with a dot) or empty, in wire form unless a v4 client asked for ASCII.
     */
    static byte[] answer(int flags, String fqdn, boolean v4) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(v4 ? flags : toV6(flags));
        if (v4) {
            out.write(255);
            out.write(255);
        }
        boolean wire = !v4 || (flags & E) != 0;
        if (!wire) {
            out.writeBytes(fqdn.getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
        String name = fqdn.endsWith(".") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
        if (!name.isEmpty()) {
            for (String label : name.split("\\.")) {
                out.write(label.length());
                out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
            out.write(0);
        }
        return out.toByteArray();
    }
}
