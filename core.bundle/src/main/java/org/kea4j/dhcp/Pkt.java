package org.kea4j.dhcp;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashSet;
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
    /** Made at the first class: most answers never get one. */
    private Set<String> classes;

    /** @param unspecified what an address without a value reads as ({@code 0.0.0.0} for DHCPv4, null for DHCPv6) */
    Pkt(InetAddress unspecified) {
        this.unspecified = unspecified;
        this.localAddress = unspecified;
        this.remoteAddress = unspecified;
    }

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

    /** Puts the packet in a client class. */
    public void addClass(String name) {
        if (classes == null) {
            classes = new LinkedHashSet<>();
        }
        classes.add(name);
    }

    /** Whether the packet is in a client class. */
    public boolean inClass(String name) {
        return classes != null && classes.contains(name);
    }

    /** The packet's client classes, in the order they were assigned. */
    public Set<String> classes() {
        return classes == null ? Set.of() : Collections.unmodifiableSet(classes);
    }
}
