package org.kea4j.dhcp.transport;

import java.net.InetAddress;
import java.util.List;

/**
 * One socket a server asks for.
 *
 * @param iface           the interface it is bound to (SO_BINDTODEVICE)
 * @param port            the UDP port
 * @param v6              IPv6 rather than IPv4
 * @param bindAddress     the address to bind (a link-local, unicast or multicast address; with a scope for
 *                        link-local ones), or null for the wildcard ({@code 0.0.0.0} / {@code ::})
 * @param multicastGroups groups to join on the interface (DHCPv6: ff02::1:2)
 */
public record ListenSocket(Iface iface, int port, boolean v6, InetAddress bindAddress, List<InetAddress> multicastGroups) {

    public ListenSocket {
        multicastGroups = List.copyOf(multicastGroups);
    }

    /** A socket on the wildcard address of the interface. */
    public ListenSocket(Iface iface, int port, boolean v6, List<InetAddress> multicastGroups) {
        this(iface, port, v6, null, multicastGroups);
    }
}
