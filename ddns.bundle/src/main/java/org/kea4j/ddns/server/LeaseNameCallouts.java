package org.kea4j.ddns.server;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_DHCID_COMPUTE_ERROR;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.log.KeaLogger;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.NameChangeRequest;

/**
 * What the DHCPv4 and DHCPv6 DDNS callouts share: the decision and the leases named while a packet is handled
 * are kept in its callout context; when the reply is a granting one, each named lease's requests go to D2 — an
 * add when the name is new (after a remove of the name the lease had, if it changed), nothing for an unchanged
 * renewal unless {@code ddns-update-on-renew}; releases and reclaimed leases send removes.
 *
 * @param <L> the lease type
 */
abstract class LeaseNameCallouts<L> {

    static final KeaLogger LOG = KeaLogger.forSubsystem("ddns");
    private static final String DECISION = "ddns.decision";
    private static final String NAMED = "ddns.named";

    /** A lease named in this packet, with the lease as it was before (null for a new one). */
    private record Named<L>(L lease, L before, boolean updateOnRenew, boolean conflictResolution) {
    }

    private final NcrSink sink;

    LeaseNameCallouts(NcrSink sink) {
        this.sink = sink;
    }

    abstract String hostname(L lease);

    abstract boolean forward(L lease);

    abstract boolean reverse(L lease);

    /** The request for a lease, or an exception when its DHCID cannot be computed. */
    abstract NameChangeRequest ncr(ChangeType type, L lease, boolean conflictResolution);

    /** Keeps the decision and the named lease for the reply. */
    final void remember(CalloutHandle handle, NameDecision decision, L named, L before, DdnsParameters p) {
        handle.setContext(DECISION, decision);
        List<Named<L>> list = context(handle, NAMED);
        List<Named<L>> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
        updated.add(new Named<>(named, before, p.updateOnRenew(), p.useConflictResolution()));
        handle.setContext(NAMED, updated);
    }

    /** The decision made for this packet, or null. */
    final NameDecision decision(CalloutHandle handle) {
        return context(handle, DECISION);
    }

    /** Sends the requests of the leases named in this packet (the reply grants them). */
    final void updateDns(CalloutHandle handle) {
        List<Named<L>> named = context(handle, NAMED);
        if (named == null) {
            return;
        }
        for (Named<L> n : named) {
            L before = n.before();
            boolean unchanged = before != null && Objects.equals(hostname(before), hostname(n.lease()))
                    && forward(before) == forward(n.lease()) && reverse(before) == reverse(n.lease());
            if (unchanged && !n.updateOnRenew()) {
                continue;
            }
            if (before != null && !unchanged) {
                send(ChangeType.REMOVE, before, n.conflictResolution());
            }
            send(ChangeType.ADD, n.lease(), n.conflictResolution());
        }
    }

    /** A released or reclaimed lease's name goes. */
    final void remove(L lease) {
        send(ChangeType.REMOVE, lease, true);
    }

    private void send(ChangeType type, L lease, boolean conflictResolution) {
        String name = lease == null ? null : hostname(lease);
        if (name == null || name.isEmpty() || !forward(lease) && !reverse(lease)) {
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

    /** A value this library put in the packet's context, or null. */
    static <T> T context(CalloutHandle handle, String name) {
        return handle.getContextNames().contains(name) ? handle.getContext(name) : null;
    }

    /** A name as the request carries it: absolute. */
    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
