package org.kea4j.dhcp.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network interface of the host, as the servers see it.
 *
 * @param name      interface name ({@code eth0})
 * @param index     kernel interface index
 * @param addresses its addresses, IPv4 and IPv6
 * @param up        whether it is up
 * @param loopback  whether it is a loopback interface
 * @param mac       its hardware address, or empty
 */
public record Iface(String name, int index, List<InetAddress> addresses, boolean up, boolean loopback, byte[] mac) {

    public Iface {
        addresses = List.copyOf(addresses);
        mac = mac == null ? new byte[0] : mac.clone();
    }

    /** The first IPv4 address, or null. */
    public Inet4Address firstV4() {
        for (InetAddress a : addresses) {
            if (a instanceof Inet4Address v4) {
                return v4;
            }
        }
        return null;
    }

    /** The IPv4 addresses. */
    public List<Inet4Address> v4Addresses() {
        List<Inet4Address> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            if (a instanceof Inet4Address v4) {
                out.add(v4);
            }
        }
        return out;
    }

    /** The IPv6 addresses (without scope). */
    public List<Inet6Address> v6Addresses() {
        List<Inet6Address> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            if (a instanceof Inet6Address v6) {
                out.add(v6);
            }
        }
        return out;
    }

    /** The host's interfaces, as the kernel reports them now. */
    public static List<Iface> detect() {
        List<Iface> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<InetAddress> addresses = new ArrayList<>(Collections.list(ni.getInetAddresses()));
                Collections.reverse(addresses); // the kernel's order: primary address first
                out.add(new Iface(ni.getName(), ni.getIndex(), addresses, ni.isUp(), ni.isLoopback(),
                        ni.getHardwareAddress()));
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces: " + e.getMessage(), e);
        }
        out.sort((a, b) -> Integer.compare(a.index, b.index));
        return out;
    }
}
