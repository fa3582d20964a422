package org.kea4j.dhcpsrv.cfg;

import org.kea4j.dhcpsrv.Addresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.config.ConfigNode;
import org.kea4j.core.internal.dhcpsrv.DhcpsrvMessages;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.log.KeaLogger;

/**
 * {@code interfaces-config}: which interfaces (and addresses) a server listens on.
 *
 * @param interfaces  the entries: {@code "*"}, {@code "eth0"} or {@code "eth0/192.0.2.1"}
 * @param socketType  {@code raw} or {@code udp} (kea4j always uses UDP sockets)
 * @param socketTypeSet whether {@code dhcp-socket-type} was given
 */
public record InterfacesConfig(List<Entry> interfaces, String socketType, boolean socketTypeSet) {

    /**
     * One interface entry.
     *
     * @param name    an interface name, or {@code *} for all
     * @param address a specific address of it, or null
     */
    public record Entry(String name, InetAddress address) {
        public boolean all() {
            return name.equals("*");
        }

        @Override
        public String toString() {
            return address == null ? name : name + "/" + address.getHostAddress();
        }
    }

    private static final Set<String> KEYS = Set.of("interfaces", "dhcp-socket-type", "outbound-interface", "re-detect",
            "service-sockets-require-all", "service-sockets-retry-wait-time", "service-sockets-max-retries");

    public InterfacesConfig {
        interfaces = List.copyOf(interfaces);
    }

    /** No interfaces. */
    public static final InterfacesConfig NONE = new InterfacesConfig(List.of(), "raw", false);

    /** Parses {@code interfaces-config} of a DHCPv4 ({@code v4}) or DHCPv6 server. */
    public static InterfacesConfig parse(ConfigNode node, boolean v4) throws ConfigException {
        node.expectMap().checkKeys(KEYS);
        List<Entry> entries = new ArrayList<>();
        var list = node.get("interfaces");
        if (list.isPresent()) {
            entries = entries(list.get(), v4);
        }
        String type = "raw";
        var typeNode = node.get("dhcp-socket-type");
        if (typeNode.isPresent()) {
            if (!v4) {
                throw typeNode.get().error("dhcp-socket-type is a DHCPv4 parameter");
            }
            type = typeNode.get().asString();
            if (!type.equals("raw") && !type.equals("udp")) {
                throw typeNode.get().error("unsupported socket type '" + type + "' (raw or udp)");
            }
        }
        var outbound = node.get("outbound-interface");
        if (outbound.isPresent()) {
            String value = outbound.get().asString();
            if (!value.equals("same-as-inbound") && !value.equals("use-routing")) {
                throw outbound.get().error("invalid outbound-interface '" + value + "'");
            }
        }
        node.getBoolean("re-detect", true);
        node.getBoolean("service-sockets-require-all", false);
        node.getLong("service-sockets-retry-wait-time", 0, 0xFFFF_FFFFL, 5000);
        node.getLong("service-sockets-max-retries", 0, 0xFFFF_FFFFL, 0);
        return new InterfacesConfig(entries, type, typeNode.isPresent());
    }

    /** Parses a list of interface entries (also Kea 0.9.0's top-level {@code interfaces}). */
    public static List<Entry> entries(ConfigNode list, boolean v4) throws ConfigException {
        List<Entry> entries = new ArrayList<>();
        for (ConfigNode item : list.elements()) {
            String text = item.asString().trim();
            if (text.isEmpty()) {
                throw item.error("interface name must not be empty");
            }
            int slash = text.indexOf('/');
            if (slash < 0) {
                entries.add(new Entry(text, null));
                continue;
            }
            String name = text.substring(0, slash);
            if (name.isEmpty() || name.equals("*")) {
                throw item.error("an address must follow an interface name: '" + text + "'");
            }
            InetAddress address;
            try {
                address = Addresses.parse(text.substring(slash + 1));
            } catch (IllegalArgumentException e) {
                throw item.error(e.getMessage());
            }
            if (v4 && !(address instanceof Inet4Address) || !v4 && !(address instanceof Inet6Address)) {
                throw item.error("'" + text + "': the address must be " + (v4 ? "IPv4" : "IPv6"));
            }
            entries.add(new Entry(name, address));
        }
        return entries;
    }

    /**
     * An interface the server listens on, with the address it uses as its own there.
     *
     * @param iface   the interface
     * @param address the configured address ({@code eth0/192.0.2.1}) or the interface's first address of
     *                the family; null for IPv4 when the interface has none
     */
    public record Listen(Iface iface, InetAddress address) {
    }

    /**
     * Resolves the entries against the host's interfaces: {@code *} means every interface that is up and is
     * not a loopback.
     *
     * @throws IllegalArgumentException naming the entry when an interface or address does not exist
     */
    public List<Listen> resolve(List<Iface> detected, boolean v4) {
        Map<String, Listen> out = new LinkedHashMap<>();
        for (Entry e : interfaces) {
            if (e.all()) {
                for (Iface i : detected) {
                    if (i.up() && !i.loopback() && !out.containsKey(i.name())) {
                        out.put(i.name(), new Listen(i, ownAddress(i, v4)));
                    }
                }
                continue;
            }
            Iface found = null;
            for (Iface i : detected) {
                if (i.name().equals(e.name())) {
                    found = i;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("interface '" + e.name() + "' does not exist on this host");
            }
            InetAddress address = ownAddress(found, v4);
            if (e.address() != null) {
                if (!found.addresses().contains(e.address())) {
                    throw new IllegalArgumentException("interface '" + e.name() + "' has no address "
                            + Addresses.format(e.address()));
                }
                address = e.address();
            }
            out.put(found.name(), new Listen(found, address));
        }
        return List.copyOf(out.values());
    }

    private static InetAddress ownAddress(Iface i, boolean v4) {
        if (v4) {
            return i.firstV4();
        }
        for (Inet6Address a : i.v6Addresses()) {
            if (a.isLinkLocalAddress()) {
                return a;
            }
        }
        return i.v6Addresses().isEmpty() ? null : i.v6Addresses().get(0);
    }

    /** Logs, as Kea's configuration manager does, which interfaces and addresses a committed configuration uses. */
    public void logActivation(String loggerRoot, boolean v4) {
        KeaLogger log = KeaLogger.get(loggerRoot + ".dhcpsrv");
        if (v4) {
            if (!socketTypeSet) {
                log.log(DhcpsrvMessages.DHCPSRV_CFGMGR_SOCKET_TYPE_DEFAULT, "raw");
            }
            if (socketType.equals("raw")) {
                log.log(DhcpsrvMessages.DHCPSRV_CFGMGR_SOCKET_RAW_UNSUPPORTED);
            }
        }
        for (Entry e : interfaces) {
            if (e.all()) {
                log.log(DhcpsrvMessages.DHCPSRV_CFGMGR_ALL_IFACES_ACTIVE);
            } else if (e.address() != null) {
                log.log(DhcpsrvMessages.DHCPSRV_CFGMGR_USE_ADDRESS,
                        Addresses.format(e.address()), e.name());
            } else {
                log.log(DhcpsrvMessages.DHCPSRV_CFGMGR_ADD_IFACE, e.name());
            }
        }
    }
}
