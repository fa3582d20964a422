package org.kea4j.dhcpsrv;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A configured DHCPv6 subnet (Kea's {@code Subnet6}), with the global defaults applied. Read-only. */
@ProviderType
public interface Subnet6 extends Subnet {

    /** The prefix delegation pools (IA_PD). */
    List<? extends PdPool> pdPools();

    /** The preferred lifetime, in seconds. */
    long preferredLifetime();

    /** T1, in seconds. */
    long renewTimer();

    /** T2, in seconds. */
    long rebindTimer();

    /** The relay Interface-Id that selects this subnet, or null; a copy. */
    byte[] interfaceId();

    /** Whether a SOLICIT with Rapid Commit is answered by a REPLY. */
    boolean rapidCommit();

    /** The subnet's host reservations. */
    List<? extends Reservation6> reservations();
}
