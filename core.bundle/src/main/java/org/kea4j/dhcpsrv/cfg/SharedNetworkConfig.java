package org.kea4j.dhcpsrv.cfg;

import java.util.List;
import java.util.Objects;

/**
 * A shared network as configured ({@code shared-networks}): several subnets on one link. Its parameters are
 * inherited by its subnets when they are parsed; what stays here is its own scope of options, which the
 * server looks at after a subnet's and before the global ones.
 *
 * @param name    the network's name
 * @param options its {@code option-data}
 */
public record SharedNetworkConfig(String name, List<OptionDataConfig> options) {

    public SharedNetworkConfig {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }
}
