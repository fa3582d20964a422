package org.kea4j.ddns.server;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_CLIENT_NAME_PROC_FAIL;
import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_DHCID_COMPUTE_ERROR;

import java.time.Instant;
import java.util.Objects;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Subnet4;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.log.KeaLogger;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;

/**
 * The DHCPv4 server's DDNS side, as callouts: the client's name is decided when its lease is selected or renewed
 * (and stored in the lease with the forward/reverse flags), answered in {@code pkt4_send}, and the
 * NameChangeRequests leave with the DHCPACK; releases and reclaimed leases remove their names.
 */
final class Dhcp4DdnsCallouts {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ddns");
    private static final String DECISION = "ddns.decision";
    private static final String LEASE = "ddns.lease";
    private static final String OLD_LEASE = "ddns.old-lease";
    private static final String UPDATE_ON_RENEW = "ddns.update-on-renew";
    private static final String CONFLICT_RESOLUTION = "ddns.conflict-resolution";

    private final NcrSink sink;

    Dhcp4DdnsCallouts(NcrSink sink) {
        this.sink = sink;
    }

    /** A malformed FQDN option makes the whole packet malformed, as in Kea: it is dropped. */
    int pkt4Receive(CalloutHandle handle) {
        Pkt4 query = handle.get(Dhcp4Hooks.QUERY4);
        if (query.getOption(Dhcp4Names.FQDN) != null) {
            try {
                ClientFqdn.parse(query.getOption(Dhcp4Names.FQDN).data(), true);
            } catch (IllegalArgumentException e) {
                LOG.log(DHCP4_CLIENT_NAME_PROC_FAIL, e.getMessage());
                handle.setStatus(NextStep.DROP);
            }
        }
        return 0;
    }

    /** A new lease: decide the name and store it in the lease. */
    int lease4Select(CalloutHandle handle) {
        return name(handle, null);
    }

    /** A renewed lease: decide the name again; the lease as it was tells what D2 knows. */
    int lease4Renew(CalloutHandle handle) {
        return name(handle, handle.get(Dhcp4Hooks.LEASE4));
    }

    private int name(CalloutHandle handle, Lease4 old) {
        Subnet4 subnet = handle.get(Dhcp4Hooks.SUBNET4);
        Lease4 lease = handle.get(Dhcp4Hooks.LEASE4);
        if (subnet == null || lease == null) {
            return 0;
        }
        DdnsParameters p = subnet.ddns();
        NameDecision decision;
        try {
            decision = Dhcp4Names.decide(handle.get(Dhcp4Hooks.QUERY4), p, lease.address());
        } catch (IllegalArgumentException e) {
            LOG.log(DHCP4_CLIENT_NAME_PROC_FAIL, e.getMessage());
            return 0;
        }
        if (decision == null) {
            return 0;
        }
        Lease4 named = lease.toBuilder().hostname(decision.name()).fqdn(decision.forward(), decision.reverse())
                .build();
        handle.set(Dhcp4Hooks.LEASE4, named);
        handle.setContext(DECISION, decision);
        handle.setContext(LEASE, named);
        handle.setContext(UPDATE_ON_RENEW, p.updateOnRenew());
        handle.setContext(CONFLICT_RESOLUTION, p.useConflictResolution());
        if (old != null) {
            handle.setContext(OLD_LEASE, old);
        }
        return 0;
    }

    /** The reply carries the name; a DHCPACK also sends the requests to D2. */
    int pkt4Send(CalloutHandle handle) {
        NameDecision decision = context(handle, DECISION);
        if (decision == null) {
            return 0;
        }
        Pkt4 response = handle.get(Dhcp4Hooks.RESPONSE4);
        Pkt4 query = handle.get(Dhcp4Hooks.QUERY4);
        if (response.getType() == Pkt4.DHCPNAK) {
            return 0;
        }
        Dhcp4Names.answer(response, decision);
        if (response.getType() != Pkt4.DHCPACK || query.getType() != Pkt4.DHCPREQUEST) {
            return 0;
        }
        Lease4 lease = context(handle, LEASE);
        Lease4 old = context(handle, OLD_LEASE);
        boolean conflictResolution = !Boolean.FALSE.equals(context(handle, CONFLICT_RESOLUTION));
        boolean unchanged = old != null && Objects.equals(old.hostname(), lease.hostname())
                && old.fqdnFwd() == lease.fqdnFwd() && old.fqdnRev() == lease.fqdnRev();
        if (unchanged && !Boolean.TRUE.equals(context(handle, UPDATE_ON_RENEW))) {
            return 0;
        }
        if (old != null && !unchanged) {
            remove(old, conflictResolution);
        }
        send(ChangeType.ADD, lease, conflictResolution);
        return 0;
    }

    /** A value this library put in the packet's context, or null. */
    private static <T> T context(CalloutHandle handle, String name) {
        return handle.getContextNames().contains(name) ? handle.getContext(name) : null;
    }

    /** A released lease's name goes. */
    int lease4Release(CalloutHandle handle) {
        remove(handle.get(Dhcp4Hooks.LEASE4), true);
        return 0;
    }

    /** A reclaimed lease's name goes. */
    int lease4Expire(CalloutHandle handle) {
        remove(handle.get(Dhcp4Hooks.LEASE4), true);
        return 0;
    }

    private void remove(Lease4 lease, boolean conflictResolution) {
        send(ChangeType.REMOVE, lease, conflictResolution);
    }

    private void send(ChangeType type, Lease4 lease, boolean conflictResolution) {
        if (lease == null || lease.hostname() == null || lease.hostname().isEmpty()
                || !lease.fqdnFwd() && !lease.fqdnRev()) {
            return;
        }
        NameChangeRequest ncr;
        try {
            ncr = ncr(type, lease, conflictResolution);
        } catch (IllegalArgumentException e) {
            LOG.log(DHCP4_DHCID_COMPUTE_ERROR, lease, e.getMessage());
            return;
        }
        sink.send(ncr);
    }

    /**
     * The request for a lease: its name and address, the DHCID of its client identifier (else of its hardware
     * address), and a TTL of a third of its lifetime (Kea 2.2).
     */
    static NameChangeRequest ncr(ChangeType type, Lease4 lease, boolean conflictResolution) {
        String fqdn = lease.hostname().endsWith(".") ? lease.hostname() : lease.hostname() + ".";
        byte[] clientId = lease.clientIdBytes();
        Dhcid dhcid = clientId != null && clientId.length > 0 ? Dhcid.fromClientId(clientId, fqdn)
                : Dhcid.fromHwAddr(lease.hwaddr().type(), lease.hwaddr().bytes(), fqdn);
        return new NameChangeRequest(type, lease.fqdnFwd(), lease.fqdnRev(), fqdn, lease.address(), dhcid,
                Instant.ofEpochSecond(lease.cltt() + lease.validLifetime()), lease.validLifetime() / 3,
                conflictResolution);
    }
}
