package org.kea4j.dhcp4.internal;

import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_CLASS_ASSIGNED;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_DECLINE_LEASE;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_DECLINE_LEASE_MISMATCH;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_DECLINE_LEASE_NOT_FOUND;
import static org.kea4j.hooks.Dhcp4Hooks.LEASE4;
import static org.kea4j.hooks.Dhcp4Hooks.QUERY4;
import static org.kea4j.hooks.Dhcp4Hooks.RESPONSE4;
import static org.kea4j.hooks.Dhcp4Hooks.SUBNET4;
import static org.kea4j.hooks.Dhcp4Hooks.SUBNET4COLLECTION;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_BUFFER_RCVD_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_BUFFER_SEND_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_DECLINE_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_LEASE4_RELEASE_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_PACKET_RCVD_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_PACKET_SEND_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_HOOK_SUBNET4_SELECT_SKIP;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_INVALID_ADDRESS_INIT_REBOOT;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_LEASE_ADVERT;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_LEASE_ADVERT_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_LEASE_ALLOC;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_LEASE_ALLOC_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_NO_LEASE_INIT_REBOOT;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_NO_SUBNET_FOR_DIRECT_CLIENT;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_DROP_NO_TYPE;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_NOT_FOR_US;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_PARSE_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_PROCESS_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_PACKET_RECEIVED;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_QUERY_DATA;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RELEASE;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RELEASE_EXCEPTION;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RELEASE_FAIL;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RELEASE_FAIL_NO_LEASE;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RELEASE_FAIL_WRONG_CLIENT_ID;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RELEASE_FAIL_WRONG_HWADDR;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_RESPONSE_DATA;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_SUBNET_SELECTED;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_SUBNET_SELECTION_FAILED;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_UNRECOGNIZED_RCVD_PACKET_TYPE;
import static org.kea4j.dhcp4.internal.Dhcp4Messages.DHCP4_UNSUPPORTED_RCVD_PACKET_TYPE;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.alloc.AllocEngine4;
import org.kea4j.dhcpsrv.cfg.ClientClassification;
import org.kea4j.dhcpsrv.alloc.ClientContext4;
import org.kea4j.dhcpsrv.cfg.ConfiguredOptions;
import org.kea4j.dhcpsrv.cfg.PacketPipeline;
import org.kea4j.dhcpsrv.HostIdentifier;
import org.kea4j.dhcpsrv.alloc.HostReservations4;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgrException;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import org.kea4j.dhcpsrv.cfg.PoolConfig;
import org.kea4j.dhcpsrv.cfg.Reservation4Config;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.stats.PacketStatistics;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;

/**
 * The DHCPv4 packet pipeline (Kea's {@code Dhcpv4Srv}): from received bytes to the response's bytes,
 * through every DHCPv4 hook point; the steps DHCPv6 shares are {@link PacketPipeline}'s. Stateless apart from the
 * allocation engine: the configuration comes with each call, so a reconfiguration never stops it.
 */
final class Dhcp4Srv extends PacketPipeline<Pkt4, Dhcp4Runtime, Dhcp4Srv.Reply> {

    static final KeaLogger LOG = KeaLogger.get(Dhcp4Section.LOGGER_ROOT + ".dhcp4");
    private static final KeaLogger PACKETS = KeaLogger.get(Dhcp4Section.LOGGER_ROOT + ".packets");
    private static final KeaLogger LEASES = KeaLogger.get(Dhcp4Section.LOGGER_ROOT + ".leases");
    private static final KeaLogger HOOKS = KeaLogger.get(Dhcp4Section.LOGGER_ROOT + ".hooks");
    private static final HookPoints<Pkt4> HOOK_POINTS = new HookPoints<>(Dhcp4Hooks.BUFFER4_RECEIVE,
            Dhcp4Hooks.PKT4_RECEIVE, Dhcp4Hooks.PKT4_SEND, Dhcp4Hooks.BUFFER4_SEND, QUERY4, RESPONSE4);
    private static final Messages MESSAGES = new Messages(Dhcp4Messages.DHCP4_PACKET_QUEUE_FULL,
            DHCP4_HOOK_BUFFER_RCVD_SKIP, DHCP4_PACKET_PARSE_FAIL, DHCP4_PACKET_PROCESS_FAIL,
            DHCP4_HOOK_PACKET_RCVD_SKIP, DHCP4_HOOK_PACKET_SEND_SKIP, DHCP4_HOOK_BUFFER_SEND_SKIP, DHCP4_RESPONSE_DATA);
    private static final Inet4Address ZERO = Addresses.fromLong(0);
    private static final Inet4Address BROADCAST = Addresses.fromLong(0xFFFF_FFFFL);
    /** Basic options sent whenever they are configured (Kea 2.x's list). */
    private static final int[] BASIC_OPTIONS = {Options4.SUBNET_MASK, Options4.ROUTERS, Options4.DOMAIN_NAME_SERVERS,
        Options4.HOST_NAME, Options4.DOMAIN_NAME, Options4.BROADCAST_ADDRESS};

    private final Hook subnet4Select;
    private final Hook lease4Release;
    private final Hook lease4Decline;
    private final AllocEngine4 engine;

    /** What to send and where. */
    record Reply(Pkt4 packet, byte[] data, String iface, InetAddress destination, int port)
            implements PacketPipeline.Reply<Pkt4> {
    }

    Dhcp4Srv(HooksManager hooks, AllocEngine4 engine) {
        this(hooks, engine, new PacketStatistics(new org.kea4j.stats.StatisticsRegistry(), 4));
    }

    Dhcp4Srv(HooksManager hooks, AllocEngine4 engine, PacketStatistics packets) {
        super(hooks, packets, HOOK_POINTS, MESSAGES, new Loggers(LOG, PACKETS, HOOKS));
        this.engine = engine;
        this.subnet4Select = hooks.hook(Dhcp4Hooks.SUBNET4_SELECT);
        this.lease4Release = hooks.hook(Dhcp4Hooks.LEASE4_RELEASE);
        this.lease4Decline = hooks.hook(Dhcp4Hooks.LEASE4_DECLINE);
    }

    AllocEngine4 engine() {
        return engine;
    }

    @Override
    public void configured(Dhcp4Runtime runtime, LeaseMgr leases) {
        engine.configured(runtime.subnetList(), leases);
    }

    /** Whether a query of this type is answered (a DHCPRELEASE or DHCPDECLINE never is): no answer is a drop. */
    @Override
    protected boolean expectsAnswer(int type) {
        return type == Pkt4.DHCPDISCOVER || type == Pkt4.DHCPREQUEST || type == Pkt4.DHCPINFORM;
    }

    /** A parsed query: classified, accepted or dropped, processed; null when nothing is sent. */
    @Override
    protected Reply serve(Pkt4 query, Dhcp4Runtime rt, LeaseMgr leaseMgr, CalloutSession session) {
        classify(query, rt);
        if (!accept(query, rt)) {
            return null;
        }
        PACKETS.log(DHCP4_PACKET_RECEIVED, query.getName(), query.getType(), query.iface());
        if (PACKETS.isEnabled(DHCP4_QUERY_DATA)) {
            PACKETS.log(DHCP4_QUERY_DATA, clientText(query), query.toString());
        }
        query = packetReceived(query, session);
        if (query == null) {
            return null;
        }
        String problem = sanityCheck(query);
        if (problem != null) {
            LOG.log(DHCP4_PACKET_PROCESS_FAIL, query.remoteAddress().getHostAddress(), problem);
            return null;
        }
        Pkt4 response = switch (query.getType()) {
            case Pkt4.DHCPDISCOVER -> processDiscover(query, rt, leaseMgr, session);
            case Pkt4.DHCPREQUEST -> processRequest(query, rt, leaseMgr, session);
            case Pkt4.DHCPRELEASE -> {
                processRelease(query, rt, leaseMgr, session);
                yield null;
            }
            case Pkt4.DHCPDECLINE -> {
                processDecline(query, rt, leaseMgr, session);
                yield null;
            }
            case Pkt4.DHCPINFORM -> processInform(query, rt, session);
            default -> null;
        };
        if (response == null) {
            return null;
        }
        return send(query, response, rt, session);
    }

    // ------------------------------------------------------------------ accepting

    /** Kea's built-in classification by vendor class (option 60), then the classes' tests in order. */
    private static void classify(Pkt4 query, Dhcp4Runtime rt) {
        Option vendorClass = query.getOption(Options4.VENDOR_CLASS_IDENTIFIER);
        if (vendorClass != null) {
            String text = vendorClass.text();
            String name;
            if (text.contains("docsis3.0")) {
                name = "VENDOR_CLASS_docsis3.0";
            } else if (text.contains("eRouter1.0")) {
                name = "VENDOR_CLASS_eRouter1.0";
            } else {
                name = "VENDOR_CLASS_" + text;
            }
            query.addClass(name);
        }
        ClientClassification.onReceive(query, rt.config().classes().values());
        if (!query.classes().isEmpty()) {
            PACKETS.log(DHCP4_CLASS_ASSIGNED, String.join(", ", query.classes()));
        }
    }

    private boolean accept(Pkt4 query, Dhcp4Runtime rt) {
        int type = query.getType();
        if (type < 0) {
            PACKETS.log(DHCP4_PACKET_DROP_NO_TYPE, query.iface());
            return false;
        }
        if (type < Pkt4.DHCPDISCOVER || type > 18) {
            PACKETS.log(DHCP4_UNRECOGNIZED_RCVD_PACKET_TYPE, query.transid(), type);
            return false;
        }
        if (type != Pkt4.DHCPDISCOVER && type != Pkt4.DHCPREQUEST && type != Pkt4.DHCPRELEASE
                && type != Pkt4.DHCPDECLINE && type != Pkt4.DHCPINFORM) {
            PACKETS.log(DHCP4_UNSUPPORTED_RCVD_PACKET_TYPE, query.transid(), Pkt4.typeName(type));
            return false;
        }
        if (!query.isRelayed()) {
            if (type == Pkt4.DHCPINFORM && query.ciaddr().equals(ZERO) && query.remoteAddress().equals(ZERO)) {
                return false;
            }
            if (!unicastToUs(query, rt) && selectSubnet(query, rt, null) == null) {
                if (noSubnetReport.allow()) {
                    PACKETS.log(DHCP4_NO_SUBNET_FOR_DIRECT_CLIENT, "0x" + Long.toHexString(query.transid()), query.iface());
                }
                return false;
            }
        }
        Option serverId = query.getOption(Options4.SERVER_IDENTIFIER);
        if (serverId != null && !isOurServerId(serverId, query, rt)) {
            PACKETS.log(DHCP4_PACKET_NOT_FOR_US, "0x" + Long.toHexString(query.transid()), query.iface());
            return false;
        }
        return true;
    }

    private static boolean unicastToUs(Pkt4 query, Dhcp4Runtime rt) {
        return query.localAddress() instanceof Inet4Address a && rt.ownAddresses().contains(a);
    }

    private static boolean isOurServerId(Option serverId, Pkt4 query, Dhcp4Runtime rt) {
        if (serverId.length() != 4) {
            return false;
        }
        Inet4Address id = serverId.ipv4();
        if (rt.ownAddresses().contains(id)) {
            return true;
        }
        Option rai = query.getOption(Options4.RELAY_AGENT_INFO);
        if (rai != null) {
            Option override = rai.subOption4(11);
            if (override != null && override.length() == 4 && override.ipv4().equals(id)) {
                return true;
            }
        }
        Option configured = rt.globalOptions().get(Options4.SERVER_IDENTIFIER);
        if (configured != null && configured.dataEquals(serverId.data())) {
            return true;
        }
        for (Dhcp4Runtime.SubnetScope s : rt.subnets()) {
            Option o = s.options().get(Options4.SERVER_IDENTIFIER);
            if (o != null && o.dataEquals(serverId.data())) {
                return true;
            }
        }
        return false;
    }

    private static String sanityCheck(Pkt4 query) {
        int type = query.getType();
        // Kea 2.2: a DHCPINFORM may carry one (it was accepted above as ours); a DHCPDISCOVER must not
        if (type == Pkt4.DHCPDISCOVER && query.getOption(Options4.SERVER_IDENTIFIER) != null) {
            return Pkt4.typeName(type) + " must not carry a server identifier";
        }
        if (query.hlen() == 0 && query.getClientId() == null) {
            return "the packet has neither a hardware address nor a client identifier";
        }
        return null;
    }

    // ------------------------------------------------------------------ subnet selection

    /**
     * Selects the client's subnet (Kea's order: relay address, link-selection / subnet-selection, ciaddr,
     * source address, subnet interface, ingress interface address), then {@code subnet4_select}.
     *
     * @param session null to skip the hook point (the accept check)
     */
    Subnet4Config selectSubnet(Pkt4 query, Dhcp4Runtime rt, CalloutSession session) {
        Subnet4Config selected = selectByRules(query, rt);
        if (session != null && session.hasCallouts(subnet4Select)) {
            NextStep next = session.begin(subnet4Select).with(QUERY4, query).with(SUBNET4, selected)
                    .with(SUBNET4COLLECTION, rt.collection().view()).call();
            if (next != NextStep.CONTINUE) {
                HOOKS.log(DHCP4_HOOK_SUBNET4_SELECT_SKIP);
                return null;
            }
            selected = rt.collection().configured(session.get(SUBNET4));
        }
        if (session != null) {
            if (selected != null) {
                PACKETS.log(DHCP4_SUBNET_SELECTED, selected);
            } else {
                if (noSubnetReport.allow()) {
                    PACKETS.log(DHCP4_SUBNET_SELECTION_FAILED, query.remoteAddress().getHostAddress(), query.getName());
                }
            }
        }
        return selected;
    }

    private static Subnet4Config selectByRules(Pkt4 query, Dhcp4Runtime rt) {
        Inet4Address address = null;
        Option rai = query.getOption(Options4.RELAY_AGENT_INFO);
        if (query.isRelayed()) {
            Inet4Address giaddr = query.giaddr();
            for (Dhcp4Runtime.SubnetScope s : rt.subnets()) {
                if (s.subnet().relayAddresses().contains(giaddr) && classAllowed(s.subnet(), query)) {
                    return s.subnet();
                }
            }
            Option link = rai == null ? null : rai.subOption4(Options4.RAI_LINK_SELECTION);
            address = link != null && link.length() == 4 ? link.ipv4() : giaddr;
        }
        Option selection = query.getOption(Options4.SUBNET_SELECTION);
        if (address == null && selection != null) {
            address = selection.ipv4();
        }
        boolean broadcast = !unicastToUs(query, rt);
        if (address == null && !query.ciaddr().equals(ZERO) && !broadcast) {
            address = query.ciaddr();
        }
        if (address == null && query.remoteAddress() instanceof Inet4Address src && !src.equals(ZERO) && !broadcast) {
            address = src;
        }
        if (address == null) {
            for (Dhcp4Runtime.SubnetScope s : rt.subnets()) {
                if (query.iface().equals(s.subnet().interfaceName()) && classAllowed(s.subnet(), query)) {
                    return s.subnet();
                }
            }
            org.kea4j.dhcp.transport.Iface iface = rt.iface(query.iface());
            if (iface != null) {
                for (Inet4Address a : iface.v4Addresses()) {
                    Subnet4Config s = byAddress(a, query, rt);
                    if (s != null) {
                        return s;
                    }
                }
            }
            return null;
        }
        return byAddress(address, query, rt);
    }

    private static Subnet4Config byAddress(Inet4Address address, Pkt4 query, Dhcp4Runtime rt) {
        for (Dhcp4Runtime.SubnetScope s : rt.subnets()) {
            if (s.subnet().prefix().contains(address) && classAllowed(s.subnet(), query)) {
                return s.subnet();
            }
        }
        return null;
    }

    private static boolean classAllowed(Subnet4Config subnet, Pkt4 query) {
        return subnet.clientClass() == null || query.inClass(subnet.clientClass());
    }

    // ------------------------------------------------------------------ messages

    private Pkt4 processDiscover(Pkt4 query, Dhcp4Runtime rt, LeaseMgr leaseMgr, CalloutSession session) {
        Subnet4Config subnet = selectSubnet(query, rt, session);
        if (subnet == null) {
            return null;
        }
        Reservation4Config host = reservation(query, subnet, rt);
        Inet4Address requested = requestedAddress(query);
        ClientContext4 ctx = context(query, subnet, leaseMgr, requested, true, host, rt, session);
        AllocEngine4.Result result = engine.allocate(ctx);
        Lease4 lease = result.lease();
        if (lease == null) {
            LEASES.log(DHCP4_LEASE_ADVERT_FAIL, clientIdText(query), hwText(query), query.ciaddr().getHostAddress(),
                    requested == null ? "(no address)" : requested.getHostAddress());
            return null;
        }
        Pkt4 response = baseResponse(query, Pkt4.DHCPOFFER, rt);
        grantFrom(response, query, lease, subnet, host, rt);
        if (LEASES.isEnabled(DHCP4_LEASE_ADVERT)) { // the texts cost more than the rest of the log call
            LEASES.log(DHCP4_LEASE_ADVERT, lease.address().getHostAddress(), clientIdText(query), hwText(query));
        }
        return response;
    }

    private Pkt4 processRequest(Pkt4 query, Dhcp4Runtime rt, LeaseMgr leaseMgr, CalloutSession session) {
        Subnet4Config subnet = selectSubnet(query, rt, session);
        Inet4Address requested = requestedAddress(query);
        if (subnet == null) {
            return nak(query, rt);
        }
        Reservation4Config host = reservation(query, subnet, rt);
        boolean initReboot = query.getOption(Options4.SERVER_IDENTIFIER) == null && requested != null
                && query.ciaddr().equals(ZERO);
        Inet4Address hint = requested != null ? requested : query.ciaddr().equals(ZERO) ? null : query.ciaddr();
        ClientContext4 ctx = context(query, subnet, leaseMgr, hint, false, host, rt, session);
        if (initReboot) {
            Lease4 existing = AllocEngine4.clientLeaseInNetwork(ctx);
            if (existing == null) {
                LEASES.log(DHCP4_NO_LEASE_INIT_REBOOT, requested.getHostAddress(), clientIdText(query), hwText(query));
                return subnet.authoritative() ? nak(query, rt) : null;
            }
            if (!existing.address().equals(requested)) {
                LEASES.log(DHCP4_INVALID_ADDRESS_INIT_REBOOT, requested.getHostAddress(), clientIdText(query),
                        hwText(query));
                return nak(query, rt);
            }
        }
        AllocEngine4.Result result = engine.allocate(ctx);
        Lease4 lease = result.lease();
        if (lease == null) {
            LEASES.log(DHCP4_LEASE_ALLOC_FAIL, clientIdText(query), hwText(query), query.ciaddr().getHostAddress(),
                    requested == null ? "(no address)" : requested.getHostAddress());
            return nak(query, rt);
        }
        Pkt4 response = baseResponse(query, Pkt4.DHCPACK, rt);
        response.setCiaddr(query.ciaddr());
        grantFrom(response, query, lease, subnet, host, rt);
        if (LEASES.isEnabled(DHCP4_LEASE_ALLOC)) {
            LEASES.log(DHCP4_LEASE_ALLOC, lease.address().getHostAddress(), clientIdText(query), hwText(query));
        }
        return response;
    }

    private void processRelease(Pkt4 query, Dhcp4Runtime rt, LeaseMgr leaseMgr, CalloutSession session) {
        Inet4Address address = query.ciaddr();
        Lease4 lease;
        try {
            lease = leaseMgr.getLease4(address).orElse(null);
        } catch (LeaseMgrException e) {
            LOG.log(DHCP4_RELEASE_EXCEPTION, e.getMessage(), address.getHostAddress());
            return;
        }
        if (lease == null) {
            LEASES.log(DHCP4_RELEASE_FAIL_NO_LEASE, clientIdText(query), hwText(query), address.getHostAddress());
            return;
        }
        // Kea's rule: the client identifier decides when both sides have one, else the hardware address
        ClientId clientId = query.getClientId();
        boolean bothHaveClientIds = clientId != null && lease.clientIdBytes() != null;
        if (bothHaveClientIds && !Arrays.equals(clientId.rawBytes(), lease.clientIdBytes())) {
            LEASES.log(DHCP4_RELEASE_FAIL_WRONG_CLIENT_ID, address.getHostAddress(), clientId,
                    Hex.colons(lease.clientIdBytes()));
            return;
        }
        if (!bothHaveClientIds && !Arrays.equals(lease.hwaddrBytes(), query.hwaddrBytes())) {
            LEASES.log(DHCP4_RELEASE_FAIL_WRONG_HWADDR, address.getHostAddress(), clientIdText(query), hwText(query));
            return;
        }
        if (session.hasCallouts(lease4Release)
                && session.begin(lease4Release).with(QUERY4, query).with(LEASE4, lease).call() != NextStep.CONTINUE) {
            HOOKS.log(DHCP4_HOOK_LEASE4_RELEASE_SKIP);
            return;
        }
        try {
            if (leaseMgr.deleteLease4(address)) {
                LEASES.log(DHCP4_RELEASE, address.getHostAddress(), clientIdText(query), hwText(query));
            } else {
                LEASES.log(DHCP4_RELEASE_FAIL, address.getHostAddress(), clientIdText(query), hwText(query));
            }
        } catch (LeaseMgrException e) {
            LOG.log(DHCP4_RELEASE_EXCEPTION, e.getMessage(), address.getHostAddress());
        }
    }

    private void processDecline(Pkt4 query, Dhcp4Runtime rt, LeaseMgr leaseMgr, CalloutSession session) {
        Inet4Address address = requestedAddress(query);
        if (address == null) {
            LOG.log(DHCP4_PACKET_PROCESS_FAIL, query.remoteAddress().getHostAddress(),
                    "Mandatory 'Requested IP address' option missing in DHCPDECLINE sent from " + clientText(query));
            return;
        }
        Lease4 lease = leaseMgr.getLease4(address).orElse(null);
        if (lease == null) {
            LEASES.log(DHCP4_DECLINE_LEASE_NOT_FOUND, address.getHostAddress(), clientText(query));
            return;
        }
        ClientId clientId = query.getClientId();
        boolean clientIdMismatch = clientId != null && lease.clientIdBytes() != null
                && !Arrays.equals(clientId.rawBytes(), lease.clientIdBytes());
        boolean hwMismatch = !Arrays.equals(lease.hwaddrBytes(), query.hwaddrBytes());
        if (clientIdMismatch || (hwMismatch && (clientId == null || lease.clientIdBytes() == null))) {
            LEASES.log(DHCP4_DECLINE_LEASE_MISMATCH, address.getHostAddress(), clientText(query),
                    Hex.colons(query.hwaddrBytes()), Hex.colons(lease.hwaddrBytes()),
                    clientId == null ? "(null)" : clientId.toString(),
                    lease.clientIdBytes() == null ? "(null)" : Hex.colons(lease.clientIdBytes()));
            return;
        }
        if (session.hasCallouts(lease4Decline)
                && session.begin(lease4Decline).with(QUERY4, query).with(LEASE4, lease).call() != NextStep.CONTINUE) {
            HOOKS.log(DHCP4_HOOK_DECLINE_SKIP, address.getHostAddress());
            return;
        }
        long probation = rt.config().declineProbationPeriod();
        Lease4 declined = Lease4.builder(address).hwaddr(null).clientId(null).hostname(null).fqdn(false, false)
                .subnetId(lease.subnetId()).cltt(now()).validLifetime(probation).state(Lease4.STATE_DECLINED).build();
        try {
            leaseMgr.updateLease4(declined);
            LEASES.log(DHCP4_DECLINE_LEASE, address.getHostAddress(), clientText(query), probation);
        } catch (NoSuchLeaseException e) {
            LEASES.log(DHCP4_DECLINE_LEASE_NOT_FOUND, address.getHostAddress(), clientText(query));
        }
    }

    private Pkt4 processInform(Pkt4 query, Dhcp4Runtime rt, CalloutSession session) {
        Subnet4Config subnet = selectSubnet(query, rt, session);
        Pkt4 response = baseResponse(query, Pkt4.DHCPACK, rt);
        response.setCiaddr(query.ciaddr());
        Reservation4Config host = subnet == null ? null : reservation(query, subnet, rt);
        addOptions(response, query, subnet, null, host, rt);
        if (subnet != null) {
            bootFields(response, query, subnet, host, rt);
        }
        return response;
    }

    // ------------------------------------------------------------------ building responses

    /**
     * Grants the lease with the parameters of the subnet it comes from: the selected one, or another subnet of
     * its shared network.
     */
    private void grantFrom(Pkt4 response, Pkt4 query, Lease4 lease, Subnet4Config selected, Reservation4Config host,
            Dhcp4Runtime rt) {
        Subnet4Config served = lease.subnetId() == selected.id() ? selected : rt.subnet(lease.subnetId());
        if (served == null || served == selected) {
            grant(response, query, lease, selected, host, rt);
        } else {
            grant(response, query, lease, served, reservation(query, served, rt), rt);
        }
    }

    private ClientContext4 context(Pkt4 query, Subnet4Config subnet, LeaseMgr leaseMgr, Inet4Address hint, boolean fake,
            Reservation4Config host, Dhcp4Runtime rt, CalloutSession session) {
        ClientId clientId = subnet.matchClientId() ? query.getClientId() : null;
        HWAddr hw = query.hlen() == 0 ? null : query.getHWAddr();
        return new ClientContext4(subnet, leaseMgr, hw, clientId, hint, fake, host, rt.hosts(),
                host == null ? null : host.hostname(), query, session, query.classes(), now(),
                rt.candidates(subnet, s -> classAllowed(s, query)), s -> reservation(query, s, rt));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Inet4Address requestedAddress(Pkt4 query) {
        Option o = query.getOption(Options4.REQUESTED_ADDRESS);
        return o == null ? null : o.ipv4();
    }

    /** The client's reservation in the subnet (or a global one), adding its classes to the packet. */
    private static Reservation4Config reservation(Pkt4 query, Subnet4Config subnet, Dhcp4Runtime rt) {
        HostReservations4 hosts = rt.hosts();
        if (hosts.isEmpty()) {
            known(query, null, rt);
            return null;
        }
        Map<HostIdentifier.Type, byte[]> ids = new EnumMap<>(HostIdentifier.Type.class);
        ids.put(HostIdentifier.Type.HW_ADDRESS, query.hwaddrBytes());
        Option clientId = query.getOption(Options4.CLIENT_ID);
        if (clientId != null) {
            byte[] raw = clientId.data();
            ids.put(HostIdentifier.Type.CLIENT_ID, raw);
            if (raw.length > 5 && (raw[0] & 0xFF) == 255) {
                ids.put(HostIdentifier.Type.DUID, Arrays.copyOfRange(raw, 5, raw.length));
            }
        }
        Option rai = query.getOption(Options4.RELAY_AGENT_INFO);
        Option circuit = rai == null ? null : rai.subOption4(Options4.RAI_CIRCUIT_ID);
        if (circuit != null) {
            ids.put(HostIdentifier.Type.CIRCUIT_ID, circuit.data());
        }
        Reservation4Config host = null;
        if (subnet.reservationFlags().inSubnet()) {
            host = hosts.find(subnet.id(), ids);
        }
        if (host == null && subnet.reservationFlags().global()) {
            host = hosts.find(HostReservations4.GLOBAL, ids);
        }
        if (host != null) {
            for (String c : host.clientClasses()) {
                query.addClass(c);
            }
        }
        known(query, host, rt);
        return host;
    }

    private static void known(Pkt4 query, Reservation4Config host, Dhcp4Runtime rt) {
        ClientClassification.afterHostLookup(query, host != null, rt.config().classes().values());
    }

    private static Pkt4 baseResponse(Pkt4 query, int type, Dhcp4Runtime rt) {
        Pkt4 r = new Pkt4(type, query.transid());
        r.setOp(Pkt4.BOOTREPLY);
        r.setHWAddr(query.htype(), query.hwaddrBytes());
        r.setFlags(query.flags());
        r.setHops(query.hops());
        r.setGiaddr(query.giaddr());
        r.setIface(query.iface());
        r.setIfIndex(query.ifIndex());
        Option clientId = query.getOption(Options4.CLIENT_ID);
        if (clientId != null && rt.config().echoClientId()) {
            r.addOption(clientId);
        }
        // echoed whenever it has content, relayed or not (a relay with RFC 5107's server-id-override
        // forwards renewals without giaddr); a DHCPINFORM answered elsewhere than the relay drops it below
        Option rai = query.getOption(Options4.RELAY_AGENT_INFO);
        if (rai != null && rai.length() > 0) {
            r.addOption(rai);
        }
        Option selection = query.getOption(Options4.SUBNET_SELECTION);
        if (selection != null) {
            r.addOption(selection);
        }
        Inet4Address serverId = serverId(query, rt);
        if (serverId != null) {
            r.addOption(Option.ipv4(Options4.SERVER_IDENTIFIER, serverId));
            r.setLocalAddress(serverId);
        }
        return r;
    }

    /** The address the query came in on, or the server's address on its interface. */
    private static Inet4Address serverId(Pkt4 query, Dhcp4Runtime rt) {
        if (unicastToUs(query, rt)) {
            return (Inet4Address) query.localAddress();
        }
        return rt.ownAddress(query.iface());
    }

    private static Pkt4 nak(Pkt4 query, Dhcp4Runtime rt) {
        Pkt4 r = baseResponse(query, Pkt4.DHCPNAK, rt);
        r.delOption(Options4.SUBNET_SELECTION);
        return r;
    }

    private void grant(Pkt4 response, Pkt4 query, Lease4 lease, Subnet4Config subnet, Reservation4Config host, Dhcp4Runtime rt) {
        Inet4Address address = lease.address();
        response.setYiaddr(address);
        response.addOption(Option.uint32(Options4.LEASE_TIME, lease.validLifetime()));
        if (subnet.renewTimer().isPresent() && subnet.renewTimer().getAsLong() < lease.validLifetime()) {
            response.addOption(Option.uint32(Options4.RENEWAL_TIME, subnet.renewTimer().getAsLong()));
        }
        if (subnet.rebindTimer().isPresent() && subnet.rebindTimer().getAsLong() < lease.validLifetime()) {
            response.addOption(Option.uint32(Options4.REBINDING_TIME, subnet.rebindTimer().getAsLong()));
        }
        PoolConfig pool = null;
        for (PoolConfig p : subnet.pools()) {
            if (p.range().contains(address)) {
                pool = p;
            }
        }
        addOptions(response, query, subnet, pool, host, rt);
        bootFields(response, query, subnet, host, rt);
        if (host != null && host.hostname() != null) {
            response.addOption(Option.text(Options4.HOST_NAME, host.hostname()));
        }
    }

    /**
     * Adds the requested (option 55), basic and always-send options, each from the most specific scope
     * that has it: reservation, pool, subnet, client classes, global.
     */
    private static void addOptions(Pkt4 response, Pkt4 query, Subnet4Config subnet, PoolConfig pool, Reservation4Config host,
            Dhcp4Runtime rt) {
        if (subnet != null && !(subnet.requiredClasses().isEmpty()
                && (pool == null || pool.requiredClasses().isEmpty()))) {
            ClientClassification.required(query, rt.config().classes(), subnet.requiredClasses(),
                    pool == null ? List.of() : pool.requiredClasses());
        }
        ConfiguredOptions[] scopes = scopes(query, subnet, pool, host, rt);
        Option prl = query.getOption(Options4.PARAMETER_REQUEST_LIST);
        if (prl != null) {
            for (int i = 0; i < prl.length(); i++) {
                addFromScopes(response, prl.byteAt(i), scopes);
            }
        }
        for (int code : BASIC_OPTIONS) {
            addFromScopes(response, code, scopes);
        }
        for (ConfiguredOptions scope : scopes) {
            for (int code : scope.alwaysSendCodes()) {
                addFromScopes(response, code, scopes);
            }
        }
        if (subnet != null && response.getOption(Options4.SUBNET_MASK) == null) {
            response.addOption(Option.ipv4(Options4.SUBNET_MASK, mask(subnet.prefix().length())));
        }
    }

    private static ConfiguredOptions[] scopes(Pkt4 query, Subnet4Config subnet, PoolConfig pool, Reservation4Config host,
            Dhcp4Runtime rt) {
        java.util.ArrayList<ConfiguredOptions> list = new java.util.ArrayList<>(6);
        if (host != null) {
            list.add(rt.optionsOf(host));
        }
        Dhcp4Runtime.SubnetScope scope = subnet == null ? null : rt.scope(subnet);
        if (scope != null) {
            if (pool != null) {
                list.add(scope.poolOptions().getOrDefault(pool, ConfiguredOptions.EMPTY));
            }
            list.add(scope.options());
            list.add(scope.networkOptions());
        }
        for (String c : query.classes()) {
            Dhcp4Runtime.ClassScope cs = rt.classes().get(c);
            if (cs != null) {
                list.add(cs.options());
            }
        }
        list.add(rt.globalOptions());
        return list.toArray(new ConfiguredOptions[0]);
    }

    private static void addFromScopes(Pkt4 response, int code, ConfiguredOptions[] scopes) {
        if (code == Options4.PAD || code == Options4.END || response.getOption(code) != null) {
            return;
        }
        for (ConfiguredOptions scope : scopes) {
            Option o = scope.get(code);
            if (o != null) {
                response.addOption(o);
                return;
            }
        }
    }

    /** The subnet masks by prefix length, made once (an address object per reply was 2% of what a DORA allocated). */
    private static final Inet4Address[] MASKS = new Inet4Address[33];

    static {
        for (int length = 0; length <= 32; length++) {
            MASKS[length] = Addresses.fromLong(length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL);
        }
    }

    private static Inet4Address mask(int length) {
        return MASKS[length];
    }

    /** siaddr, sname and file: reservation, then client classes, then subnet (with the global defaults). */
    private static void bootFields(Pkt4 response, Pkt4 query, Subnet4Config subnet, Reservation4Config host, Dhcp4Runtime rt) {
        Inet4Address nextServer = subnet.nextServer();
        String sname = subnet.serverHostname();
        String file = subnet.bootFileName();
        for (String c : query.classes()) {
            Dhcp4Runtime.ClassScope cs = rt.classes().get(c);
            if (cs != null) {
                nextServer = cs.config().nextServer() != null ? cs.config().nextServer() : nextServer;
                sname = cs.config().serverHostname() != null ? cs.config().serverHostname() : sname;
                file = cs.config().bootFileName() != null ? cs.config().bootFileName() : file;
            }
        }
        if (host != null) {
            nextServer = host.nextServer() != null ? host.nextServer() : nextServer;
            sname = host.serverHostname() != null ? host.serverHostname() : sname;
            file = host.bootFileName() != null ? host.bootFileName() : file;
        }
        if (nextServer != null) {
            response.setSiaddr(nextServer);
        }
        if (sname != null) {
            response.setSname(sname);
        }
        if (file != null) {
            response.setFile(file);
        }
    }

    // ------------------------------------------------------------------ sending

    private Reply send(Pkt4 query, Pkt4 response, Dhcp4Runtime rt, CalloutSession session) {
        address(query, response, rt);
        Pkt4 out = throughSendHooks(query, response, session);
        return out == null ? null
                : new Reply(out, wireData(out), out.iface(), out.remoteAddress(), out.remotePort());
    }

    /** Where the response goes (Kea's rules for UDP sockets: no unicast to a client without an address). */
    private static void address(Pkt4 query, Pkt4 response, Dhcp4Runtime rt) {
        int serverPort = rt.config().port();
        int clientPort = serverPort == Dhcp4Config.DEFAULT_PORT ? 68 : serverPort + 1;
        int relayPort = serverPort == Dhcp4Config.DEFAULT_PORT ? Dhcp4Config.DEFAULT_PORT : query.remotePort();
        response.setLocalPort(serverPort);
        if (query.getType() == Pkt4.DHCPINFORM) {
            if (!query.ciaddr().equals(ZERO)) {
                response.setRemoteAddress(query.ciaddr());
                response.setRemotePort(clientPort);
            } else if (query.isRelayed()) {
                response.setRemoteAddress(query.giaddr());
                response.setRemotePort(relayPort);
                response.setFlags(response.flags() | Pkt4.FLAG_BROADCAST);
            } else {
                response.setRemoteAddress(query.remoteAddress());
                response.setRemotePort(query.remotePort() == 0 ? clientPort : query.remotePort());
            }
            if (!response.remoteAddress().equals(query.giaddr())) {
                response.setHops(0);
                response.setGiaddr(ZERO);
                response.delOption(Options4.RELAY_AGENT_INFO);
            }
            return;
        }
        if (query.isRelayed()) {
            response.setRemoteAddress(query.giaddr());
            response.setRemotePort(relayPort);
        } else if (!query.ciaddr().equals(ZERO) && response.getType() != Pkt4.DHCPNAK) {
            response.setRemoteAddress(query.ciaddr());
            response.setRemotePort(clientPort);
        } else {
            response.setRemoteAddress(BROADCAST);
            response.setRemotePort(clientPort);
        }
    }

    // ------------------------------------------------------------------ log text

    private static String clientIdText(Pkt4 query) {
        ClientId id = query.getClientId();
        return id == null ? "(no client-id)" : id.toString();
    }

    private static String hwText(Pkt4 query) {
        return "hwtype=" + query.htype() + " " + Hex.colons(query.hwaddrBytes());
    }

    /** The client as Kea 2.2 labels it: {@code [hwtype=1 aa:..], cid=[01:..], tid=0x1f}. */
    private static String clientText(Pkt4 query) {
        ClientId id = query.getClientId();
        return "[" + hwText(query) + "], cid=[" + (id == null ? "no info" : id.toString()) + "], tid=0x"
                + Long.toHexString(query.transid());
    }
}
