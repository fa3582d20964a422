package org.kea4j.dhcp.transport;

import java.net.InetAddress;
import java.util.List;

/**
 * One socket a server asks for.
 *
 * @param iface            the interface it is bound to (SO_BINDTODEVICE)
 * @param port             the UDP port
 * @param v6               IPv6 (bound to {@code ::}) rather than IPv4 (bound to {@code 0.0.0.0})
 * @param multicastGroups  groups to join on the interface (DHCPv6: ff02::1:2)
 */
public record ListenSocket(Iface iface, int port, boolean v6, List<InetAddress> multicastGroups) {

    public ListenSocket {
        multicastGroups = List.copyOf(multicastGroups);
    }
}
