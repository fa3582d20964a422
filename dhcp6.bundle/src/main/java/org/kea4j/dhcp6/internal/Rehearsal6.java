package org.kea4j.dhcp6.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcp.transport.Datagram;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.alloc.AllocEngine6;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.host.HooksManager;

/**
 * The DHCPv6 {@link Rehearsal}: made-up clients' SOLICIT and REQUEST through a pipeline of its own (no hooks
 * library, its own statistics and lease file). Every other client also asks for a prefix, every third comes
 * through a relay; the first ones come through a socket on the loopback address, the rest are handed to the
 * pipeline directly.
 */
final class Rehearsal6 implements Rehearsal.Exchanges {

    private static final String CONFIG = """
            { "interfaces-config": { "interfaces": [ "rehearsal0" ] },
              "subnet6": [ { "id": 1, "subnet": "2001:db8::/32", "interface": "rehearsal0",
                "pools": [ { "pool": "2001:db8:1::/64" } ],
                "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 33, "delegated-len": 56 } ],
                "option-data": [ { "name": "dns-servers", "data": "2001:db8::53" } ] } ] }""";
    private static final Duid SERVER_ID = new Duid(new byte[] {0, 3, 0, 1, 2, 0, 0, 0, 0, 1});
    private static final InetAddress MULTICAST = Addresses.parse("ff02::1:2");
    private static final Inet6Address LINK = (Inet6Address) Addresses.parse("2001:db8::1");
    private static final Inet6Address RELAY = (Inet6Address) Addresses.parse("2001:db8::2");
    private static final Iface IFACE = new Iface("rehearsal0", 1, List.of(Addresses.parse("fe80::1"), LINK), true,
            false, new byte[] {2, 0, 0, 0, 0, 1});

    private final Dhcp6Srv srv;
    private final Dhcp6Runtime runtime;
    private final LeaseMgr leases;
    private final Rehearsal.Loopback loopback;

    /** @param loopback the sockets of the first exchanges, or null for none (the caller closes it) */
    Rehearsal6(HooksManager hooks, LeaseMgr leases, Rehearsal.Loopback loopback) throws ConfigException {
        this.srv = new Dhcp6Srv(hooks, new AllocEngine6(hooks, Dhcp6Section.LOGGER_ROOT));
        this.leases = leases;
        ConfigDocument doc = ConfigDocument.parse("rehearsal", "{\"Dhcp6\": " + CONFIG + "}");
        Dhcp6Config config = Dhcp6ConfigParser.parse(doc.root().require("Dhcp6"),
                new ConfigContext("rehearsal", false, OptionalInt.empty()));
        this.runtime = Dhcp6Runtime.build(config, List.of(IFACE)).withServerId(SERVER_ID);
        this.loopback = loopback;
    }

    @Override
    public void exchange(int n) throws PacketParseException, IOException, InterruptedException {
        byte[] duid = {0, 3, 0, 1, 2, 0, 0, 1, (byte) (n >> 8), (byte) n};
        Pkt6 solicit = new Pkt6(Pkt6.SOLICIT, n);
        solicit.addOption(new Option(Options6.CLIENTID, duid));
        solicit.addOption(new Option(Options6.ORO, new byte[] {0, 23}));
        solicit.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of()).toOption());
        if ((n & 1) == 1) {
            solicit.addOption(new Options6.Ia(Options6.IA_PD, 2, 0, 0, List.of()).toOption());
        }
        byte[] advertise = send(solicit, n);
        if (advertise == null) {
            return;
        }
        Pkt6 offered = Pkt6.parse(advertise, advertise.length); // a relayed one unwrapped
        Pkt6 request = new Pkt6(Pkt6.REQUEST, n + 1);
        request.addOption(new Option(Options6.CLIENTID, duid));
        request.addOption(new Option(Options6.SERVERID, SERVER_ID.rawBytes()));
        request.addOption(new Option(Options6.ORO, new byte[] {0, 23}));
        for (Option o : offered.options()) {
            if (o.code() == Options6.IA_NA || o.code() == Options6.IA_PD) {
                request.addOption(o);
            }
        }
        send(request, n);
    }

    /**
     * Hands a client's message to the pipeline: through the loopback socket, relayed, for the first clients;
     * directly afterwards, every third one relayed. Returns the answer as the client gets it, or null.
     */
    private byte[] send(Pkt6 message, int n) throws IOException, InterruptedException {
        Inet6Address client = (Inet6Address) Addresses.parse("fe80::2:" + Integer.toHexString(n & 0xffff));
        byte[] wire = message.pack();
        boolean throughSockets = loopback != null && n < Rehearsal.THROUGH_SOCKETS;
        if (!throughSockets && n % 3 != 0) {
            return handle(new Datagram(wire, IFACE.name(), IFACE.index(), new InetSocketAddress(client, 546),
                    MULTICAST, 547));
        }
        byte[] relayed = Pkt6.relayForward(wire, 0, LINK, client, List.of());
        return throughSockets ? loopback.exchange(relayed, this::handle)
                : handle(new Datagram(relayed, IFACE.name(), IFACE.index(), new InetSocketAddress(RELAY, 547), LINK,
                        547));
    }

    private byte[] handle(Datagram d) {
        Dhcp6Srv.Reply reply = srv.handle(d.addressing(new Pkt6(d.data(), d.data().length)), runtime, leases);
        return reply == null ? null : reply.data();
    }
}
