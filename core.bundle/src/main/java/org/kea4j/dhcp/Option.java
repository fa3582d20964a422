package org.kea4j.dhcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One DHCP option: its code and its payload bytes (what follows the length on the wire). Immutable.
 * Structured values are read with the typed accessors or through an {@link OptionDefinition}.
 */
@ProviderType
public final class Option {

    private final int code;
    private final byte[] data;

    /** An option with a copy of {@code data}. */
    public Option(int code, byte[] data) {
        this(code, data.clone(), true);
    }

    private Option(int code, byte[] data, boolean owned) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("option code " + code + " out of range");
        }
        this.code = code;
        this.data = data;
    }

    /** Wraps an array the caller gives up (no copy). */
    static Option wrap(int code, byte[] data) {
        return new Option(code, data, true);
    }

    /** An option holding one byte. */
    public static Option uint8(int code, int value) {
        return wrap(code, new byte[] {(byte) value});
    }

    /** An option holding a 16-bit big-endian number. */
    public static Option uint16(int code, int value) {
        return wrap(code, new byte[] {(byte) (value >> 8), (byte) value});
    }

    /** An option holding a 32-bit big-endian number. */
    public static Option uint32(int code, long value) {
        return wrap(code, new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
    }

    /** An option holding IPv4 addresses. */
    public static Option ipv4(int code, Inet4Address... addresses) {
        byte[] out = new byte[addresses.length * 4];
        for (int i = 0; i < addresses.length; i++) {
            System.arraycopy(addresses[i].getAddress(), 0, out, i * 4, 4);
        }
        return wrap(code, out);
    }

    /** An option holding text (UTF-8). */
    public static Option text(int code, String text) {
        return wrap(code, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The option code. */
    public int code() {
        return code;
    }

    /** A copy of the payload. */
    public byte[] data() {
        return data.clone();
    }

    /** The payload length. */
    public int length() {
        return data.length;
    }

    /** One payload byte, unsigned. */
    public int byteAt(int index) {
        return data[index] & 0xFF;
    }

    /** Copies the payload into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    /** Whether the payload equals {@code bytes}. */
    public boolean dataEquals(byte[] bytes) {
        return Arrays.equals(data, bytes);
    }

    /** The first byte. */
    public int uint8() {
        need(1);
        return data[0] & 0xFF;
    }

    /** The first two bytes as a big-endian number. */
    public int uint16() {
        need(2);
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    }

    /** The first four bytes as a big-endian number. */
    public long uint32() {
        need(4);
        return ((long) (data[0] & 0xFF) << 24) | ((data[1] & 0xFF) << 16) | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
    }

    /** The first four bytes as an IPv4 address. */
    public Inet4Address ipv4() {
        return ipv4At(0);
    }

    /** Every IPv4 address of an address list option. */
    public List<Inet4Address> ipv4List() {
        List<Inet4Address> out = new ArrayList<>(data.length / 4);
        for (int i = 0; i + 4 <= data.length; i += 4) {
            out.add(ipv4At(i));
        }
        return out;
    }

    private Inet4Address ipv4At(int offset) {
        need(offset + 4);
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(data, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * The payload read as DHCPv4 sub-options (code, length, data), as in the relay agent information
     * option (82) and vendor encapsulated options (43).
     *
     * @throws IllegalArgumentException when a sub-option runs past the end
     */
    public List<Option> subOptions4() {
        return subOptions4(0);
    }

    /** As {@link #subOptions4()}, starting at {@code offset}. */
    public List<Option> subOptions4(int offset) {
        List<Option> out = new ArrayList<>();
        int i = offset;
        while (i < data.length) {
            int sub = data[i] & 0xFF;
            if (sub == 0 || sub == 255) {
                i++;
                continue;
            }
            if (i + 1 >= data.length || i + 2 + (data[i + 1] & 0xFF) > data.length) {
                throw new IllegalArgumentException("sub-option " + sub + " of option " + code + " is truncated");
            }
            int len = data[i + 1] & 0xFF;
            out.add(wrap(sub, Arrays.copyOfRange(data, i + 2, i + 2 + len)));
            i += 2 + len;
        }
        return out;
    }

    /** The DHCPv4 sub-option {@code sub} of this option's payload, or null. */
    public Option subOption4(int sub) {
        try {
            for (Option o : subOptions4()) {
                if (o.code == sub) {
                    return o;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** Packs DHCPv4 sub-options into one payload. */
    public static byte[] packSubOptions4(List<Option> subOptions) {
        int size = 0;
        for (Option o : subOptions) {
            size += 2 + o.data.length;
        }
        byte[] out = new byte[size];
        int i = 0;
        for (Option o : subOptions) {
            if (o.data.length > 255) {
                throw new IllegalArgumentException("sub-option " + o.code + " longer than 255 bytes");
            }
            out[i] = (byte) o.code;
            out[i + 1] = (byte) o.data.length;
            System.arraycopy(o.data, 0, out, i + 2, o.data.length);
            i += 2 + o.data.length;
        }
        return out;
    }

    private void need(int length) {
        if (data.length < length) {
            throw new IllegalStateException("option " + code + " has " + data.length + " bytes, needs " + length);
        }
    }

    byte[] raw() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Option other && other.code == code && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(data);
    }

    /** Kea's form: {@code type=054, len=004: c0:00:02:01}. */
    @Override
    public String toString() {
        return String.format("type=%03d, len=%03d: %s", code, data.length, Hex.colons(data));
    }
}
