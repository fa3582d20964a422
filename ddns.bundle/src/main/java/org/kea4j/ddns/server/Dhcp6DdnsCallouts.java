package org.kea4j.ddns.server;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_CLIENT_NAME_PROC_FAIL;

import java.time.Instant;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.Reservation6;
import org.kea4j.dhcpsrv.Subnet6;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;

/**
 * The DHCPv6 server's DDNS side, as callouts: a client that sends the Client FQDN option (39) has its address
 * leases named when they are selected, renewed or rebound; the ADVERTISE or REPLY answers the option; a REPLY to
 * a REQUEST, RENEW, REBIND (or a rapid-commit SOLICIT) sends the requests to D2; releases and reclaimed leases
 * remove their names. Delegated prefixes get no names.
 */
final class Dhcp6DdnsCallouts extends LeaseNameCallouts<Lease6> {

    static final int FQDN = 39;

    Dhcp6DdnsCallouts(NcrSink sink) {
        super(sink);
    }

    /** A malformed FQDN option makes the packet malformed: it is dropped. */
    int pkt6Receive(CalloutHandle handle) {
        Option fqdn = handle.get(Dhcp6Hooks.QUERY6).getOption(FQDN);
        if (fqdn != null) {
            try {
                ClientFqdn.parse(fqdn.data(), false);
            } catch (IllegalArgumentException e) {
                LOG.log(DHCP4_CLIENT_NAME_PROC_FAIL, e.getMessage());
                handle.setStatus(NextStep.DROP);
            }
        }
        return 0;
    }

    /** A new address lease: decide the name and store it in the lease. */
    int lease6Select(CalloutHandle handle) {
        return name(handle, null);
    }

    /** A renewed or rebound address lease: decide again; the lease as it was tells what D2 knows. */
    int lease6Extend(CalloutHandle handle) {
        return name(handle, handle.get(Dhcp6Hooks.LEASE6));
    }

    private int name(CalloutHandle handle, Lease6 before) {
        Subnet6 subnet = handle.get(Dhcp6Hooks.SUBNET6);
        Lease6 lease = handle.get(Dhcp6Hooks.LEASE6);
        Option option = handle.get(Dhcp6Hooks.QUERY6).getOption(FQDN);
        if (subnet == null || lease == null || lease.type() != LeaseType.NA || option == null) {
            return 0;
        }
        DdnsParameters p = subnet.ddns();
        NameDecision decision = decision(handle);
        if (decision == null) {
            ClientFqdn fqdn;
            try {
                fqdn = ClientFqdn.parse(option.data(), false);
            } catch (IllegalArgumentException e) {
                LOG.log(DHCP4_CLIENT_NAME_PROC_FAIL, e.getMessage());
                return 0;
            }
            Reservation6 host = handle.getArgumentNames().contains(Dhcp6Hooks.HOST6.name())
                    ? handle.get(Dhcp6Hooks.HOST6) : null;
            decision = ClientNames.fqdnDecision(fqdn, p, lease.address(), host == null ? null : host.hostname());
        }
        Lease6 named = lease.toBuilder().hostname(decision.name()).fqdn(decision.forward(), decision.reverse())
                .build();
        handle.set(Dhcp6Hooks.LEASE6, named);
        remember(handle, decision, named, before, p);
        return 0;
    }

    /** The answer carries option 39; a granting REPLY also sends the requests to D2. */
    int pkt6Send(CalloutHandle handle) {
        NameDecision decision = decision(handle);
        if (decision == null) {
            return 0;
        }
        Pkt6 response = handle.get(Dhcp6Hooks.RESPONSE6);
        if (response.getType() != Pkt6.REPLY && response.getType() != Pkt6.ADVERTISE) {
            return 0;
        }
        response.delOption(FQDN);
        response.addOption(new Option(FQDN, ClientFqdn.answer(decision.flags(), decision.name(), false)));
        int query = handle.get(Dhcp6Hooks.QUERY6).getType();
        if (response.getType() == Pkt6.REPLY && (query == Pkt6.REQUEST || query == Pkt6.RENEW
                || query == Pkt6.REBIND || query == Pkt6.SOLICIT)) {
            updateDns(handle);
        }
        return 0;
    }

    /** A released lease's name goes. */
    int lease6Release(CalloutHandle handle) {
        remove(handle.get(Dhcp6Hooks.LEASE6));
        return 0;
    }

    /** A reclaimed lease's name goes. */
    int lease6Expire(CalloutHandle handle) {
        remove(handle.get(Dhcp6Hooks.LEASE6));
        return 0;
    }

    @Override
    String hostname(Lease6 lease) {
        return lease.type() == LeaseType.NA ? lease.hostname() : null;
    }

    @Override
    boolean forward(Lease6 lease) {
        return lease.fqdnFwd();
    }

    @Override
    boolean reverse(Lease6 lease) {
        return lease.fqdnRev();
    }

    /** The request for an address lease: the DHCID of the client's DUID, a TTL of a third of the lifetime. */
    @Override
    NameChangeRequest ncr(ChangeType type, Lease6 lease, boolean conflictResolution) {
        String fqdn = absolute(lease.hostname());
        return new NameChangeRequest(type, lease.fqdnFwd(), lease.fqdnRev(), fqdn, lease.address(),
                Dhcid.fromDuid(lease.duidBytes(), fqdn), Instant.ofEpochSecond(lease.cltt() + lease.validLifetime()),
                lease.validLifetime() / 3, conflictResolution);
    }
}
