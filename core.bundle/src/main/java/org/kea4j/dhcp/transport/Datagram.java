package org.kea4j.dhcp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A received UDP datagram.
 *
 * @param data        the payload
 * @param iface       the interface it came in on
 * @param ifIndex     that interface's index
 * @param source      sender address and port
 * @param destination the address it was sent to (a broadcast, a multicast group or one of ours)
 * @param localPort   the port it was received on
 */
public record Datagram(byte[] data, String iface, int ifIndex, InetSocketAddress source, InetAddress destination,
        int localPort) {
}
