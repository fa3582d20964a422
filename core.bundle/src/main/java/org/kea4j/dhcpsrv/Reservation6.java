package org.kea4j.dhcpsrv;

import java.net.Inet6Address;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A DHCPv6 host reservation. Read-only. */
@ProviderType
public interface Reservation6 extends Reservation {

    /** Reserved addresses (IA_NA). */
    List<Inet6Address> addresses();

    /** Reserved prefixes (IA_PD). */
    List<Prefix> prefixes();
}
