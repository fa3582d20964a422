package org.kea4j.dhcp;

import java.net.InetAddress;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What DHCPv4 and DHCPv6 packets share (Kea's {@code Pkt}): the bytes as received and as packed, where the
 * packet came from or goes to, and its client classes. Not thread-safe.
 */
@ProviderType
public abstract class Pkt {

    private final InetAddress unspecified;
    byte[] rawData;
    private byte[] buffer;
    private String iface = "";
    private int ifIndex = -1;
    private InetAddress localAddress;
    private int localPort;
    private InetAddress remoteAddress;
    private int remotePort;
    /** The client classes in the order assigned, a few at most: an array (shared empty one until the first). */
    private String[] classes = NO_CLASSES;
    private int classCount;
    private static final String[] NO_CLASSES = new String[0];

    /** @param unspecified what an address without a value reads as ({@code 0.0.0.0} for DHCPv4, null for DHCPv6) */
    Pkt(InetAddress unspecified) {
        this.unspecified = unspecified;
        this.localAddress = unspecified;
        this.remoteAddress = unspecified;
    }

    /** The message type (DHCPv4's option 53, DHCPv6's msg-type); -1 for a DHCPv4 packet without a valid one. */
    public abstract int getType();

    /** The message type's name ({@code DHCPDISCOVER}, {@code SOLICIT}). */
    public abstract String getName();

    /**
     * Parses {@link #rawData()} into the packet's fields and options.
     *
     * @throws PacketParseException when the bytes are not a packet of this family
     */
    public abstract void unpack() throws PacketParseException;

    /** Writes the packet in wire form and keeps it as {@link #buffer()}; returns it. */
    public abstract byte[] pack();

    /** The bytes as received (before parsing); a {@code buffer*_receive} callout may replace them. */
    public byte[] rawData() {
        return rawData == null ? null : rawData.clone();
    }

    public void setRawData(byte[] data) {
        rawData = data.clone();
    }

    /** The wire form made by {@code pack()} (a {@code buffer*_send} callout may replace it), or null. */
    public byte[] buffer() {
        return buffer;
    }

    public void setBuffer(byte[] data) {
        buffer = data;
    }

    /** The interface the packet came in on (or goes out on). */
    public String iface() {
        return iface;
    }

    public void setIface(String name) {
        iface = name == null ? "" : name;
    }

    public int ifIndex() {
        return ifIndex;
    }

    public void setIfIndex(int index) {
        ifIndex = index;
    }

    public InetAddress localAddress() {
        return localAddress;
    }

    public void setLocalAddress(InetAddress a) {
        localAddress = a == null ? unspecified : a;
    }

    public int localPort() {
        return localPort;
    }

    public void setLocalPort(int port) {
        localPort = port;
    }

    public InetAddress remoteAddress() {
        return remoteAddress;
    }

    public void setRemoteAddress(InetAddress a) {
        remoteAddress = a == null ? unspecified : a;
    }

    public int remotePort() {
        return remotePort;
    }

    public void setRemotePort(int port) {
        remotePort = port;
    }

    /**
     * Puts the packet in a client class (once: a class it is in already keeps its place).
     *
     * @throws NullPointerException when {@code name} is null
     */
    public void addClass(String name) {
        java.util.Objects.requireNonNull(name, "client class name");
        if (inClass(name)) {
            return;
        }
        if (classCount == classes.length) {
            classes = Arrays.copyOf(classes, Math.max(4, classCount * 2));
        }
        classes[classCount++] = name;
    }

    /** Whether the packet is in a client class. */
    public boolean inClass(String name) {
        for (int i = 0; i < classCount; i++) {
            if (classes[i].equals(name)) { // never null: addClass refuses it
                return true;
            }
        }
        return false;
    }

    /** The packet's client classes, in the order they were assigned: a read-only view. */
    public Set<String> classes() {
        return classCount == 0 ? Set.of() : new AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                return o instanceof String name && inClass(name);
            }

            @Override
            public int size() {
                return classCount;
            }

            @Override
            public Iterator<String> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < classCount;
                    }

                    @Override
                    public String next() {
                        if (next >= classCount) {
                            throw new NoSuchElementException();
                        }
                        return classes[next++];
                    }
                };
            }
        };
    }
}
