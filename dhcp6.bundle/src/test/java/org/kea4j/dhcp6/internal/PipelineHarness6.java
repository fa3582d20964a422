package org.kea4j.dhcp6.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
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
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.alloc.AllocEngine6;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.memfile.internal.MemfileFactory;

/**
 * The DHCPv6 pipeline with an in-memory memfile database and the real hooks framework, fed with messages
 * as the transport hands them over, on a fake interface {@code eth9} (fe80::1, 2001:db8:1::1).
 */
final class PipelineHarness6 implements AutoCloseable {

    static final Duid SERVER_ID = new Duid(new byte[] {0, 3, 0, 1, 2, 0, 0, 0, 0, (byte) 0xff});
    static final InetAddress MULTICAST = Addresses.parse("ff02::1:2");
    final InMemoryLibraries libraries = new InMemoryLibraries();
    final HooksManagerImpl hooks = new HooksManagerImpl(libraries, Runnable::run);
    final Dhcp6Srv srv = new Dhcp6Srv(hooks, new AllocEngine6(hooks, "kea-dhcp6"));
    final LeaseMgr leases;
    Dhcp6Runtime runtime;
    private final Iface iface;

    PipelineHarness6(String dhcp6) throws Exception {
        this.iface = new Iface("eth9", 9, List.of(Addresses.parse("fe80::1"), Addresses.parse("2001:db8:1::1")), true,
                false, new byte[] {2, 0, 0, 0, 0, 1});
        this.leases = new MemfileFactory().open(new DbAccess("memfile", Map.of("persist", "false")), 6);
        reconfigure(dhcp6);
    }

    void reconfigure(String dhcp6) throws ConfigException {
        String body = dhcp6.contains("interfaces-config") ? dhcp6
                : dhcp6.replaceFirst("\\{", "{ \"interfaces-config\": { \"interfaces\": [ \"eth9\" ] },");
        ConfigDocument doc = ConfigDocument.parse("test.json", "{\"Dhcp6\": " + body + "}");
        Dhcp6Config config = Dhcp6ConfigParser.parse(doc.root().require("Dhcp6"),
                new ConfigContext("test.json", false, OptionalInt.empty()));
        runtime = Dhcp6Runtime.build(config, List.of(iface)).withServerId(SERVER_ID);
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
        List<LibrarySpec> configured = new ArrayList<>(hooks.configured());
        configured.add(new LibrarySpec(name, Map.of()));
        try {
            hooks.configure(configured);
        } catch (LibraryRefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static byte[] duid(int n) {
        return new byte[] {0, 3, 0, 1, 2, 0, 0, 0, (byte) (n >> 8), (byte) n};
    }

    /** A client message with the client's DUID and, when asked, IA_NA (iaid 1) and IA_PD (iaid 2). */
    static Pkt6 client(int type, int n, boolean na, boolean pd) {
        Pkt6 p = new Pkt6(type, 0x1000 + n);
        p.addOption(new Option(Options6.CLIENTID, duid(n)));
        if (na) {
            p.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0, List.of()).toOption());
        }
        if (pd) {
            p.addOption(new Options6.Ia(Options6.IA_PD, 2, 0, 0, List.of()).toOption());
        }
        return p;
    }

    static Pkt6 withServerId(Pkt6 p) {
        p.addOption(new Option(Options6.SERVERID, SERVER_ID.rawBytes()));
        return p;
    }

    /** Copies the IAs of a server answer into a client message (as REQUEST, RENEW, RELEASE ... do). */
    static Pkt6 withIas(Pkt6 p, Pkt6 answer) {
        for (Option o : answer.options()) {
            if (o.code() == Options6.IA_NA || o.code() == Options6.IA_PD) {
                p.addOption(o);
            }
        }
        return p;
    }

    /** From the client's link-local address to ff02::1:2. */
    Dhcp6Srv.Reply multicast(Pkt6 query, int n) throws Exception {
        return receive(query.pack(), "fe80::2:" + Integer.toHexString(n), 546, MULTICAST);
    }

    /** From a client straight to the server's global address. */
    Dhcp6Srv.Reply unicast(Pkt6 query, int n) throws Exception {
        return receive(query.pack(), "fe80::2:" + Integer.toHexString(n), 546, Addresses.parse("2001:db8:1::1"));
    }

    /** Through a relay at {@code relay} (its link-address {@code link}), to the server's global address. */
    Dhcp6Srv.Reply relayed(Pkt6 query, String relay, String link, List<Option> relayOptions) throws Exception {
        byte[] wire = Pkt6.relayForward(query.pack(), 0, (Inet6Address) Addresses.parse(link),
                (Inet6Address) Addresses.parse("fe80::77"), relayOptions);
        return receive(wire, relay, 547, Addresses.parse("2001:db8:1::1"));
    }

    Dhcp6Srv.Reply receive(byte[] wire, String from, int fromPort, InetAddress to) throws Exception {
        Pkt6 received = new Pkt6(wire, wire.length);
        received.setIface(iface.name());
        received.setIfIndex(iface.index());
        received.setRemoteAddress(InetAddress.getByName(from));
        received.setRemotePort(fromPort);
        received.setLocalAddress(to);
        received.setLocalPort(547);
        return srv.handle(received, runtime, leases);
    }

    static Pkt6 parsed(Dhcp6Srv.Reply reply) throws Exception {
        return Pkt6.parse(reply.data(), reply.data().length);
    }

    /** The first IA of a code in an answer. */
    static Options6.Ia ia(Pkt6 answer, int code) {
        return Options6.Ia.of(answer.getOption(code));
    }

    /** The status code inside an IA, or -1 when it has none. */
    static int status(Options6.Ia ia) {
        List<Option> s = ia.options(Options6.STATUS_CODE);
        return s.isEmpty() ? -1 : Options6.statusCode(s.get(0));
    }

    /** SOLICIT, REQUEST; returns the REPLY. */
    Pkt6 sarr(int n, boolean na, boolean pd) throws Exception {
        Pkt6 advertise = parsed(multicast(client(Pkt6.SOLICIT, n, na, pd), n));
        Pkt6 request = new Pkt6(Pkt6.REQUEST, 0x2000 + n);
        request.addOption(new Option(Options6.CLIENTID, duid(n)));
        withServerId(request);
        withIas(request, advertise);
        return parsed(multicast(request, n));
    }

    @Override
    public void close() {
        leases.close();
    }
}
