package org.kea4j.ddns.d2;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A {@code dns-servers} entry: where a domain's updates go, and the key that signs them (the server's own
 * {@code key-name}, else the domain's; null: unsigned).
 */
public record DnsServerConfig(InetAddress address, int port, TsigKeyConfig key) {

    /** Address and port together. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + " port:" + port;
    }
}
