package org.kea4j.dhcp4.internal;

import java.net.InetAddress;
import java.util.OptionalLong;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;

/** The configured IPv4 subnets as lease commands see them. */
final class SubnetView implements LeaseDatabases.Subnets {

    private final Dhcp4Config config;

    SubnetView(Dhcp4Config config) {
        this.config = config;
    }

    private Subnet4Config byId(long id) {
        for (Subnet4Config s : config.subnets()) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }

    @Override
    public OptionalLong subnetFor(InetAddress address) {
        for (Subnet4Config s : config.subnets()) {
            if (s.prefix().contains(address)) {
                return OptionalLong.of(s.id());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public boolean contains(long subnetId, InetAddress address) {
        Subnet4Config s = byId(subnetId);
        return s != null && s.prefix().contains(address);
    }

    @Override
    public boolean exists(long subnetId) {
        return byId(subnetId) != null;
    }

    @Override
    public long validLifetime(long subnetId) {
        Subnet4Config s = byId(subnetId);
        return s == null ? 7200 : s.validLifetime();
    }

    @Override
    public long preferredLifetime(long subnetId) {
        return validLifetime(subnetId);
    }
}
