package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.Pool;
import org.kea4j.dhcpsrv.AddressRange;
import java.util.List;
import java.util.Objects;

/**
 * An address pool of a subnet (IPv4, or IPv6 for IA_NA).
 *
 * @param range       the addresses
 * @param options     options given to clients leased from this pool
 * @param clientClass only clients of this class may use the pool (null = all)
 * @param requiredClasses {@code require-client-classes}: evaluated for clients leased from the pool
 */
public record PoolConfig(AddressRange range, List<OptionDataConfig> options, String clientClass,
        List<String> requiredClasses) implements Pool {

    public PoolConfig {
        Objects.requireNonNull(range, "range");
        options = List.copyOf(options);
        requiredClasses = List.copyOf(requiredClasses);
    }

    /** A pool without {@code require-client-classes}. */
    public PoolConfig(AddressRange range, List<OptionDataConfig> options, String clientClass) {
        this(range, options, clientClass, List.of());
    }
}
