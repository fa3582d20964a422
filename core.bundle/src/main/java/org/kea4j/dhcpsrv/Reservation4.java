package org.kea4j.dhcpsrv;

import java.net.Inet4Address;
import org.osgi.annotation.versioning.ProviderType;

/** A DHCPv4 host reservation. Read-only. */
@ProviderType
public interface Reservation4 extends Reservation {

    /** The reserved address, or null (a reservation of options or a hostname only). */
    Inet4Address address();

    /** The host's {@code siaddr}, or null. */
    Inet4Address nextServer();

    /** The host's {@code sname}, or null. */
    String serverHostname();

    /** The host's {@code file}, or null. */
    String bootFileName();
}
