package org.kea4j.dhcp;

import static org.kea4j.dhcp.OptionDataType.BINARY;
import static org.kea4j.dhcp.OptionDataType.BOOLEAN;
import static org.kea4j.dhcp.OptionDataType.EMPTY;
import static org.kea4j.dhcp.OptionDataType.FQDN;
import static org.kea4j.dhcp.OptionDataType.INT32;
import static org.kea4j.dhcp.OptionDataType.IPV4_ADDRESS;
import static org.kea4j.dhcp.OptionDataType.IPV6_ADDRESS;
import static org.kea4j.dhcp.OptionDataType.IPV6_PREFIX;
import static org.kea4j.dhcp.OptionDataType.PSID;
import static org.kea4j.dhcp.OptionDataType.STRING;
import static org.kea4j.dhcp.OptionDataType.UINT16;
import static org.kea4j.dhcp.OptionDataType.UINT32;
import static org.kea4j.dhcp.OptionDataType.UINT8;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Option definitions by space, code and name: the standard ones of Kea plus those of {@code option-def}.
 * Immutable; {@link #with} gives a new set.
 */
@ProviderType
public final class OptionDefinitions {

    /** The DHCPv4 top-level option space. */
    public static final String DHCP4 = "dhcp4";
    /** The DHCPv6 top-level option space. */
    public static final String DHCP6 = "dhcp6";
    /** Sub-options of the relay agent information option (82). */
    public static final String AGENT_OPTIONS = "dhcp-agent-options-space";
    /** Sub-options of the vendor encapsulated options option (43). */
    public static final String VENDOR_ENCAPSULATED = "vendor-encapsulated-options-space";

    private static final OptionDefinitions STANDARD4 = new OptionDefinitions(standardDefinitions4());
    private static final OptionDefinitions STANDARD6 = new OptionDefinitions(standardDefinitions6());

    private final Map<String, Map<Integer, OptionDefinition>> byCode;
    private final Map<String, Map<String, OptionDefinition>> byName;

    private OptionDefinitions(Collection<OptionDefinition> definitions) {
        Map<String, Map<Integer, OptionDefinition>> codes = new HashMap<>();
        Map<String, Map<String, OptionDefinition>> names = new HashMap<>();
        for (OptionDefinition d : definitions) {
            codes.computeIfAbsent(d.space(), s -> new LinkedHashMap<>()).put(d.code(), d);
            names.computeIfAbsent(d.space(), s -> new LinkedHashMap<>()).put(d.name(), d);
        }
        this.byCode = codes;
        this.byName = names;
    }

    /**
     * Kea's standard DHCPv4 definitions (spaces {@code dhcp4}, {@code dhcp-agent-options-space} and
     * {@code vendor-4491} for DOCSIS).
     */
    public static OptionDefinitions standard4() {
        return STANDARD4;
    }

    /** Kea's standard DHCPv6 definitions (space {@code dhcp6}, and {@code vendor-4491} for DOCSIS). */
    public static OptionDefinitions standard6() {
        return STANDARD6;
    }

    /**
     * These definitions plus {@code user} ones.
     *
     * @throws IllegalArgumentException when a user definition redefines a standard option or another one
     */
    public OptionDefinitions with(List<OptionDefinition> user) {
        List<OptionDefinition> all = new ArrayList<>(all());
        OptionDefinitions check = this;
        for (OptionDefinition d : user) {
            OptionDefinition clash = check.find(d.space(), d.code());
            if (clash == null) {
                clash = check.find(d.space(), d.name());
            }
            if (clash != null && redefinable(clash) && clash.code() == d.code()) {
                all.remove(clash); // Kea: vendor-encapsulated-options (43) may be redefined by the user
                clash = null;
            }
            if (clash != null) {
                throw new IllegalArgumentException("option definition " + d.name() + " (code " + d.code()
                        + ", space " + d.space() + ") conflicts with the definition of " + clash.name() + " (code "
                        + clash.code() + ")");
            }
            all.add(d);
            check = new OptionDefinitions(all);
        }
        return check;
    }

    private static boolean redefinable(OptionDefinition d) {
        return d.space().equals(DHCP4) && d.code() == 43;
    }

    /** Every definition. */
    public List<OptionDefinition> all() {
        List<OptionDefinition> out = new ArrayList<>();
        for (Map<Integer, OptionDefinition> m : byCode.values()) {
            out.addAll(m.values());
        }
        return out;
    }

    /** The definition of a code in a space, or null. */
    public OptionDefinition find(String space, int code) {
        Map<Integer, OptionDefinition> m = byCode.get(space);
        return m == null ? null : m.get(code);
    }

    /** The definition of a name in a space, or null. */
    public OptionDefinition find(String space, String name) {
        Map<String, OptionDefinition> m = byName.get(space);
        return m == null ? null : m.get(name);
    }

    private static List<OptionDefinition> standardDefinitions4() {
        List<OptionDefinition> d = new ArrayList<>();
        String s = DHCP4;
        d.add(OptionDefinition.of("subnet-mask", 1, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("time-offset", 2, s, INT32, false));
        d.add(OptionDefinition.of("routers", 3, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("time-servers", 4, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("name-servers", 5, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("domain-name-servers", 6, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("log-servers", 7, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("cookie-servers", 8, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("lpr-servers", 9, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("impress-servers", 10, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("resource-location-servers", 11, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("host-name", 12, s, STRING, false));
        d.add(OptionDefinition.of("boot-size", 13, s, UINT16, false));
        d.add(OptionDefinition.of("merit-dump", 14, s, STRING, false));
        d.add(OptionDefinition.of("domain-name", 15, s, STRING, false));
        d.add(OptionDefinition.of("swap-server", 16, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("root-path", 17, s, STRING, false));
        d.add(OptionDefinition.of("extensions-path", 18, s, STRING, false));
        d.add(OptionDefinition.of("ip-forwarding", 19, s, BOOLEAN, false));
        d.add(OptionDefinition.of("non-local-source-routing", 20, s, BOOLEAN, false));
        d.add(OptionDefinition.of("policy-filter", 21, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("max-dgram-reassembly", 22, s, UINT16, false));
        d.add(OptionDefinition.of("default-ip-ttl", 23, s, UINT8, false));
        d.add(OptionDefinition.of("path-mtu-aging-timeout", 24, s, UINT32, false));
        d.add(OptionDefinition.of("path-mtu-plateau-table", 25, s, UINT16, true));
        d.add(OptionDefinition.of("interface-mtu", 26, s, UINT16, false));
        d.add(OptionDefinition.of("all-subnets-local", 27, s, BOOLEAN, false));
        d.add(OptionDefinition.of("broadcast-address", 28, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("perform-mask-discovery", 29, s, BOOLEAN, false));
        d.add(OptionDefinition.of("mask-supplier", 30, s, BOOLEAN, false));
        d.add(OptionDefinition.of("router-discovery", 31, s, BOOLEAN, false));
        d.add(OptionDefinition.of("router-solicitation-address", 32, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("static-routes", 33, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("trailer-encapsulation", 34, s, BOOLEAN, false));
        d.add(OptionDefinition.of("arp-cache-timeout", 35, s, UINT32, false));
        d.add(OptionDefinition.of("ieee802-3-encapsulation", 36, s, BOOLEAN, false));
        d.add(OptionDefinition.of("default-tcp-ttl", 37, s, UINT8, false));
        d.add(OptionDefinition.of("tcp-keepalive-interval", 38, s, UINT32, false));
        d.add(OptionDefinition.of("tcp-keepalive-garbage", 39, s, BOOLEAN, false));
        d.add(OptionDefinition.of("nis-domain", 40, s, STRING, false));
        d.add(OptionDefinition.of("nis-servers", 41, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("ntp-servers", 42, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("vendor-encapsulated-options", 43, s, EMPTY, false)
                .encapsulating(VENDOR_ENCAPSULATED));
        d.add(OptionDefinition.of("netbios-name-servers", 44, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("netbios-dd-server", 45, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("netbios-node-type", 46, s, UINT8, false));
        d.add(OptionDefinition.of("netbios-scope", 47, s, STRING, false));
        d.add(OptionDefinition.of("font-servers", 48, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("x-display-manager", 49, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("dhcp-requested-address", 50, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("dhcp-lease-time", 51, s, UINT32, false));
        d.add(OptionDefinition.of("dhcp-option-overload", 52, s, UINT8, false));
        d.add(OptionDefinition.of("dhcp-message-type", 53, s, UINT8, false));
        d.add(OptionDefinition.of("dhcp-server-identifier", 54, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("dhcp-parameter-request-list", 55, s, UINT8, true));
        d.add(OptionDefinition.of("dhcp-message", 56, s, STRING, false));
        d.add(OptionDefinition.of("dhcp-max-message-size", 57, s, UINT16, false));
        d.add(OptionDefinition.of("dhcp-renewal-time", 58, s, UINT32, false));
        d.add(OptionDefinition.of("dhcp-rebinding-time", 59, s, UINT32, false));
        d.add(OptionDefinition.of("vendor-class-identifier", 60, s, STRING, false));
        d.add(OptionDefinition.of("dhcp-client-identifier", 61, s, BINARY, false));
        d.add(OptionDefinition.of("nwip-domain-name", 62, s, STRING, false));
        d.add(OptionDefinition.of("nwip-suboptions", 63, s, BINARY, false));
        d.add(OptionDefinition.of("nisplus-domain-name", 64, s, STRING, false));
        d.add(OptionDefinition.of("nisplus-servers", 65, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("tftp-server-name", 66, s, STRING, false));
        d.add(OptionDefinition.of("boot-file-name", 67, s, STRING, false));
        d.add(OptionDefinition.of("mobile-ip-home-agent", 68, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("smtp-server", 69, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("pop-server", 70, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("nntp-server", 71, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("www-server", 72, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("finger-server", 73, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("irc-server", 74, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("streettalk-server", 75, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("streettalk-directory-assistance-server", 76, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("user-class", 77, s, BINARY, false));
        d.add(OptionDefinition.record("slp-directory-agent", 78, s, true, BOOLEAN, IPV4_ADDRESS));
        d.add(OptionDefinition.record("slp-service-scope", 79, s, false, BOOLEAN, STRING));
        d.add(OptionDefinition.record("fqdn", 81, s, false, UINT8, UINT8, UINT8, FQDN));
        d.add(OptionDefinition.of("dhcp-agent-options", 82, s, EMPTY, false).encapsulating(AGENT_OPTIONS));
        d.add(OptionDefinition.of("nds-servers", 85, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("nds-tree-name", 86, s, STRING, false));
        d.add(OptionDefinition.of("nds-context", 87, s, STRING, false));
        d.add(OptionDefinition.of("bcms-controller-names", 88, s, FQDN, true));
        d.add(OptionDefinition.of("bcms-controller-address", 89, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("authenticate", 90, s, BINARY, false));
        d.add(OptionDefinition.of("client-last-transaction-time", 91, s, UINT32, false));
        d.add(OptionDefinition.of("associated-ip", 92, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("client-system", 93, s, UINT16, true));
        d.add(OptionDefinition.record("client-ndi", 94, s, false, UINT8, UINT8, UINT8));
        d.add(OptionDefinition.record("uuid-guid", 97, s, false, UINT8, BINARY));
        d.add(OptionDefinition.of("uap-servers", 98, s, STRING, false));
        d.add(OptionDefinition.of("geoconf-civic", 99, s, BINARY, false));
        d.add(OptionDefinition.of("pcode", 100, s, STRING, false));
        d.add(OptionDefinition.of("tcode", 101, s, STRING, false));
        d.add(OptionDefinition.of("v6-only-preferred", 108, s, UINT32, false));
        d.add(OptionDefinition.of("netinfo-server-address", 112, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("netinfo-server-tag", 113, s, STRING, false));
        d.add(OptionDefinition.of("v4-captive-portal", 114, s, STRING, false));
        d.add(OptionDefinition.of("auto-config", 116, s, UINT8, false));
        d.add(OptionDefinition.of("name-service-search", 117, s, UINT16, true));
        d.add(OptionDefinition.of("subnet-selection", 118, s, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("domain-search", 119, s, FQDN, true));
        d.add(OptionDefinition.record("vivco-suboptions", 124, s, false, UINT32, BINARY));
        d.add(OptionDefinition.of("vivso-suboptions", 125, s, UINT32, false));
        d.add(OptionDefinition.of("pana-agent", 136, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("v4-lost", 137, s, FQDN, false));
        d.add(OptionDefinition.of("capwap-ac-v4", 138, s, IPV4_ADDRESS, true));
        d.add(OptionDefinition.of("sip-ua-cs-domains", 141, s, FQDN, true));
        d.add(OptionDefinition.record("rdnss-selection", 146, s, true, UINT8, IPV4_ADDRESS, IPV4_ADDRESS, FQDN));
        d.add(OptionDefinition.record("v4-portparams", 159, s, false, UINT8, PSID));
        d.add(OptionDefinition.record("option-6rd", 212, s, true, UINT8, UINT8, IPV6_ADDRESS, IPV4_ADDRESS));
        d.add(OptionDefinition.of("v4-access-domain", 213, s, FQDN, false));

        // DOCSIS 3 (CableLabs, enterprise 4491): Kea names the space both ways
        for (String docsis : List.of("vendor-4491", "docsis3-v4")) {
            d.add(OptionDefinition.of("oro", 1, docsis, UINT8, true));
            d.add(OptionDefinition.of("tftp-servers", 2, docsis, IPV4_ADDRESS, true));
        }

        String a = AGENT_OPTIONS;
        d.add(OptionDefinition.of("circuit-id", 1, a, BINARY, false));
        d.add(OptionDefinition.of("remote-id", 2, a, BINARY, false));
        d.add(OptionDefinition.of("docsis-device-class", 4, a, UINT32, false));
        d.add(OptionDefinition.of("link-selection", 5, a, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("subscriber-id", 6, a, BINARY, false));
        d.add(OptionDefinition.of("server-id-override", 11, a, IPV4_ADDRESS, false));
        d.add(OptionDefinition.of("relay-id", 12, a, BINARY, false));
        return d;
    }

    private static List<OptionDefinition> standardDefinitions6() {
        List<OptionDefinition> d = new ArrayList<>();
        String s = DHCP6;
        d.add(OptionDefinition.of("clientid", 1, s, BINARY, false));
        d.add(OptionDefinition.of("serverid", 2, s, BINARY, false));
        d.add(OptionDefinition.record("ia-na", 3, s, false, UINT32, UINT32, UINT32).encapsulating(s));
        d.add(OptionDefinition.of("ia-ta", 4, s, UINT32, false).encapsulating(s));
        d.add(OptionDefinition.record("iaaddr", 5, s, false, IPV6_ADDRESS, UINT32, UINT32).encapsulating(s));
        d.add(OptionDefinition.of("oro", 6, s, UINT16, true));
        d.add(OptionDefinition.of("preference", 7, s, UINT8, false));
        d.add(OptionDefinition.of("elapsed-time", 8, s, UINT16, false));
        d.add(OptionDefinition.of("relay-msg", 9, s, BINARY, false));
        d.add(OptionDefinition.of("auth", 11, s, BINARY, false));
        d.add(OptionDefinition.of("unicast", 12, s, IPV6_ADDRESS, false));
        d.add(OptionDefinition.record("status-code", 13, s, false, UINT16, STRING));
        d.add(OptionDefinition.of("rapid-commit", 14, s, EMPTY, false));
        d.add(OptionDefinition.of("user-class", 15, s, BINARY, false));
        d.add(OptionDefinition.record("vendor-class", 16, s, false, UINT32, BINARY));
        d.add(OptionDefinition.of("vendor-opts", 17, s, UINT32, false));
        d.add(OptionDefinition.of("interface-id", 18, s, BINARY, false));
        d.add(OptionDefinition.of("reconf-msg", 19, s, UINT8, false));
        d.add(OptionDefinition.of("reconf-accept", 20, s, EMPTY, false));
        d.add(OptionDefinition.of("sip-server-dns", 21, s, FQDN, true));
        d.add(OptionDefinition.of("sip-server-addr", 22, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("dns-servers", 23, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("domain-search", 24, s, FQDN, true));
        d.add(OptionDefinition.record("ia-pd", 25, s, false, UINT32, UINT32, UINT32).encapsulating(s));
        d.add(OptionDefinition.record("iaprefix", 26, s, false, UINT32, UINT32, UINT8, IPV6_ADDRESS)
                .encapsulating(s));
        d.add(OptionDefinition.of("nis-servers", 27, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("nisp-servers", 28, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("nis-domain-name", 29, s, FQDN, true));
        d.add(OptionDefinition.of("nisp-domain-name", 30, s, FQDN, true));
        d.add(OptionDefinition.of("sntp-servers", 31, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("information-refresh-time", 32, s, UINT32, false));
        d.add(OptionDefinition.of("bcmcs-server-dns", 33, s, FQDN, true));
        d.add(OptionDefinition.of("bcmcs-server-addr", 34, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.record("geoconf-civic", 36, s, false, UINT8, UINT16, BINARY));
        d.add(OptionDefinition.record("remote-id", 37, s, false, UINT32, BINARY));
        d.add(OptionDefinition.of("subscriber-id", 38, s, BINARY, false));
        d.add(OptionDefinition.record("client-fqdn", 39, s, false, UINT8, FQDN));
        d.add(OptionDefinition.of("pana-agent", 40, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("new-posix-timezone", 41, s, STRING, false));
        d.add(OptionDefinition.of("new-tzdb-timezone", 42, s, STRING, false));
        d.add(OptionDefinition.of("ero", 43, s, UINT16, true));
        d.add(OptionDefinition.of("client-data", 45, s, EMPTY, false).encapsulating(s));
        d.add(OptionDefinition.of("clt-time", 46, s, UINT32, false));
        d.add(OptionDefinition.record("lq-relay-data", 47, s, false, IPV6_ADDRESS, BINARY));
        d.add(OptionDefinition.of("lq-client-link", 48, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.record("lq-query", 44, s, false, UINT8, IPV6_ADDRESS));
        d.add(OptionDefinition.of("v6-lost", 51, s, FQDN, false));
        d.add(OptionDefinition.of("capwap-ac-v6", 52, s, IPV6_ADDRESS, true));
        d.add(OptionDefinition.of("relay-id", 53, s, BINARY, false));
        d.add(OptionDefinition.of("v6-access-domain", 57, s, FQDN, false));
        d.add(OptionDefinition.of("sip-ua-cs-list", 58, s, FQDN, true));
        d.add(OptionDefinition.of("bootfile-url", 59, s, STRING, false));
        d.add(OptionDefinition.of("bootfile-param", 60, s, OptionDataType.TUPLE, true));
        d.add(OptionDefinition.of("client-arch-type", 61, s, UINT16, true));
        d.add(OptionDefinition.record("nii", 62, s, false, UINT8, UINT8, UINT8));
        d.add(OptionDefinition.of("aftr-name", 64, s, FQDN, false));
        d.add(OptionDefinition.of("erp-local-domain-name", 65, s, FQDN, false));
        d.add(OptionDefinition.of("rsoo", 66, s, EMPTY, false).encapsulating("rsoo-opts"));
        d.add(OptionDefinition.of("pd-exclude", 67, s, IPV6_PREFIX, false));
        d.add(OptionDefinition.record("rdnss-selection", 74, s, true, IPV6_ADDRESS, UINT8, FQDN));
        d.add(OptionDefinition.of("client-linklayer-addr", 79, s, BINARY, false));
        d.add(OptionDefinition.of("link-address", 80, s, IPV6_ADDRESS, false));
        d.add(OptionDefinition.of("solmax-rt", 82, s, UINT32, false));
        d.add(OptionDefinition.of("inf-max-rt", 83, s, UINT32, false));
        d.add(OptionDefinition.of("dhcp4o6-server-addr", 88, s, IPV6_ADDRESS, true));
        // softwire 46 (RFC 7598): containers, and the spaces of what they carry
        d.add(OptionDefinition.of("s46-cont-mape", 94, s, EMPTY, false).encapsulating("s46-cont-mape-options"));
        d.add(OptionDefinition.of("s46-cont-mapt", 95, s, EMPTY, false).encapsulating("s46-cont-mapt-options"));
        d.add(OptionDefinition.of("s46-cont-lw", 96, s, EMPTY, false).encapsulating("s46-cont-lw-options"));
        for (String container : List.of("s46-cont-mape-options", "s46-cont-mapt-options")) {
            d.add(OptionDefinition.record("s46-rule", 89, container, false, UINT8, UINT8, UINT8, IPV4_ADDRESS,
                    IPV6_PREFIX).encapsulating("s46-rule-options"));
        }
        d.add(OptionDefinition.of("s46-br", 90, "s46-cont-mape-options", IPV6_ADDRESS, false));
        d.add(OptionDefinition.of("s46-br", 90, "s46-cont-lw-options", IPV6_ADDRESS, false));
        d.add(OptionDefinition.of("s46-dmr", 91, "s46-cont-mapt-options", IPV6_PREFIX, false));
        d.add(OptionDefinition.record("s46-v4v6bind", 92, "s46-cont-lw-options", false, IPV4_ADDRESS, IPV6_PREFIX)
                .encapsulating("s46-v4v6bind-options"));
        d.add(OptionDefinition.record("s46-portparams", 93, "s46-rule-options", false, UINT8, PSID));
        d.add(OptionDefinition.record("s46-portparams", 93, "s46-v4v6bind-options", false, UINT8, PSID));
        d.add(OptionDefinition.of("v6-captive-portal", 103, s, STRING, false));
        d.add(OptionDefinition.of("ipv6-address-andsf", 143, s, IPV6_ADDRESS, true));

        // DOCSIS 3 (CableLabs, enterprise 4491): Kea names the space both ways
        for (String v : List.of("vendor-4491", "docsis3-v6")) {
            d.add(OptionDefinition.of("oro", 1, v, UINT16, true));
            d.add(OptionDefinition.of("device-type", 2, v, STRING, false));
            d.add(OptionDefinition.of("vendor-type", 10, v, STRING, false));
            d.add(OptionDefinition.of("tftp-servers", 32, v, IPV6_ADDRESS, true));
            d.add(OptionDefinition.of("config-file", 33, v, STRING, false));
            d.add(OptionDefinition.of("syslog-servers", 34, v, IPV6_ADDRESS, true));
            d.add(OptionDefinition.of("device-id", 36, v, BINARY, false));
            d.add(OptionDefinition.of("time-servers", 37, v, IPV6_ADDRESS, true));
            d.add(OptionDefinition.of("time-offset", 38, v, INT32, false));
        }
        return d;
    }
}
