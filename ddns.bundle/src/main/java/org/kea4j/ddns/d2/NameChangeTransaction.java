package org.kea4j.ddns.d2;

import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_ADD_FAILED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_ADD_SUCCEEDED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_REMOVE_SUCCEEDED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_UPDATE_REQUEST_SENT;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_UPDATE_RESPONSE_RECEIVED;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kea4j.log.KeaLogger;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.NameChangeRequest;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DHCIDRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.WireParseException;

/**
 * One NameChangeRequest carried out against the DNS as RFC 4703 says (Kea's NameAdd and NameRemove
 * transactions; without conflict resolution, Kea 2.x's simple ones): the forward part on the forward domain's
 * servers, then the reverse part on the reverse domain's. Each update is tried up to three times on a server;
 * when a server does not answer, the next one of the domain takes the part over from its first update; a
 * refusal (an unexpected RCODE) ends the transaction. Runs on one thread, start to end.
 */
public final class NameChangeTransaction {

    /** Tries of one update on one server before the next server is chosen (Kea's MAX_UPDATE_TRIES_PER_SERVER). */
    static final int TRIES_PER_SERVER = 3;
    /** How often an add goes back from replace to add when the name vanishes in between. */
    private static final int MAX_ADD_RESTARTS = 3;

    private static final KeaLogger LOG = KeaLogger.get("kea-dhcp-ddns.d2-to-dns");

    /** How a part (forward or reverse) ended on one server. */
    private enum PartResult { DONE, FAILED, SERVER_UNREACHABLE }

    /** The answer to one update: an RCODE, or none (the server could not be reached). */
    private record Reply(int rcode) {
        static final Reply NONE = new Reply(-1);

        boolean answered() {
            return rcode >= 0;
        }
    }

    private final NameChangeRequest ncr;
    private final DdnsDomain forwardDomain;
    private final DdnsDomain reverseDomain;
    private final DnsClient dns;
    private final Duration timeout;
    private final D2Statistics statistics;
    private final List<String> trail = Collections.synchronizedList(new ArrayList<>());
    private final Name fqdn;
    private final Name reverseName;

    /**
     * A transaction of a request whose directions are already matched to domains.
     *
     * @param forwardDomain the domain of the FQDN, or null when the forward part is not done
     * @param reverseDomain the domain of the reverse name, or null when the reverse part is not done
     */
    public NameChangeTransaction(NameChangeRequest ncr, DdnsDomain forwardDomain, DdnsDomain reverseDomain,
            DnsClient dns, Duration timeout, D2Statistics statistics) {
        this.ncr = ncr;
        this.forwardDomain = forwardDomain;
        this.reverseDomain = reverseDomain;
        this.dns = dns;
        this.timeout = timeout;
        this.statistics = statistics;
        try {
            this.fqdn = Name.fromString(ncr.fqdn());
            this.reverseName = Name.fromString(DdnsDomains.reverseName(ncr.ipAddress()));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("invalid name in " + ncr + ": " + e.getMessage(), e);
        }
    }

    /** The request. */
    public NameChangeRequest ncr() {
        return ncr;
    }

    /**
     * What happened, one entry per update sent: {@code STEP@server:RCODE} or {@code STEP@server:no answer}.
     * For tests and debugging.
     */
    public List<String> trail() {
        synchronized (trail) {
            return List.copyOf(trail);
        }
    }

    /** Carries the request out; true when every part asked for was done. */
    public boolean run() {
        boolean ok = true;
        if (forwardDomain != null) {
            ok = part(forwardDomain, true);
        }
        if (ok && reverseDomain != null) {
            ok = part(reverseDomain, false);
        }
        if (ok) {
            LOG.log(ncr.changeType() == ChangeType.ADD ? DHCP_DDNS_ADD_SUCCEEDED : DHCP_DDNS_REMOVE_SUCCEEDED, ncr);
        } else {
            LOG.log(DHCP_DDNS_ADD_FAILED, (ncr.changeType() == ChangeType.ADD ? "add" : "remove") + " failed: "
                    + ncr);
        }
        return ok;
    }

    private boolean part(DdnsDomain domain, boolean forward) {
        for (DnsServerConfig server : domain.servers()) {
            PartResult result;
            try {
                result = forward ? forward(domain, server) : reverse(domain, server);
            } catch (TextParseException | IllegalArgumentException e) {
                UpdateStep step = forward ? (ncr.changeType() == ChangeType.ADD ? UpdateStep.FORWARD_ADD
                        : UpdateStep.FORWARD_REMOVE_ADDRS)
                        : (ncr.changeType() == ChangeType.ADD ? UpdateStep.REVERSE_REPLACE : UpdateStep.REVERSE_REMOVE);
                LOG.log(step.buildFailure, ncr, e.getMessage());
                return false;
            }
            if (result != PartResult.SERVER_UNREACHABLE) {
                return result == PartResult.DONE;
            }
        }
        return false;
    }

    // ----- the forward part

    private PartResult forward(DdnsDomain domain, DnsServerConfig server) throws TextParseException {
        if (ncr.changeType() == ChangeType.ADD) {
            return ncr.useConflictResolution() ? forwardAdd(domain, server)
                    : expect(send(UpdateStep.FORWARD_ADD, simpleForwardAdd(domain), server), server,
                            UpdateStep.FORWARD_ADD, Rcode.NOERROR);
        }
        if (!ncr.useConflictResolution()) {
            return expect(send(UpdateStep.FORWARD_REMOVE_ADDRS, simpleForwardRemove(domain), server), server,
                    UpdateStep.FORWARD_REMOVE_ADDRS, Rcode.NOERROR, Rcode.NXRRSET);
        }
        Reply addresses = send(UpdateStep.FORWARD_REMOVE_ADDRS, removeForwardAddress(domain), server);
        PartResult first = expect(addresses, server, UpdateStep.FORWARD_REMOVE_ADDRS, Rcode.NOERROR, Rcode.NXRRSET);
        if (first != PartResult.DONE) {
            return first;
        }
        return expect(send(UpdateStep.FORWARD_REMOVE_RRS, removeForwardRrs(domain), server), server,
                UpdateStep.FORWARD_REMOVE_RRS, Rcode.NOERROR, Rcode.NXRRSET);
    }

    private PartResult forwardAdd(DdnsDomain domain, DnsServerConfig server) throws TextParseException {
        for (int restart = 0; restart <= MAX_ADD_RESTARTS; restart++) {
            Reply add = send(UpdateStep.FORWARD_ADD, addForward(domain), server);
            if (!add.answered()) {
                return PartResult.SERVER_UNREACHABLE;
            }
            if (add.rcode() == Rcode.NOERROR) {
                return PartResult.DONE;
            }
            if (add.rcode() != Rcode.YXDOMAIN) {
                LOG.log(UpdateStep.FORWARD_ADD.rejected, server, ncr.fqdn(), Rcode.string(add.rcode()));
                return PartResult.FAILED;
            }
            Reply replace = send(UpdateStep.FORWARD_REPLACE, replaceForward(domain), server);
            if (!replace.answered()) {
                return PartResult.SERVER_UNREACHABLE;
            }
            if (replace.rcode() == Rcode.NOERROR) {
                return PartResult.DONE;
            }
            if (replace.rcode() != Rcode.NXDOMAIN) {
                LOG.log(UpdateStep.FORWARD_REPLACE.rejected, server, ncr.fqdn(), Rcode.string(replace.rcode()));
                return PartResult.FAILED;
            }
        }
        LOG.log(UpdateStep.FORWARD_REPLACE.rejected, server, ncr.fqdn(), Rcode.string(Rcode.NXDOMAIN));
        return PartResult.FAILED;
    }

    // ----- the reverse part

    private PartResult reverse(DdnsDomain domain, DnsServerConfig server) throws TextParseException {
        if (ncr.changeType() == ChangeType.ADD) {
            return expect(send(UpdateStep.REVERSE_REPLACE, replaceReverse(domain), server), server,
                    UpdateStep.REVERSE_REPLACE, Rcode.NOERROR);
        }
        Update remove = ncr.useConflictResolution() ? removeReverse(domain) : simpleReverseRemove(domain);
        return expect(send(UpdateStep.REVERSE_REMOVE, remove, server), server, UpdateStep.REVERSE_REMOVE,
                Rcode.NOERROR, Rcode.NXRRSET);
    }

    private PartResult expect(Reply reply, DnsServerConfig server, UpdateStep step, int... accepted) {
        if (!reply.answered()) {
            return PartResult.SERVER_UNREACHABLE;
        }
        for (int rcode : accepted) {
            if (reply.rcode() == rcode) {
                return PartResult.DONE;
            }
        }
        LOG.log(step.rejected, server, ncr.fqdn(), Rcode.string(reply.rcode()));
        return PartResult.FAILED;
    }

    // ----- sending

    private Reply send(UpdateStep step, Update update, DnsServerConfig server) {
        for (int attempt = 1; attempt <= TRIES_PER_SERVER; attempt++) {
            LOG.log(DHCP_DDNS_UPDATE_REQUEST_SENT, step, ncr.dhcid(), server);
            statistics.updateSent(server);
            try {
                Message answer = dns.exchange(update, server, timeout);
                statistics.updateAnswered(server);
                LOG.log(DHCP_DDNS_UPDATE_RESPONSE_RECEIVED, ncr.dhcid(), server, Rcode.string(answer.getRcode()));
                trail.add(step + "@" + server + ":" + Rcode.string(answer.getRcode()));
                return new Reply(answer.getRcode());
            } catch (WireParseException | RuntimeException e) {
                // dnsjava may fail on a corrupt answer with other than its parse error (a truncated answer whose
                // TSIG is looked for, found by fuzzing): an answer that cannot be read is corrupt, not a crash
                statistics.updateError(server);
                LOG.log(step.corrupt, server, ncr.fqdn());
                trail.add(step + "@" + server + ":corrupt");
            } catch (SocketTimeoutException e) {
                statistics.updateTimeout(server);
                LOG.log(step.ioError, ncr.fqdn(), server);
                trail.add(step + "@" + server + ":no answer");
            } catch (IOException e) {
                statistics.updateError(server);
                LOG.log(step.ioError, ncr.fqdn(), server);
                trail.add(step + "@" + server + ":io error");
            }
        }
        return Reply.NONE;
    }

    // ----- the updates (RFC 4703 section 5; Kea's builders)

    private Record address(long ttl) {
        return ncr.isV6() ? new AAAARecord(fqdn, DClass.IN, ttl, ncr.ipAddress())
                : new ARecord(fqdn, DClass.IN, ttl, ncr.ipAddress());
    }

    private int addressType() {
        return ncr.isV6() ? Type.AAAA : Type.A;
    }

    private DHCIDRecord dhcid(Name name, long ttl) {
        return new DHCIDRecord(name, DClass.IN, ttl, ncr.dhcid().rdata());
    }

    private Update update(DdnsDomain domain) throws TextParseException {
        return new Update(Name.fromString(domain.isWildcard() ? zoneOf(domain) : domain.name()), DClass.IN);
    }

    /** The zone of a wildcard domain: the name's parent, as the DNS server's zone is unknown. */
    private String zoneOf(DdnsDomain domain) {
        return domain == reverseDomain ? new Name(reverseName, 1).toString() : new Name(fqdn, 1).toString();
    }

    /** Add: the name is not in use; add the address and the DHCID. */
    Update addForward(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.absent(fqdn);
        u.add(address(ncr.leaseLength()));
        u.add(dhcid(fqdn, ncr.leaseLength()));
        return u;
    }

    /** Replace: the name is in use by this client (its DHCID); replace the addresses. */
    Update replaceForward(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.present(fqdn);
        u.present(dhcid(fqdn, 0));
        u.delete(fqdn, addressType());
        u.add(address(ncr.leaseLength()));
        return u;
    }

    /** Reverse: replace the PTR and the DHCID at the reverse name, no prerequisite. */
    Update replaceReverse(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.delete(reverseName, Type.PTR);
        u.delete(reverseName, Type.DHCID);
        u.add(new PTRRecord(reverseName, DClass.IN, ncr.leaseLength(), fqdn));
        u.add(dhcid(reverseName, ncr.leaseLength()));
        return u;
    }

    /** Remove, first: this client's name (its DHCID); delete this address. */
    Update removeForwardAddress(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.present(dhcid(fqdn, 0));
        u.delete(address(0));
        return u;
    }

    /** Remove, second: this client's name with no address left; delete everything at the name. */
    Update removeForwardRrs(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.present(dhcid(fqdn, 0));
        u.absent(fqdn, Type.A);
        u.absent(fqdn, Type.AAAA);
        u.delete(fqdn);
        return u;
    }

    /** Remove reverse: the PTR names this FQDN; delete everything at the reverse name. */
    Update removeReverse(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.present(new PTRRecord(reverseName, DClass.IN, 0, fqdn));
        u.delete(reverseName);
        return u;
    }

    /** Without conflict resolution: replace the addresses and the DHCID, whoever had them. */
    Update simpleForwardAdd(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.delete(fqdn, addressType());
        u.delete(fqdn, Type.DHCID);
        u.add(address(ncr.leaseLength()));
        u.add(dhcid(fqdn, ncr.leaseLength()));
        return u;
    }

    /** Without conflict resolution: delete this address and the DHCID. */
    Update simpleForwardRemove(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.delete(address(0));
        u.delete(fqdn, Type.DHCID);
        return u;
    }

    /** Without conflict resolution: delete the PTR and the DHCID at the reverse name. */
    Update simpleReverseRemove(DdnsDomain domain) throws TextParseException {
        Update u = update(domain);
        u.delete(reverseName, Type.PTR);
        u.delete(reverseName, Type.DHCID);
        return u;
    }
}
