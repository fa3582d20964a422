package org.kea4j.dhcp4.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.transport.Datagram;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.alloc.AllocEngine4;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.host.HooksManager;

/**
 * The DHCPv4 {@link Rehearsal}: made-up clients' DISCOVER and REQUEST through a pipeline of its own (no hooks
 * library, its own statistics and lease file). The first clients come through a relay to a socket on the loopback
 * address; the rest are handed to the pipeline directly, every third one relayed, the others broadcast.
 */
final class Rehearsal4 implements Rehearsal.Exchanges {

    private static final String CONFIG = """
            { "interfaces-config": { "interfaces": [ %s ] },
              "subnet4": [ { "id": 1, "subnet": "10.99.0.0/16",
                "pools": [ { "pool": "10.99.1.0 - 10.99.255.250" } ],
                "option-data": [ { "name": "routers", "data": "10.99.0.1" },
                                 { "name": "domain-name-servers", "data": "10.99.0.53" } ] } ] }""";
    private static final Inet4Address SERVER = Addresses.parseV4("10.99.0.1");
    private static final Inet4Address RELAY = Addresses.parseV4("10.99.0.2");
    private static final Inet4Address ANY = Addresses.parseV4("0.0.0.0");
    private static final Inet4Address BROADCAST = Addresses.parseV4("255.255.255.255");
    private static final Iface IFACE = new Iface("rehearsal0", 1, List.of(SERVER), true, false,
            new byte[] {2, 0, 0, 0, 0, 1});

    private final Dhcp4Srv srv;
    private final Dhcp4Runtime runtime;
    private final LeaseMgr leases;
    private final Rehearsal.Loopback loopback;

    /** @param loopback the sockets of the first exchanges, or null for none (the caller closes it) */
    Rehearsal4(HooksManager hooks, LeaseMgr leases, Rehearsal.Loopback loopback) throws ConfigException {
        this.srv = new Dhcp4Srv(hooks, new AllocEngine4(hooks, Dhcp4Section.LOGGER_ROOT));
        this.leases = leases;
        this.loopback = loopback;
        List<Iface> interfaces = loopback == null ? List.of(IFACE) : List.of(IFACE, loopback.iface());
        ConfigDocument doc = ConfigDocument.parse("rehearsal", "{\"Dhcp4\": " + CONFIG.formatted(String.join(", ",
                interfaces.stream().map(i -> "\"" + i.name() + "\"").toList())) + "}");
        Dhcp4Config config = Dhcp4ConfigParser.parse(doc.root().require("Dhcp4"),
                new ConfigContext("rehearsal", false, OptionalInt.empty()));
        this.runtime = Dhcp4Runtime.build(config, interfaces);
    }

    @Override
    public void exchange(int n) throws PacketParseException, IOException, InterruptedException {
        byte[] offer = send(client(Pkt4.DHCPDISCOVER, n), n);
        if (offer == null) {
            return;
        }
        Pkt4 offered = Pkt4.parse(offer, offer.length);
        Pkt4 request = client(Pkt4.DHCPREQUEST, n);
        request.addOption(Option.ipv4(Options4.REQUESTED_ADDRESS, offered.yiaddr()));
        Option serverId = offered.getOption(Options4.SERVER_IDENTIFIER);
        if (serverId != null) {
            request.addOption(serverId);
        }
        send(request, n);
    }

    /** A client's message: hardware address 02:00:00:01:NN:NN, a parameter request list. */
    private static Pkt4 client(int type, int n) {
        Pkt4 p = new Pkt4(type, n);
        p.setHWAddr(1, new byte[] {2, 0, 0, 1, (byte) (n >> 8), (byte) n});
        p.addOption(new Option(Options4.PARAMETER_REQUEST_LIST, new byte[] {1, 3, 6, 15}));
        return p;
    }

    /**
     * Hands a client's message to the pipeline: through the loopback socket, relayed, for the first clients;
     * directly afterwards. Returns the answer as the client gets it, or null.
     */
    private byte[] send(Pkt4 message, int n) throws IOException, InterruptedException {
        boolean relayed = loopback != null && n < Rehearsal.THROUGH_SOCKETS || n % 3 == 0;
        if (relayed) {
            message.setGiaddr(SERVER);
            message.setHops(1);
        }
        byte[] wire = message.pack();
        if (loopback != null && n < Rehearsal.THROUGH_SOCKETS) {
            return loopback.exchange(wire, this::handle);
        }
        return handle(relayed ? new Datagram(wire, IFACE.name(), IFACE.index(), new InetSocketAddress(RELAY, 67),
                SERVER, 67) : new Datagram(wire, IFACE.name(), IFACE.index(), new InetSocketAddress(ANY, 68),
                        BROADCAST, 67));
    }

    private byte[] handle(Datagram d) {
        Dhcp4Srv.Reply reply = srv.handle(d.addressing(new Pkt4(d.data(), d.data().length)), runtime, leases);
        return reply == null ? null : reply.data();
    }
}
