package org.kea4j.dhcpsrv.cfg;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalLong;
import org.kea4j.dhcpsrv.Subnet;
import org.kea4j.dhcpsrv.Subnet6;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;

/**
 * A server's configured subnets as the lease commands see them. A subnet that is not configured has Kea's default
 * lifetimes (valid 7200 s, preferred 3600 s); in IPv4 the preferred lifetime is the valid one.
 */
final class ConfiguredSubnets implements LeaseDatabases.Subnets {

    static final long DEFAULT_VALID_LIFETIME = 7200;
    static final long DEFAULT_PREFERRED_LIFETIME = 3600;

    private final int universe;
    private final List<? extends Subnet> subnets;

    /** @param universe 4 or 6 */
    ConfiguredSubnets(int universe, List<? extends Subnet> subnets) {
        this.universe = universe;
        this.subnets = List.copyOf(subnets);
    }

    private Subnet byId(long id) {
        for (Subnet s : subnets) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }

    @Override
    public OptionalLong subnetFor(InetAddress address) {
        for (Subnet s : subnets) {
            if (s.prefix().contains(address)) {
                return OptionalLong.of(s.id());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public boolean contains(long subnetId, InetAddress address) {
        Subnet s = byId(subnetId);
        return s != null && s.prefix().contains(address);
    }

    @Override
    public boolean exists(long subnetId) {
        return byId(subnetId) != null;
    }

    @Override
    public long validLifetime(long subnetId) {
        Subnet s = byId(subnetId);
        return s == null ? DEFAULT_VALID_LIFETIME : s.validLifetime();
    }

    @Override
    public long preferredLifetime(long subnetId) {
        if (universe == 4) {
            return validLifetime(subnetId);
        }
        return byId(subnetId) instanceof Subnet6 s ? s.preferredLifetime() : DEFAULT_PREFERRED_LIFETIME;
    }
}
