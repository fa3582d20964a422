package org.kea4j.dhcp6.internal;

import static org.kea4j.hooks.Dhcp6Hooks.LEASE6;
import static org.kea4j.hooks.Dhcp6Hooks.QUERY6;
import static org.kea4j.hooks.Dhcp6Hooks.RESPONSE6;
import static org.kea4j.hooks.Dhcp6Hooks.SUBNET6;
import static org.kea4j.hooks.Dhcp6Hooks.SUBNET6COLLECTION;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_CLASS_ASSIGNED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_CLIENTID_MISSING;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_EXTEND_NA_UNKNOWN;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_EXTEND_NA_UNKNOWN_SUBNET;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_EXTEND_PD_NO_BINDING;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_EXTEND_PD_UNKNOWN_SUBNET;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_BUFFER_RCVD_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_BUFFER_SEND_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_LEASE6_RELEASE_NA_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_LEASE6_RELEASE_PD_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_PACKET_RCVD_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_PACKET_SEND_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_HOOK_SUBNET6_SELECT_SKIP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_LEASE_ADVERT;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_LEASE_ADVERT_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_LEASE_ALLOC;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_LEASE_ALLOC_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PACKET_MISMATCH_SERVERID_DROP;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PACKET_PARSE_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PACKET_PROCESS_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PACKET_RECEIVED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PD_LEASE_ADVERT;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PD_LEASE_ADVERT_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PD_LEASE_ALLOC;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PD_LEASE_ALLOC_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PROCESS_IA_NA_REQUEST;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_PROCESS_IA_PD_REQUEST;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_QUERY_DATA;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_NA;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_NA_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_NA_FAIL_WRONG_DUID;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_NA_FAIL_WRONG_IAID;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_PD;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_PD_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_PD_FAIL_WRONG_DUID;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RELEASE_PD_FAIL_WRONG_IAID;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_REQUIRED_OPTIONS_CHECK_FAIL;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_RESPONSE_DATA;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SUBNET_SELECTED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_SUBNET_SELECTION_FAILED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_UNKNOWN_MSG_RECEIVED;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_UNKNOWN_RELEASE_NA;
import static org.kea4j.dhcp6.internal.Dhcp6Messages.DHCP6_UNKNOWN_RELEASE_PD;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.alloc.AllocEngine6;
import org.kea4j.dhcpsrv.cfg.ClientClassification;
import org.kea4j.dhcpsrv.alloc.ClientContext6;
import org.kea4j.dhcpsrv.cfg.ConfiguredOptions;
import org.kea4j.dhcpsrv.cfg.PacketPipeline;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import org.kea4j.dhcpsrv.cfg.PdPoolConfig;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.cfg.Reservation6Config;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.stats.PacketStatistics;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;

/**
 * The DHCPv6 packet pipeline (Kea's {@code Dhcpv6Srv}): from received bytes to the response's bytes,
 * through every DHCPv6 hook point; the steps DHCPv4 shares are {@link PacketPipeline}'s.
 */
final class Dhcp6Srv extends PacketPipeline<Pkt6, Dhcp6Runtime, Dhcp6Srv.Reply> {

    static final KeaLogger LOG = KeaLogger.get(Dhcp6Section.LOGGER_ROOT + ".dhcp6");
    private static final KeaLogger PACKETS = KeaLogger.get(Dhcp6Section.LOGGER_ROOT + ".packets");
    private static final KeaLogger LEASES = KeaLogger.get(Dhcp6Section.LOGGER_ROOT + ".leases");
    private static final KeaLogger HOOKS = KeaLogger.get(Dhcp6Section.LOGGER_ROOT + ".hooks");
    private static final HookPoints<Pkt6> HOOK_POINTS = new HookPoints<>(Dhcp6Hooks.BUFFER6_RECEIVE,
            Dhcp6Hooks.PKT6_RECEIVE, Dhcp6Hooks.PKT6_SEND, Dhcp6Hooks.BUFFER6_SEND, QUERY6, RESPONSE6);
    private static final Messages MESSAGES = new Messages(Dhcp6Messages.DHCP6_PACKET_QUEUE_FULL,
            DHCP6_HOOK_BUFFER_RCVD_SKIP, DHCP6_PACKET_PARSE_FAIL, DHCP6_PACKET_PROCESS_FAIL,
            DHCP6_HOOK_PACKET_RCVD_SKIP, DHCP6_HOOK_PACKET_SEND_SKIP, DHCP6_HOOK_BUFFER_SEND_SKIP, DHCP6_RESPONSE_DATA);
    private static final Inet6Address ANY = Addresses.parseV6("::");

    private final Hook subnet6Select;
    private final Hook lease6Release;
    private final Hook lease6Decline;
    private final AllocEngine6 engine;

    /** What to send, from which local address of which interface, and where. */
    record Reply(Pkt6 packet, byte[] data, String iface, InetAddress from, InetAddress destination, int port)
            implements PacketPipeline.Reply<Pkt6> {
    }

    Dhcp6Srv(HooksManager hooks, AllocEngine6 engine) {
        this(hooks, engine, new PacketStatistics(new org.kea4j.stats.StatisticsRegistry(), 6));
    }

    Dhcp6Srv(HooksManager hooks, AllocEngine6 engine, PacketStatistics packets) {
        super(hooks, packets, HOOK_POINTS, MESSAGES, new Loggers(LOG, PACKETS, HOOKS));
        this.engine = engine;
        this.subnet6Select = hooks.hook(Dhcp6Hooks.SUBNET6_SELECT);
        this.lease6Release = hooks.hook(Dhcp6Hooks.LEASE6_RELEASE);
        this.lease6Decline = hooks.hook(Dhcp6Hooks.LEASE6_DECLINE);
    }

    AllocEngine6 engine() {
        return engine;
    }

    @Override
    public void configured(Dhcp6Runtime runtime, LeaseMgr leases) {
        engine.configured(runtime.subnetList(), leases);
    }

    /** Whether a query of this type is answered (every client message is): no answer is a drop. */
    @Override
    protected boolean expectsAnswer(int type) {
        return type == Pkt6.SOLICIT || type == Pkt6.REQUEST || type == Pkt6.CONFIRM || type == Pkt6.RENEW
                || type == Pkt6.REBIND || type == Pkt6.RELEASE || type == Pkt6.DECLINE
                || type == Pkt6.INFORMATION_REQUEST;
    }

    /** A parsed query: classified, accepted or dropped, processed; null when nothing is sent. */
    @Override
    protected Reply serve(Pkt6 query, Dhcp6Runtime rt, LeaseMgr leaseMgr, CalloutSession session) {
        classify(query, rt);
        Option serverId = query.getOption(Options6.SERVERID);
        if (serverId != null && !serverId.dataEquals(rt.serverId().rawBytes())) {
            PACKETS.log(DHCP6_PACKET_MISMATCH_SERVERID_DROP, query.getName(), query.transid(), query.iface());
            return null;
        }
        int type = query.getType();
        boolean unicast = !query.isRelayed() && query.localAddress() != null && !query.localAddress().isMulticastAddress();
        if (unicast && (type == Pkt6.SOLICIT || type == Pkt6.CONFIRM || type == Pkt6.REBIND
                || type == Pkt6.INFORMATION_REQUEST)) {
            PACKETS.log(DHCP6_REQUIRED_OPTIONS_CHECK_FAIL, query.getName(), text(query.remoteAddress()),
                    "must be sent to a multicast address");
            return null;
        }
        String problem = requiredOptions(query);
        if (problem != null) {
            if (problem.contains("client-id")) {
                LOG.log(DHCP6_CLIENTID_MISSING, text(query.remoteAddress()));
            }
            PACKETS.log(DHCP6_REQUIRED_OPTIONS_CHECK_FAIL, query.getName(), text(query.remoteAddress()), problem);
            return null;
        }
        if (PACKETS.isEnabled(DHCP6_PACKET_RECEIVED)) { // no label built for a log line not written
            PACKETS.log(DHCP6_PACKET_RECEIVED, query.label());
        }
        if (PACKETS.isEnabled(DHCP6_QUERY_DATA)) {
            PACKETS.log(DHCP6_QUERY_DATA, "duid=[" + (query.getClientId() == null ? "no info" : query.getClientId())
                    + "], tid=0x" + Long.toHexString(query.transid()), query.toString());
        }
        query = packetReceived(query, session);
        if (query == null) {
            return null;
        }
        Pkt6 response;
        // RFC 8415 18.4: a REQUEST, RENEW, RELEASE or DECLINE sent by unicast where it is not allowed gets
        // UseMulticast; a message of an unknown type is dropped below, however it came
        if (unicast && !rt.unicastAllowed(query.iface(), query.localAddress()) && (type == Pkt6.REQUEST
                || type == Pkt6.RENEW || type == Pkt6.RELEASE || type == Pkt6.DECLINE)) {
            response = base(query, Pkt6.REPLY, rt);
            response.addOption(Options6.status(Options6.STATUS_USE_MULTICAST,
                    "unicast is not allowed here: send to All_DHCP_Relay_Agents_and_Servers"));
        } else {
            response = switch (type) {
                case Pkt6.SOLICIT -> processSolicit(query, rt, leaseMgr, session);
                case Pkt6.REQUEST -> processRequest(query, rt, leaseMgr, session);
                case Pkt6.RENEW -> processExtend(query, rt, leaseMgr, session, false);
                case Pkt6.REBIND -> processExtend(query, rt, leaseMgr, session, true);
                case Pkt6.RELEASE -> processRelease(query, rt, leaseMgr, session);
                case Pkt6.DECLINE -> processDecline(query, rt, leaseMgr, session);
                case Pkt6.CONFIRM -> processConfirm(query, rt, session);
                case Pkt6.INFORMATION_REQUEST -> processInfRequest(query, rt, session);
                default -> {
                    PACKETS.log(DHCP6_UNKNOWN_MSG_RECEIVED, type, query.iface());
                    yield null;
                }
            };
        }
        return response == null ? null : send(query, response, rt, session);
    }

    /** Kea's built-in classification by the vendor class option (16), then the classes' tests in order. */
    private static void classify(Pkt6 query, Dhcp6Runtime rt) {
        Option vendorClass = query.getOption(16);
        if (vendorClass != null && vendorClass.length() >= 6) {
            byte[] d = vendorClass.data();
            int len = ((d[4] & 0xFF) << 8) | (d[5] & 0xFF);
            String text = new String(d, 6, Math.min(len, d.length - 6), StandardCharsets.UTF_8);
            query.addClass(text.contains("docsis3.0") ? "VENDOR_CLASS_docsis3.0"
                    : text.contains("eRouter1.0") ? "VENDOR_CLASS_eRouter1.0" : "VENDOR_CLASS_" + text);
        }
        ClientClassification.onReceive(query, rt.config().classes().values());
        if (!query.classes().isEmpty()) {
            PACKETS.log(DHCP6_CLASS_ASSIGNED, String.join(", ", query.classes()));
        }
    }

    /** RFC 8415's required and forbidden client-id / server-id per message type; null when fine. */
    static String requiredOptions(Pkt6 query) {
        int clientIds = query.getOptions(Options6.CLIENTID).size();
        int serverIds = query.getOptions(Options6.SERVERID).size();
        return switch (query.getType()) {
            case Pkt6.SOLICIT, Pkt6.REBIND, Pkt6.CONFIRM -> clientIds != 1 ? "exactly one client-id required"
                    : serverIds != 0 ? "server-id forbidden" : null;
            case Pkt6.REQUEST, Pkt6.RENEW, Pkt6.RELEASE, Pkt6.DECLINE -> clientIds != 1
                    ? "exactly one client-id required" : serverIds != 1 ? "exactly one server-id required" : null;
            case Pkt6.INFORMATION_REQUEST -> clientIds > 1 ? "at most one client-id allowed"
                    : serverIds > 1 ? "at most one server-id allowed" : null;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ subnet selection

    Subnet6Config selectSubnet(Pkt6 query, Dhcp6Runtime rt, CalloutSession session) {
        Subnet6Config selected = selectByRules(query, rt);
        if (session != null && session.hasCallouts(subnet6Select)) {
            NextStep next = session.begin(subnet6Select).with(QUERY6, query).with(SUBNET6, selected)
                    .with(SUBNET6COLLECTION, rt.collection().view()).call();
            if (next != NextStep.CONTINUE) {
                HOOKS.log(DHCP6_HOOK_SUBNET6_SELECT_SKIP);
                return null;
            }
            selected = rt.collection().configured(session.get(SUBNET6));
        }
        if (selected != null) {
            PACKETS.log(DHCP6_SUBNET_SELECTED, selected);
        } else {
            if (noSubnetReport.allow()) {
                PACKETS.log(DHCP6_SUBNET_SELECTION_FAILED, text(query.remoteAddress()), query.getName());
            }
        }
        return selected;
    }

    private static Subnet6Config selectByRules(Pkt6 query, Dhcp6Runtime rt) {
        List<Pkt6.RelayInfo> relays = query.relays();
        Pkt6.RelayInfo nearest = relays.isEmpty() ? null : relays.get(relays.size() - 1);
        if (nearest != null && !nearest.linkAddress().equals(ANY)) {
            Option interfaceId = nearest.getOption(Options6.INTERFACE_ID);
            if (interfaceId != null) {
                for (Dhcp6Runtime.SubnetScope s : rt.subnets()) {
                    if (s.subnet().matchesInterfaceId(interfaceId.data()) && classAllowed(s.subnet(), query)) {
                        return s.subnet();
                    }
                }
            }
            for (Dhcp6Runtime.SubnetScope s : rt.subnets()) {
                if (s.subnet().relayAddresses().contains(nearest.linkAddress()) && classAllowed(s.subnet(), query)) {
                    return s.subnet();
                }
            }
            return byAddress(nearest.linkAddress(), query, rt);
        }
        if (nearest != null) {
            Option interfaceId = nearest.getOption(Options6.INTERFACE_ID);
            if (interfaceId != null) {
                for (Dhcp6Runtime.SubnetScope s : rt.subnets()) {
                    if (s.subnet().matchesInterfaceId(interfaceId.data()) && classAllowed(s.subnet(), query)) {
                        return s.subnet();
                    }
                }
            }
        }
        for (Dhcp6Runtime.SubnetScope s : rt.subnets()) {
            if (query.iface().equals(s.subnet().interfaceName()) && classAllowed(s.subnet(), query)) {
                return s.subnet();
            }
        }
        InetAddress source = nearest != null ? nearest.peerAddress() : query.remoteAddress();
        return source == null ? null : byAddress(source, query, rt);
    }

    private static Subnet6Config byAddress(InetAddress address, Pkt6 query, Dhcp6Runtime rt) {
        for (Dhcp6Runtime.SubnetScope s : rt.subnets()) {
            if (s.subnet().prefix().contains(address) && classAllowed(s.subnet(), query)) {
                return s.subnet();
            }
        }
        return null;
    }

    private static boolean classAllowed(Subnet6Config subnet, Pkt6 query) {
        return subnet.clientClass() == null || query.inClass(subnet.clientClass());
    }

    // ------------------------------------------------------------------ messages

    private Pkt6 processSolicit(Pkt6 query, Dhcp6Runtime rt, LeaseMgr lm, CalloutSession session) {
        Subnet6Config subnet = selectSubnet(query, rt, session);
        boolean rapid = subnet != null && subnet.rapidCommit() && query.getOption(Options6.RAPID_COMMIT) != null;
        Pkt6 response = base(query, rapid ? Pkt6.REPLY : Pkt6.ADVERTISE, rt);
        if (rapid) {
            response.addOption(new Option(Options6.RAPID_COMMIT, new byte[0]));
        }
        Reservation6Config host = reservation(query, subnet, rt);
        List<Lease6> granted = assignIas(query, response, subnet, host, rt, lm, session, !rapid);
        addOptions(response, query, subnet, granted, host, rt);
        return response;
    }

    private Pkt6 processRequest(Pkt6 query, Dhcp6Runtime rt, LeaseMgr lm, CalloutSession session) {
        Subnet6Config subnet = selectSubnet(query, rt, session);
        Pkt6 response = base(query, Pkt6.REPLY, rt);
        Reservation6Config host = reservation(query, subnet, rt);
        List<Lease6> granted = assignIas(query, response, subnet, host, rt, lm, session, false);
        addOptions(response, query, subnet, granted, host, rt);
        return response;
    }

    /** One lease per IA_NA / IA_PD of the query, or the IA with NoAddrsAvail / NoPrefixAvail. */
    private List<Lease6> assignIas(Pkt6 query, Pkt6 response, Subnet6Config subnet, Reservation6Config host, Dhcp6Runtime rt,
            LeaseMgr lm, CalloutSession session, boolean fake) {
        List<Lease6> granted = new ArrayList<>();
        Duid duid = query.getClientId();
        for (Option o : query.options()) {
            if (o.code() != Options6.IA_NA && o.code() != Options6.IA_PD) {
                continue;
            }
            Options6.Ia ia = Options6.Ia.of(o);
            LeaseType type = o.code() == Options6.IA_NA ? LeaseType.NA : LeaseType.PD;
            List<ClientContext6.Hint> hints = hints(ia);
            Dhcp6Messages request = type == LeaseType.NA ? DHCP6_PROCESS_IA_NA_REQUEST : DHCP6_PROCESS_IA_PD_REQUEST;
            if (LEASES.isEnabled(request)) {
                LEASES.log(request, duid, ia.iaid(), hints.isEmpty() ? "(no hint)" : hintText(hints));
            }
            if (subnet == null) {
                response.addOption(noLease(ia, type, "Sorry, no subnet available."));
                continue;
            }
            ClientContext6 ctx = context(query, subnet, lm, duid, ia, type, hints, fake, host, rt, session, null, false);
            List<Lease6> leases = engine.allocate(ctx);
            if (leases.isEmpty()) {
                logFailure(type, fake, duid, ia.iaid());
                response.addOption(noLease(ia, type, type == LeaseType.NA ? "Sorry, no address could be allocated."
                        : "Sorry, no prefixes could be allocated."));
                continue;
            }
            for (Lease6 l : leases) {
                logSuccess(l, fake, duid, ia.iaid());
            }
            granted.addAll(leases);
            response.addOption(iaWith(query, ia, subnet, leases, List.of()));
        }
        return granted;
    }

    private static List<ClientContext6.Hint> hints(Options6.Ia ia) {
        List<ClientContext6.Hint> hints = new ArrayList<>();
        for (Option sub : ia.options()) {
            if (sub.code() == Options6.IAADDR) {
                hints.add(new ClientContext6.Hint(Options6.IaAddr.of(sub).address(), 128));
            } else if (sub.code() == Options6.IAPREFIX) {
                Options6.IaPrefix p = Options6.IaPrefix.of(sub);
                if (!p.prefix().equals(ANY)) {
                    hints.add(new ClientContext6.Hint(p.prefix(), p.length()));
                }
            }
        }
        return hints;
    }

    private static String hintText(List<ClientContext6.Hint> hints) {
        ClientContext6.Hint h = hints.get(0);
        return Addresses.format(h.address()) + (h.length() == 128 ? "" : "/" + h.length());
    }

    private ClientContext6 context(Pkt6 query, Subnet6Config subnet, LeaseMgr lm, Duid duid, Options6.Ia ia, LeaseType type,
            List<ClientContext6.Hint> hints, boolean fake, Reservation6Config host, Dhcp6Runtime rt, CalloutSession session,
            Option iaOption, boolean rebind) {
        return new ClientContext6(subnet, lm, duid, ia.iaid(), type, hints, fake, host, rt.hosts(),
                host == null ? null : host.hostname(), hwaddr(query), query, session, query.classes(), iaOption, rebind,
                now(), rt.candidates(subnet, s -> classAllowed(s, query)), s -> reservation(query, s, rt));
    }

    /** The client's hardware address when its DUID carries one (LLT or LL). */
    private static HWAddr hwaddr(Pkt6 query) {
        Duid duid = query.getClientId();
        if (duid == null) {
            return null;
        }
        byte[] d = duid.rawBytes();
        int type = d.length >= 2 ? ((d[0] & 0xFF) << 8) | (d[1] & 0xFF) : 0;
        int offset = type == 1 ? 8 : type == 3 ? 4 : -1;
        if (offset < 0 || d.length <= offset || d.length - offset > HWAddr.MAX_LENGTH) {
            return null;
        }
        int htype = ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
        return new HWAddr(htype, java.util.Arrays.copyOfRange(d, offset, d.length), HWAddr.SOURCE_DUID);
    }

    private void logSuccess(Lease6 l, boolean fake, Duid duid, long iaid) {
        if (l.type() == LeaseType.NA) {
            Dhcp6Messages id = fake ? DHCP6_LEASE_ADVERT : DHCP6_LEASE_ALLOC;
            if (LEASES.isEnabled(id)) {
                LEASES.log(id, Addresses.format(l.address()), duid, iaid);
            }
        } else {
            Dhcp6Messages id = fake ? DHCP6_PD_LEASE_ADVERT : DHCP6_PD_LEASE_ALLOC;
            if (LEASES.isEnabled(id)) {
                LEASES.log(id, Addresses.format(l.address()), l.prefixLength(), duid, iaid);
            }
        }
    }

    private void logFailure(LeaseType type, boolean fake, Duid duid, long iaid) {
        if (type == LeaseType.NA) {
            LEASES.log(fake ? DHCP6_LEASE_ADVERT_FAIL : DHCP6_LEASE_ALLOC_FAIL, duid, iaid);
        } else {
            LEASES.log(fake ? DHCP6_PD_LEASE_ADVERT_FAIL : DHCP6_PD_LEASE_ALLOC_FAIL, duid, iaid);
        }
    }

    private static Option noLease(Options6.Ia ia, LeaseType type, String text) {
        return iaStatus(ia, type == LeaseType.NA ? Options6.STATUS_NO_ADDRS_AVAIL : Options6.STATUS_NO_PREFIX_AVAIL,
                text);
    }

    private static Option iaStatus(Options6.Ia ia, int status, String text) {
        return new Options6.Ia(ia.code(), ia.iaid(), 0, 0, List.of(Options6.status(status, text))).toOption();
    }

    /** The IA with its leases (and the resources the client listed but does not keep, with lifetimes 0). */
    private static Option iaWith(Pkt6 query, Options6.Ia ia, Subnet6Config subnet, List<Lease6> leases,
            List<Option> released) {
        List<Option> subs = new ArrayList<>();
        boolean pdExcludeAsked = asked(query, PD_EXCLUDE);
        for (Lease6 l : leases) {
            subs.add(l.type() == LeaseType.NA
                    ? new Options6.IaAddr(l.address(), l.preferredLifetime(), l.validLifetime(), List.of()).toOption()
                    : new Options6.IaPrefix(l.address(), l.prefixLength(), l.preferredLifetime(), l.validLifetime(),
                            pdExcludeAsked ? pdExclude(subnet, l) : List.of()).toOption());
        }
        subs.addAll(released);
        return new Options6.Ia(ia.code(), ia.iaid(), subnet.renewTimer(), subnet.rebindTimer(), subs).toOption();
    }

    /** RFC 6603's option, carried in an IAPREFIX. */
    private static final int PD_EXCLUDE = 67;

    /** RFC 6603: the PD_EXCLUDE option of a delegated prefix whose pool excludes a prefix (none otherwise). */
    private static List<Option> pdExclude(Subnet6Config subnet, Lease6 lease) {
        for (PdPoolConfig p : subnet.pdPools()) {
            if (p.delegates(lease.address(), lease.prefixLength())) {
                byte[] payload = p.pdExclude();
                return payload == null ? List.of() : List.of(new Option(PD_EXCLUDE, payload));
            }
        }
        return List.of();
    }

    /** Whether the client's ORO names an option. */
    private static boolean asked(Pkt6 query, int code) {
        for (int c : codes(query.getOption(Options6.ORO))) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    /** The option codes an ORO (or a vendor's sub-option 1) lists, two bytes each; none for null. */
    private static int[] codes(Option oro) {
        int[] out = new int[oro == null ? 0 : oro.length() / 2];
        for (int k = 0; k < out.length; k++) {
            out[k] = (oro.byteAt(2 * k) << 8) | oro.byteAt(2 * k + 1);
        }
        return out;
    }

    private Pkt6 processExtend(Pkt6 query, Dhcp6Runtime rt, LeaseMgr lm, CalloutSession session, boolean rebind) {
        Subnet6Config subnet = selectSubnet(query, rt, session);
        Pkt6 response = base(query, Pkt6.REPLY, rt);
        Reservation6Config host = reservation(query, subnet, rt);
        Duid duid = query.getClientId();
        List<Lease6> all = new ArrayList<>();
        for (Option o : query.options()) {
            if (o.code() != Options6.IA_NA && o.code() != Options6.IA_PD) {
                continue;
            }
            Options6.Ia ia = Options6.Ia.of(o);
            LeaseType type = o.code() == Options6.IA_NA ? LeaseType.NA : LeaseType.PD;
            List<ClientContext6.Hint> listed = hints(ia);
            if (subnet == null) {
                if (type == LeaseType.PD) {
                    LEASES.log(DHCP6_EXTEND_PD_UNKNOWN_SUBNET, query.getName(), duid, ia.iaid());
                    if (rebind) {
                        return null; // RFC 3633 12.2: discard
                    }
                } else {
                    LEASES.log(DHCP6_EXTEND_NA_UNKNOWN_SUBNET, query.getName(), duid, ia.iaid());
                }
                response.addOption(iaStatus(ia, Options6.STATUS_NO_BINDING, "Sorry, no known leases for this IA."));
                continue;
            }
            Option iaOut = new Options6.Ia(ia.code(), ia.iaid(), subnet.renewTimer(), subnet.rebindTimer(), List.of())
                    .toOption();
            ClientContext6 ctx = context(query, subnet, lm, duid, ia, type, listed, false, host, rt, session, iaOut,
                    rebind);
            List<Lease6> leases = engine.extend(ctx);
            // Kea 2.x: an IA without (usable) leases gets new ones on RENEW and on REBIND alike
            if (leases.isEmpty()) {
                leases = engine.allocate(ctx);
            }
            if (leases.isEmpty()) {
                if (type == LeaseType.PD) {
                    LEASES.log(DHCP6_EXTEND_PD_NO_BINDING, query.getName(), duid, ia.iaid(), subnet.id());
                    if (rebind) {
                        return null;
                    }
                } else {
                    LEASES.log(DHCP6_EXTEND_NA_UNKNOWN, duid, ia.iaid(), subnet);
                }
                int status = !listed.isEmpty() ? Options6.STATUS_NO_BINDING
                        : type == LeaseType.NA ? Options6.STATUS_NO_ADDRS_AVAIL : Options6.STATUS_NO_PREFIX_AVAIL;
                response.addOption(iaStatus(ia, status, "Sorry, no known leases for this IA."));
                continue;
            }
            List<Option> dropped = new ArrayList<>();
            for (ClientContext6.Hint h : listed) {
                boolean kept = leases.stream().anyMatch(l -> l.address().equals(h.address()));
                if (!kept) {
                    dropped.add(type == LeaseType.NA
                            ? new Options6.IaAddr((Inet6Address) h.address(), 0, 0, List.of()).toOption()
                            : new Options6.IaPrefix((Inet6Address) h.address(), h.length(), 0, 0, List.of()).toOption());
                }
            }
            all.addAll(leases);
            response.addOption(iaWith(query, ia, subnet, leases, dropped));
        }
        addOptions(response, query, subnet, all, host, rt);
        return response;
    }

    private Pkt6 processRelease(Pkt6 query, Dhcp6Runtime rt, LeaseMgr lm, CalloutSession session) {
        Pkt6 response = base(query, Pkt6.REPLY, rt);
        Duid duid = query.getClientId();
        int general = Options6.STATUS_SUCCESS;
        for (Option o : query.options()) {
            if (o.code() != Options6.IA_NA && o.code() != Options6.IA_PD) {
                continue;
            }
            Options6.Ia ia = Options6.Ia.of(o);
            boolean na = o.code() == Options6.IA_NA;
            List<Option> resources = ia.options(na ? Options6.IAADDR : Options6.IAPREFIX);
            int status = Options6.STATUS_NO_BINDING;
            String text = "Sorry, no known leases for this IA.";
            for (Option r : resources) {
                Inet6Address address = na ? Options6.IaAddr.of(r).address() : Options6.IaPrefix.of(r).prefix();
                Lease6 lease = lm.getLease6(na ? LeaseType.NA : LeaseType.PD, address).orElse(null);
                String where = Addresses.format(address);
                if (lease == null) {
                    LEASES.log(na ? DHCP6_UNKNOWN_RELEASE_NA : DHCP6_UNKNOWN_RELEASE_PD, duid, ia.iaid());
                    status = Options6.STATUS_NO_BINDING;
                    text = "Sorry, no known leases for this IA.";
                } else if (!java.util.Arrays.equals(lease.duidBytes(), duid.rawBytes())) {
                    LEASES.log(na ? DHCP6_RELEASE_NA_FAIL_WRONG_DUID : DHCP6_RELEASE_PD_FAIL_WRONG_DUID, duid, where,
                            lease.duid());
                    status = Options6.STATUS_NO_BINDING;
                    text = "This address does not belong to you, you can't release it.";
                } else if (lease.iaid() != ia.iaid()) {
                    LEASES.log(na ? DHCP6_RELEASE_NA_FAIL_WRONG_IAID : DHCP6_RELEASE_PD_FAIL_WRONG_IAID, duid, where,
                            lease.iaid(), ia.iaid());
                    status = Options6.STATUS_NO_BINDING;
                    text = "This is your address, but you used wrong IAID.";
                } else if (releaseSkipped(query, lease, session, na)) {
                    status = Options6.STATUS_UNSPEC_FAIL;
                    text = "Server failed to release a lease.";
                } else {
                    boolean deleted;
                    try {
                        deleted = lm.deleteLease6(lease.type(), lease.address());
                    } catch (LeaseMgrException e) {
                        deleted = false;
                    }
                    if (deleted) {
                        LEASES.log(na ? DHCP6_RELEASE_NA : DHCP6_RELEASE_PD, where, duid, ia.iaid());
                        status = Options6.STATUS_SUCCESS;
                        text = "Lease released. Thank you, please come again.";
                    } else {
                        LEASES.log(na ? DHCP6_RELEASE_NA_FAIL : DHCP6_RELEASE_PD_FAIL, where, duid, ia.iaid());
                        status = Options6.STATUS_UNSPEC_FAIL;
                        text = "Server failed to release a lease.";
                    }
                }
            }
            if (status != Options6.STATUS_SUCCESS) {
                general = status;
            }
            response.addOption(iaStatus(ia, status, text));
        }
        response.addOption(Options6.status(general, general == Options6.STATUS_SUCCESS ? "Summary status for all"
                + " processed IA_NAs" : "Not all leases were released"));
        return response;
    }

    private boolean releaseSkipped(Pkt6 query, Lease6 lease, CalloutSession session, boolean na) {
        if (!session.hasCallouts(lease6Release)) {
            return false;
        }
        if (session.begin(lease6Release).with(QUERY6, query).with(LEASE6, lease).call() != NextStep.CONTINUE) {
            HOOKS.log(na ? DHCP6_HOOK_LEASE6_RELEASE_NA_SKIP : DHCP6_HOOK_LEASE6_RELEASE_PD_SKIP);
            return true;
        }
        return false;
    }

    private Pkt6 processDecline(Pkt6 query, Dhcp6Runtime rt, LeaseMgr lm, CalloutSession session) {
        Pkt6 response = base(query, Pkt6.REPLY, rt);
        Duid duid = query.getClientId();
        for (Option o : query.getOptions(Options6.IA_NA)) {
            Options6.Ia ia = Options6.Ia.of(o);
            int status = Options6.STATUS_SUCCESS;
            String text = "Lease declined. Hopefully the next one will be better.";
            List<Option> addresses = ia.options(Options6.IAADDR);
            if (addresses.isEmpty()) {
                status = Options6.STATUS_NO_BINDING;
                text = "No addresses sent in IA_NA";
            }
            for (Option a : addresses) {
                Inet6Address address = Options6.IaAddr.of(a).address();
                Lease6 lease = lm.getLease6(LeaseType.NA, address).orElse(null);
                if (lease == null || !java.util.Arrays.equals(lease.duidBytes(), duid.rawBytes())
                        || lease.iaid() != ia.iaid()) {
                    status = Options6.STATUS_NO_BINDING;
                    text = "Server does not know about such an address.";
                    continue;
                }
                if (session.hasCallouts(lease6Decline)) {
                    NextStep next = session.begin(lease6Decline).with(QUERY6, query).with(LEASE6, lease).call();
                    if (next == NextStep.DROP) {
                        return null;
                    }
                    if (next == NextStep.SKIP) {
                        continue; // answered as declined, database untouched
                    }
                }
                Lease6 declined = lease.toBuilder().duid(new Duid(new byte[] {0})).hwaddr(null).hostname(null)
                        .fqdn(false, false).preferredLifetime(0).validLifetime(rt.config().declineProbationPeriod())
                        .cltt(now()).state(Lease4.STATE_DECLINED).build();
                try {
                    lm.updateLease6(declined);
                } catch (NoSuchLeaseException e) {
                    status = Options6.STATUS_NO_BINDING;
                }
            }
            response.addOption(iaStatus(ia, status, text));
        }
        return response;
    }

    private Pkt6 processConfirm(Pkt6 query, Dhcp6Runtime rt, CalloutSession session) {
        List<Inet6Address> addresses = new ArrayList<>();
        List<Option> ias = query.getOptions(Options6.IA_NA);
        if (ias.isEmpty()) {
            return null;
        }
        for (Option o : ias) {
            for (Option a : Options6.Ia.of(o).options(Options6.IAADDR)) {
                addresses.add(Options6.IaAddr.of(a).address());
            }
        }
        if (addresses.isEmpty()) {
            return null;
        }
        Subnet6Config subnet = selectSubnet(query, rt, session);
        Pkt6 response = base(query, Pkt6.REPLY, rt);
        boolean onLink = subnet != null && addresses.stream().allMatch(a -> subnet.prefix().contains(a));
        response.addOption(onLink ? Options6.status(Options6.STATUS_SUCCESS, "All addresses are on-link")
                : Options6.status(Options6.STATUS_NOT_ON_LINK, "Some of the addresses are not on link"));
        return response;
    }

    private Pkt6 processInfRequest(Pkt6 query, Dhcp6Runtime rt, CalloutSession session) {
        Subnet6Config subnet = selectSubnet(query, rt, session);
        Pkt6 response = base(query, Pkt6.REPLY, rt);
        addOptions(response, query, subnet, List.of(), reservation(query, subnet, rt), rt);
        return response;
    }

    // ------------------------------------------------------------------ building the response

    private static Pkt6 base(Pkt6 query, int type, Dhcp6Runtime rt) {
        Pkt6 r = new Pkt6(type, query.transid());
        r.addOption(new Option(Options6.SERVERID, rt.serverId().rawBytes()));
        Option clientId = query.getOption(Options6.CLIENTID);
        if (clientId != null) {
            r.addOption(clientId);
        }
        List<Pkt6.RelayInfo> relays = new ArrayList<>();
        for (Pkt6.RelayInfo relay : query.relays()) {
            List<Option> echoed = new ArrayList<>();
            Option interfaceId = relay.getOption(Options6.INTERFACE_ID);
            if (interfaceId != null) {
                echoed.add(interfaceId);
            }
            relays.add(new Pkt6.RelayInfo(relay.hopCount(), relay.linkAddress(), relay.peerAddress(), echoed));
        }
        r.setRelays(relays);
        r.setIface(query.iface());
        r.setIfIndex(query.ifIndex());
        return r;
    }

    private static Reservation6Config reservation(Pkt6 query, Subnet6Config subnet, Dhcp6Runtime rt) {
        if (subnet == null || rt.hosts().isEmpty()) {
            known(query, null, rt);
            return null;
        }
        Duid duid = query.getClientId();
        HWAddr hw = hwaddr(query);
        byte[] d = duid == null ? null : duid.rawBytes();
        byte[] mac = hw == null ? null : hw.rawBytes();
        Reservation6Config r = subnet.reservationFlags().inSubnet() ? rt.hosts().find(subnet.id(), d, mac) : null;
        if (r == null && subnet.reservationFlags().global()) {
            r = rt.hosts().find(0, d, mac);
        }
        if (r != null) {
            r.clientClasses().forEach(query::addClass);
        }
        known(query, r, rt);
        return r;
    }

    private static void known(Pkt6 query, Reservation6Config host, Dhcp6Runtime rt) {
        ClientClassification.afterHostLookup(query, host != null, rt.config().classes().values());
    }

    /** Options the client asked for in its ORO, and always-send ones, from the most specific scope. */
    private static void addOptions(Pkt6 response, Pkt6 query, Subnet6Config subnet, List<Lease6> leases, Reservation6Config host,
            Dhcp6Runtime rt) {
        if (subnet != null) {
            List<String> fromPools = new ArrayList<>();
            for (Lease6 l : leases) {
                for (PoolConfig p : subnet.pools()) {
                    if (l.type() == LeaseType.NA && p.range().contains(l.addressHigh(), l.addressLow())) {
                        fromPools.addAll(p.requiredClasses());
                    }
                }
                for (PdPoolConfig p : subnet.pdPools()) {
                    if (l.type() == LeaseType.PD && p.prefix().contains(l.addressHigh(), l.addressLow())) {
                        fromPools.addAll(p.requiredClasses());
                    }
                }
            }
            ClientClassification.required(query, rt.config().classes(), subnet.requiredClasses(), fromPools);
        }
        List<ConfiguredOptions> scopes = new ArrayList<>();
        if (host != null) {
            scopes.add(rt.optionsOf(host));
        }
        Dhcp6Runtime.SubnetScope scope = subnet == null ? null : rt.scope(subnet);
        if (scope != null) {
            for (Lease6 l : leases) {
                if (l.type() == LeaseType.NA) {
                    for (PoolConfig p : subnet.pools()) {
                        if (p.range().contains(l.addressHigh(), l.addressLow())) {
                            scopes.add(scope.poolOptions().getOrDefault(p, ConfiguredOptions.EMPTY));
                        }
                    }
                } else {
                    for (PdPoolConfig p : subnet.pdPools()) {
                        if (p.prefix().contains(l.addressHigh(), l.addressLow())) {
                            scopes.add(scope.pdPoolOptions().getOrDefault(p, ConfiguredOptions.EMPTY));
                        }
                    }
                }
            }
            scopes.add(scope.options());
            scopes.add(scope.networkOptions());
        }
        for (String c : query.classes()) {
            ConfiguredOptions cs = rt.classes().get(c);
            if (cs != null) {
                scopes.add(cs);
            }
        }
        scopes.add(rt.globalOptions());
        java.util.Set<Integer> added = new java.util.HashSet<>();
        for (int code : codes(query.getOption(Options6.ORO))) {
            addFromScopes(response, code, scopes, added);
        }
        for (ConfiguredOptions s : scopes) {
            for (int code : s.alwaysSendCodes()) {
                addFromScopes(response, code, scopes, added);
            }
        }
        addVendorRequested(response, query, scopes);
    }

    /**
     * Kea's vendor ORO: a client's option 17 with sub-option 1 lists the sub-options it wants of its enterprise;
     * they come from the {@code vendor-<enterprise>} option-data of the most specific scope, in one option 17.
     */
    private static void addVendorRequested(Pkt6 response, Pkt6 query, List<ConfiguredOptions> scopes) {
        Option vendor = query.getOption(Options6.VENDOR_OPTS);
        if (vendor == null || vendor.length() < 4 || response.getOption(Options6.VENDOR_OPTS) != null) {
            return;
        }
        byte[] request = vendor.data();
        List<Option> requested;
        try {
            requested = Options6.parse(request, 4, request.length);
        } catch (PacketParseException malformed) {
            return; // sub-options that do not parse ask for nothing
        }
        Option oro = requested.stream().filter(o -> o.code() == 1).findFirst().orElse(null);
        if (oro == null) {
            return;
        }
        List<Option> subOptions = new ArrayList<>();
        for (int code : codes(oro)) {
            Option sub = vendorSubOption(request, code, scopes);
            if (sub != null) {
                subOptions.add(sub);
            }
        }
        if (!subOptions.isEmpty()) {
            byte[] packed = Options6.pack(subOptions);
            byte[] data = java.util.Arrays.copyOf(request, 4 + packed.length);
            System.arraycopy(packed, 0, data, 4, packed.length);
            response.addOption(new Option(Options6.VENDOR_OPTS, data));
        }
    }

    /** The sub-option of a code from the first scope whose option 17 is of the request's enterprise. */
    private static Option vendorSubOption(byte[] request, int code, List<ConfiguredOptions> scopes) {
        for (ConfiguredOptions s : scopes) {
            Option configured = s.get(Options6.VENDOR_OPTS);
            if (configured == null || configured.length() < 4
                    || !java.util.Arrays.equals(configured.data(), 0, 4, request, 0, 4)) {
                continue;
            }
            try {
                for (Option sub : Options6.parse(configured.data(), 4, configured.length())) {
                    if (sub.code() == code) {
                        return sub;
                    }
                }
            } catch (PacketParseException unreachable) {
                // configured sub-options were packed by the configuration parser
            }
        }
        return null;
    }

    private static void addFromScopes(Pkt6 response, int code, List<ConfiguredOptions> scopes,
            java.util.Set<Integer> added) {
        if (code == Options6.CLIENTID || code == Options6.SERVERID || !added.add(code)) {
            return;
        }
        for (ConfiguredOptions s : scopes) {
            Option o = s.get(code);
            if (o != null) {
                response.addOption(o);
                return;
            }
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    // ------------------------------------------------------------------ sending

    private Reply send(Pkt6 query, Pkt6 reply, Dhcp6Runtime rt, CalloutSession session) {
        Pkt6 response = throughSendHooks(query, reply, session);
        if (response == null) {
            return null;
        }
        int serverPort = rt.config().port();
        int port = query.isRelayed() && serverPort == Dhcp6Config.DEFAULT_PORT ? Dhcp6Config.DEFAULT_PORT
                : query.remotePort();
        InetAddress from = query.localAddress() == null || query.localAddress().isMulticastAddress() ? null
                : query.localAddress();
        response.setRemoteAddress(query.remoteAddress());
        response.setRemotePort(port);
        response.setLocalAddress(from);
        response.setLocalPort(serverPort);
        return new Reply(response, wireData(response), query.iface(), from, query.remoteAddress(), port);
    }
}
