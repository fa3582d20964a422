package org.kea4j.ncr;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to add or remove the DNS names of one lease: the forward (A or AAAA and DHCID at the FQDN) and/or
 * the reverse (PTR and DHCID at the address's reverse name) mappings.
 *
 * @param changeType            add or remove
 * @param forwardChange         update the forward zone
 * @param reverseChange         update the reverse zone
 * @param fqdn                  the fully qualified name, always ending with a dot
 * @param ipAddress             the leased address (IPv4 or IPv6)
 * @param dhcid                 the client's identity (RFC 4701)
 * @param leaseExpiresOn        when the lease expires (whole seconds; Kea's DHCPv6 sends the epoch: do not rely on
 *                              it)
 * @param leaseLength           the lease lifetime in seconds, used as the TTL of the records added
 * @param useConflictResolution whether D2 checks the DHCID before it replaces or removes records (RFC 4703)
 */
public record NameChangeRequest(ChangeType changeType, boolean forwardChange, boolean reverseChange, String fqdn,
        InetAddress ipAddress, Dhcid dhcid, Instant leaseExpiresOn, long leaseLength, boolean useConflictResolution) {

    /**
     * Checks the request and makes the name absolute.
     *
     * @throws IllegalArgumentException when neither direction is asked for, the name is empty or invalid, or the
     *                                  lease length is outside 0..2^32-1
     */
    public NameChangeRequest {
        Objects.requireNonNull(changeType, "change type");
        Objects.requireNonNull(ipAddress, "ip address");
        Objects.requireNonNull(dhcid, "dhcid");
        Objects.requireNonNull(leaseExpiresOn, "lease expires on");
        if (!forwardChange && !reverseChange) {
            throw new IllegalArgumentException("invalid NCR: neither forward nor reverse change requested");
        }
        if (fqdn == null || fqdn.isEmpty() || fqdn.equals(".")) {
            throw new IllegalArgumentException("FQDN is empty");
        }
        if (!fqdn.endsWith(".")) {
            fqdn = fqdn + ".";
        }
        Dhcid.canonicalWire(fqdn);
        if (leaseLength < 0 || leaseLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("lease length out of range: " + leaseLength);
        }
        leaseExpiresOn = Instant.ofEpochSecond(leaseExpiresOn.getEpochSecond());
    }

    /** The same request with the forward and reverse directions given. */
    public NameChangeRequest withDirections(boolean forward, boolean reverse) {
        return new NameChangeRequest(changeType, forward, reverse, fqdn, ipAddress, dhcid, leaseExpiresOn,
                leaseLength, useConflictResolution);
    }

    /** Whether the address is an IPv6 one (AAAA records) rather than IPv4 (A records). */
    public boolean isV6() {
        return ipAddress instanceof java.net.Inet6Address;
    }

    /** One line for logs: {@code add example.com. 192.0.2.10 fwd rev dhcid ...}. */
    @Override
    public String toString() {
        return (changeType == ChangeType.ADD ? "add " : "remove ") + fqdn + " " + ipAddress.getHostAddress()
                + (forwardChange ? " forward" : "") + (reverseChange ? " reverse" : "") + " ttl " + leaseLength
                + " dhcid " + dhcid + (useConflictResolution ? "" : " without conflict resolution");
    }
}
