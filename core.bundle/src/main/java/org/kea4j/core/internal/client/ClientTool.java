package org.kea4j.core.internal.client;

import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.kea4j.control.CommandLineTool;
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.OptionDefinition;
import org.kea4j.dhcp.OptionDefinitions;
import org.kea4j.dhcp.Pkt4;
import org.osgi.service.component.annotations.Component;

/**
 * {@code java -jar kea4j.jar client -4 --server 127.0.0.1:1067}: gets (and optionally releases) leases
 * from a DHCP server by acting as a relay agent, which needs no root and no broadcast. For trying a server
 * out and for scripts; exit code 0 when every client got an address.
 */
@Component(property = CommandLineTool.NAME_PROPERTY + "=client")
public final class ClientTool implements CommandLineTool {

    @Override
    public String usage() {
        return "client -4|-6 [--server HOST:PORT] [--relay ADDRESS] [--port LOCAL_PORT] [--hwaddr MAC] [--count N]"
                + " [--release] [--timeout MS] [--pd] [--pd-only] [--link V6ADDRESS]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        String server = "127.0.0.1:67";
        String relay = null;
        int port = 0;
        byte[] mac = null;
        int count = 1;
        boolean release = false;
        int timeout = 3000;
        boolean v4 = false;
        boolean v6 = false;
        boolean pd = false;
        boolean na = true;
        String link = "2001:db8:1::1";
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("-4")) {
                v4 = true;
                continue;
            }
            if (a.equals("-6")) {
                v6 = true;
                continue;
            }
            if (a.equals("--pd")) {
                pd = true;
                continue;
            }
            if (a.equals("--pd-only")) {
                pd = true;
                na = false;
                continue;
            }
            if (a.equals("--release")) {
                release = true;
                continue;
            }
            if (i + 1 >= arguments.size()) {
                err.println("client: " + a + " needs a value\nusage: " + usage());
                return 2;
            }
            String value = arguments.get(++i);
            try {
                switch (a) {
                    case "--server" -> server = value;
                    case "--relay" -> relay = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--hwaddr" -> mac = Hex.parse(value);
                    case "--count" -> count = Integer.parseInt(value);
                    case "--timeout" -> timeout = Integer.parseInt(value);
                    case "--link" -> link = value;
                    default -> {
                        err.println("client: unknown argument " + a + "\nusage: " + usage());
                        return 2;
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("client: invalid value '" + value + "' for " + a);
                return 2;
            }
        }
        if (v4 == v6) {
            err.println("client: say -4 (DHCPv4) or -6 (DHCPv6)\nusage: " + usage());
            return 2;
        }
        if (v6) {
            return run6(server, link, port, mac, count, release, timeout, na, pd, out);
        }
        int colon = server.lastIndexOf(':');
        InetSocketAddress target = colon < 0 ? new InetSocketAddress(server, 67)
                : new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
        Inet4Address relayAddress = (Inet4Address) InetAddress.getByName(relay != null ? relay
                : target.getAddress().isLoopbackAddress() ? "127.0.0.1" : localAddressTowards(target));
        int granted = 0;
        try (Dhcp4Client client = new Dhcp4Client(target, relayAddress, port, timeout)) {
            for (int i = 0; i < count; i++) {
                byte[] hw = mac != null && count == 1 ? mac : Dhcp4Client.randomMac();
                Dhcp4Client.Exchange x = client.dora(hw);
                if (x.offer() == null) {
                    out.println(Hex.colons(hw) + ": no DHCPOFFER from " + server + " within " + timeout + " ms");
                } else if (x.ack() == null) {
                    out.println(Hex.colons(hw) + ": offered " + x.offer().yiaddr().getHostAddress()
                            + ", but no DHCPACK within " + timeout + " ms");
                } else if (!x.granted()) {
                    out.println(Hex.colons(hw) + ": DHCPNAK from " + server);
                } else {
                    granted++;
                    out.println(Hex.colons(hw) + ": DHCPACK " + x.ack().yiaddr().getHostAddress() + " " + describe(x.ack()));
                    if (release) {
                        client.release(hw, x.ack());
                        out.println(Hex.colons(hw) + ": released " + x.ack().yiaddr().getHostAddress());
                    }
                }
            }
        }
        return granted == count ? 0 : 1;
    }

    private static int run6(String server, String link, int port, byte[] mac, int count, boolean release, int timeout,
            boolean na, boolean pd, PrintStream out) throws Exception {
        String host = server.startsWith("[") ? server.substring(1, server.indexOf(']')) : "::1";
        int serverPort = server.lastIndexOf(':') > server.lastIndexOf(']') && server.startsWith("[")
                ? Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)) : 547;
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(host), serverPort);
        int granted = 0;
        try (Dhcp6Client client = new Dhcp6Client(target, (java.net.Inet6Address) InetAddress.getByName(link), port,
                timeout)) {
            for (int i = 0; i < count; i++) {
                byte[] hw = mac != null && count == 1 ? mac : Dhcp4Client.randomMac();
                byte[] duid = Dhcp6Client.duid(hw);
                Dhcp6Client.Exchange x = client.sarr(duid, na, pd);
                String who = Hex.colons(duid);
                if (x.advertise() == null) {
                    out.println(who + ": no ADVERTISE from " + server + " within " + timeout + " ms");
                    continue;
                }
                if (x.reply() == null) {
                    out.println(who + ": no REPLY within " + timeout + " ms");
                    continue;
                }
                String leases = describe6(x.reply());
                if (leases.contains("status=")) {
                    out.println(who + ": REPLY without leases: " + leases);
                    continue;
                }
                granted++;
                out.println(who + ": REPLY " + leases);
                if (release) {
                    org.kea4j.dhcp.Pkt6 answer = client.release(duid, x.reply());
                    out.println(who + ": released" + (answer == null ? " (no answer)" : ""));
                }
            }
        }
        return granted == count ? 0 : 1;
    }

    /** The leases (and failure statuses) of a DHCPv6 REPLY. */
    static String describe6(org.kea4j.dhcp.Pkt6 reply) {
        StringBuilder sb = new StringBuilder();
        for (Option o : reply.options()) {
            if (o.code() != org.kea4j.dhcp.Options6.IA_NA && o.code() != org.kea4j.dhcp.Options6.IA_PD) {
                continue;
            }
            org.kea4j.dhcp.Options6.Ia ia = org.kea4j.dhcp.Options6.Ia.of(o);
            for (Option sub : ia.options()) {
                if (sub.code() == org.kea4j.dhcp.Options6.IAADDR) {
                    var a = org.kea4j.dhcp.Options6.IaAddr.of(sub);
                    sb.append(sb.length() == 0 ? "" : " ").append("address=")
                            .append(org.kea4j.dhcpsrv.Addresses.format(a.address())).append(" valid=").append(a.valid());
                } else if (sub.code() == org.kea4j.dhcp.Options6.IAPREFIX) {
                    var p = org.kea4j.dhcp.Options6.IaPrefix.of(sub);
                    sb.append(sb.length() == 0 ? "" : " ").append("prefix=")
                            .append(org.kea4j.dhcpsrv.Addresses.format(p.prefix())).append('/').append(p.length())
                            .append(" valid=").append(p.valid());
                } else if (sub.code() == org.kea4j.dhcp.Options6.STATUS_CODE) {
                    sb.append(sb.length() == 0 ? "" : " ").append("status=")
                            .append(org.kea4j.dhcp.Options6.statusCode(sub));
                }
            }
        }
        return sb.toString();
    }

    private static String localAddressTowards(InetSocketAddress target) throws Exception {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket()) {
            probe.connect(target);
            return probe.getLocalAddress().getHostAddress();
        }
    }

    /** The reply's options as {@code name=value}. */
    static String describe(Pkt4 reply) {
        StringBuilder sb = new StringBuilder();
        for (Option o : reply.options()) {
            OptionDefinition def = OptionDefinitions.standard4().find(OptionDefinitions.DHCP4, o.code());
            if (o.code() == 53 || o.code() == 61 || o.code() == 82) {
                continue;
            }
            String value;
            try {
                value = def == null ? Hex.colons(o.data()) : def.decodeToCsv(o.data(), false);
            } catch (IllegalArgumentException e) {
                value = Hex.colons(o.data());
            }
            sb.append(sb.length() == 0 ? "" : " ").append(def == null ? "option-" + o.code() : def.name()).append('=')
                    .append(value.replace(" ", ""));
        }
        return sb.toString();
    }
}
