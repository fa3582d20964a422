package org.kea4j.dhcpsrv;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A host reservation: what DHCPv4 and DHCPv6 reservations share. Read-only. */
@ProviderType
public interface Reservation {

    /** Who the host is. */
    HostIdentifier identifier();

    /** The reserved hostname, or null. */
    String hostname();

    /** The client classes the host belongs to. */
    List<String> clientClasses();
}
