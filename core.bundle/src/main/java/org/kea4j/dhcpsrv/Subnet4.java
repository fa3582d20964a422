package org.kea4j.dhcpsrv;

import java.net.Inet4Address;
import java.util.List;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/** A configured DHCPv4 subnet (Kea's {@code Subnet4}), with the global defaults applied. Read-only. */
@ProviderType
public interface Subnet4 extends Subnet {

    /** T1, when configured. */
    OptionalLong renewTimer();

    /** T2, when configured. */
    OptionalLong rebindTimer();

    /** The {@code siaddr} of replies ({@code next-server}), or null. */
    Inet4Address nextServer();

    /** The {@code sname} of replies, or null. */
    String serverHostname();

    /** The {@code file} of replies, or null. */
    String bootFileName();

    /** Whether a client's lease is found by its client identifier ({@code match-client-id}). */
    boolean matchClientId();

    /** Whether requests for unknown addresses are answered with a NAK. */
    boolean authoritative();

    /** The subnet's host reservations. */
    List<? extends Reservation4> reservations();
}
