package org.kea4j.dhcp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.kea4j.dhcp.Pkt;

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

    /** A packet made of this datagram's payload (not yet parsed), addressed as the datagram came. */
    public <P extends Pkt> P addressing(P packet) {
        packet.setIface(iface);
        packet.setIfIndex(ifIndex);
        packet.setRemoteAddress(source.getAddress());
        packet.setRemotePort(source.getPort());
        packet.setLocalAddress(destination);
        packet.setLocalPort(localPort);
        return packet;
    }
}
