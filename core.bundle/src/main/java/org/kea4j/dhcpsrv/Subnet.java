package org.kea4j.dhcpsrv;

import java.net.InetAddress;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A configured subnet as hook authors see it: what DHCPv4 and DHCPv6 subnets share. Read-only; the server
 * implements it (a callout that substitutes a subnet hands back one of the server's own).
 */
@ProviderType
public interface Subnet {

    /** The subnet id ({@code id} in the configuration). */
    long id();

    /** The subnet's prefix. */
    Prefix prefix();

    /** The dynamic address pools, in configuration order. */
    List<? extends Pool> pools();

    /** The valid lifetime of its leases, in seconds. */
    long validLifetime();

    /** The directly attached interface, or null. */
    String interfaceName();

    /** The client class a client must belong to in order to use the subnet, or null for every client. */
    String clientClass();

    /** Relay agent addresses that select this subnet. */
    List<InetAddress> relayAddresses();

    /**
     * The name of the shared network the subnet belongs to, or null: a client selected into one subnet of a
     * shared network may be served from any of them.
     *
     * @since 2.1
     */
    default String sharedNetworkName() {
        return null;
    }

    /**
     * The subnet's DDNS behaviour (with what it inherits from its shared network and the global level).
     *
     * @since 2.2
     */
    default DdnsParameters ddns() {
        return DdnsParameters.DEFAULTS;
    }

    /** Whether the address lies in one of the subnet's address pools. */
    default boolean inPool(InetAddress address) {
        for (Pool pool : pools()) {
            if (pool.range().contains(address)) {
                return true;
            }
        }
        return false;
    }
}
