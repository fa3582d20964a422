package org.kea4j.ddns.server;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_CLIENT_NAME_PROC_FAIL;

import java.time.Instant;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Reservation4;
import org.kea4j.dhcpsrv.Subnet4;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;

/**
 * The DHCPv4 server's DDNS side, as callouts: the client's name is decided when its lease is selected or renewed
 * (and stored in the lease with the forward/reverse flags), answered in {@code pkt4_send}, and the
 * NameChangeRequests leave with the DHCPACK; releases and reclaimed leases remove their names.
 */
final class Dhcp4DdnsCallouts extends LeaseNameCallouts<Lease4> {

    Dhcp4DdnsCallouts(NcrSink sink) {
        super(sink);
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

    private int name(CalloutHandle handle, Lease4 before) {
        Subnet4 subnet = handle.get(Dhcp4Hooks.SUBNET4);
        Lease4 lease = handle.get(Dhcp4Hooks.LEASE4);
        if (subnet == null || lease == null) {
            return 0;
        }
        DdnsParameters p = subnet.ddns();
        NameDecision decision;
        try {
            Reservation4 host = handle.getArgumentNames().contains(Dhcp4Hooks.HOST4.name())
                    ? handle.get(Dhcp4Hooks.HOST4) : null;
            decision = Dhcp4Names.decide(handle.get(Dhcp4Hooks.QUERY4), p, lease.address(),
                    host == null ? null : host.hostname());
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
        remember(handle, decision, named, before, p);
        return 0;
    }

    /** The reply carries the name; a DHCPACK to a REQUEST also sends the requests to D2. */
    int pkt4Send(CalloutHandle handle) {
        NameDecision decision = decision(handle);
        Pkt4 response = handle.get(Dhcp4Hooks.RESPONSE4);
        if (decision == null || response.getType() == Pkt4.DHCPNAK) {
            return 0;
        }
        Dhcp4Names.answer(response, decision);
        if (response.getType() == Pkt4.DHCPACK && handle.get(Dhcp4Hooks.QUERY4).getType() == Pkt4.DHCPREQUEST) {
            updateDns(handle);
        }
        return 0;
    }

    /** A released lease's name goes. */
    int lease4Release(CalloutHandle handle) {
        remove(handle.get(Dhcp4Hooks.LEASE4));
        return 0;
    }

    /** A reclaimed lease's name goes. */
    int lease4Expire(CalloutHandle handle) {
        remove(handle.get(Dhcp4Hooks.LEASE4));
        return 0;
    }

    @Override
    String hostname(Lease4 lease) {
        return lease.hostname();
    }

    @Override
    boolean forward(Lease4 lease) {
        return lease.fqdnFwd();
    }

    @Override
    boolean reverse(Lease4 lease) {
        return lease.fqdnRev();
    }

    /**
     * The request for a lease: its name and address, the DHCID of its client identifier (else of its hardware
     * address), and a TTL of a third of its lifetime (Kea 2.2).
     */
    @Override
    NameChangeRequest ncr(ChangeType type, Lease4 lease, boolean conflictResolution) {
        String fqdn = absolute(lease.hostname());
        byte[] clientId = lease.clientIdBytes();
        Dhcid dhcid = clientId != null && clientId.length > 0 ? Dhcid.fromClientId(clientId, fqdn)
                : Dhcid.fromHwAddr(lease.hwaddr().type(), lease.hwaddr().bytes(), fqdn);
        return new NameChangeRequest(type, lease.fqdnFwd(), lease.fqdnRev(), fqdn, lease.address(), dhcid,
                Instant.ofEpochSecond(lease.cltt() + lease.validLifetime()), lease.validLifetime() / 3,
                conflictResolution);
    }
}
