package org.kea4j.dhcp4.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.kea4j.config.ConfigContext;
import org.kea4j.config.ConfigDocument;
import org.kea4j.config.ConfigException;
import org.kea4j.core.internal.hooks.HooksManagerImpl;
import org.kea4j.core.internal.hooks.InMemoryLibraries;
import org.kea4j.core.internal.hooks.LibraryRefusedException;
import org.kea4j.core.internal.hooks.LibrarySpec;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.alloc.AllocEngine4;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.memfile.internal.MemfileFactory;

/**
 * The DHCPv4 pipeline with a real (in-memory) memfile database and the real hooks framework, fed with
 * packets as the transport would hand them over. The "network" is a fake loopback interface {@code lo}
 * with the server's address 127.0.0.1 and the subnets of the test's configuration.
 */
final class PipelineHarness implements AutoCloseable {

    static final int PORT = 67;
    final InMemoryLibraries libraries = new InMemoryLibraries();
    final HooksManagerImpl hooks = new HooksManagerImpl(libraries, Runnable::run);
    final Dhcp4Srv srv = new Dhcp4Srv(hooks, new AllocEngine4(hooks, "kea-dhcp4"));
    final LeaseMgr leases;
    Dhcp4Runtime runtime;
    private final Iface iface;

    /**
     * @param dhcp4     the Dhcp4 element; its interfaces-config is replaced by the harness's interface
     * @param ifaceAddr the address of the receiving interface
     */
    PipelineHarness(String dhcp4, String ifaceAddr) throws Exception {
        this.iface = new Iface("eth9", 9, List.of(InetAddress.getByName(ifaceAddr)), true, false, new byte[6]);
        this.leases = new MemfileFactory().open(new DbAccess("memfile", Map.of("persist", "false")), 4);
        reconfigure(dhcp4);
    }

    void reconfigure(String dhcp4) throws ConfigException {
        String withIface = dhcp4.replaceFirst("\\{", "{ \"interfaces-config\": { \"interfaces\": [ \"eth9\" ] },");
        ConfigDocument doc = ConfigDocument.parse("test.json", "{\"Dhcp4\": " + withIface + "}");
        Dhcp4Config config = Dhcp4ConfigParser.parse(doc.root().require("Dhcp4"),
                new ConfigContext("test.json", false, OptionalInt.of(PORT)));
        runtime = Dhcp4Runtime.build(config, List.of(iface));
    }

    /** Loads a hooks library made of callouts (the test's "hook bundle") after the ones loaded before. */
    void library(String name, java.util.function.Consumer<LibraryHandle> load) {
        libraries.add(name, () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                load.accept(handle);
                return 0;
            }
        });
        List<LibrarySpec> configured = new java.util.ArrayList<>(hooks.configured());
        configured.add(new LibrarySpec(name, Map.of()));
        try {
            hooks.configure(configured);
        } catch (LibraryRefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A client packet of a type, with a hardware address 02:00:00:00:00:NN. */
    static Pkt4 client(int type, int n) {
        Pkt4 p = new Pkt4(type, 1000 + n);
        p.setHWAddr(1, mac(n));
        return p;
    }

    static byte[] mac(int n) {
        return new byte[] {2, 0, 0, 0, (byte) (n >> 8), (byte) n};
    }

    static Inet4Address ip(String s) {
        return Addresses.parseV4(s);
    }

    /** Adds option 50 / 54. */
    static Pkt4 with(Pkt4 p, int code, String address) {
        p.addOption(Option.ipv4(code, ip(address)));
        return p;
    }

    /** Sends a packet as a broadcast from a client without an address; returns the reply or null. */
    Dhcp4Srv.Reply broadcast(Pkt4 query) throws Exception {
        return receive(query, "0.0.0.0", 68, "255.255.255.255");
    }

    /** Sends a packet unicast to the server from {@code from}. */
    Dhcp4Srv.Reply unicast(Pkt4 query, String from) throws Exception {
        return receive(query, from, query.isRelayed() ? 67 : 68, "127.0.0.1".equals(from) ? "127.0.0.1"
                : iface.firstV4().getHostAddress());
    }

    /** Sends the wire form of {@code query} through the pipeline. */
    Dhcp4Srv.Reply receive(Pkt4 query, String from, int fromPort, String to) throws Exception {
        byte[] wire = query.pack();
        return receiveBytes(wire, from, fromPort, to);
    }

    Dhcp4Srv.Reply receiveBytes(byte[] wire, String from, int fromPort, String to) throws Exception {
        Pkt4 received = new Pkt4(wire, wire.length);
        received.setIface(iface.name());
        received.setIfIndex(iface.index());
        received.setRemoteAddress(InetAddress.getByName(from));
        received.setRemotePort(fromPort);
        received.setLocalAddress(InetAddress.getByName(to));
        received.setLocalPort(PORT);
        return srv.handle(received, runtime, leases);
    }

    /** The reply's packet, parsed from the bytes that would go on the wire. */
    static Pkt4 parsed(Dhcp4Srv.Reply reply) throws Exception {
        return Pkt4.parse(reply.data(), reply.data().length);
    }

    /** DISCOVER then REQUEST; returns the ACK (or NAK). */
    Pkt4 dora(int n) throws Exception {
        Pkt4 offer = parsed(broadcast(client(Pkt4.DHCPDISCOVER, n)));
        Pkt4 request = client(Pkt4.DHCPREQUEST, n);
        with(request, Options4.REQUESTED_ADDRESS, offer.yiaddr().getHostAddress());
        request.addOption(offer.getOption(Options4.SERVER_IDENTIFIER));
        return parsed(broadcast(request));
    }

    @Override
    public void close() {
        leases.close();
    }
}
