package org.kea4j.dhcpsrv;

import java.util.List;
import java.util.Objects;

/**
 * An IPv6 address pool (IA_NA) of a subnet.
 *
 * @param range       the addresses
 * @param options     options given to clients leased from this pool
 * @param clientClass only clients of this class may use the pool (null = all)
 */
public record Pool6(AddressRange range, List<OptionDataConfig> options, String clientClass) {

    public Pool6 {
        Objects.requireNonNull(range, "range");
        options = List.copyOf(options);
    }
}
