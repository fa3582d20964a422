package org.kea4j.core.internal.dhcpsrv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kea4j.core.internal.control.Json;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/** Leases as Kea's lease commands show them. */
final class LeaseJson {

    private LeaseJson() {
    }

    static ObjectNode of(Lease4 l) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ip-address", l.address().getHostAddress());
        HWAddr hw = l.hwaddr();
        n.put("hw-address", hw == null ? "" : hw.toString());
        ClientId id = l.clientId();
        if (id != null) {
            n.put("client-id", id.toString());
        }
        n.put("subnet-id", l.subnetId());
        n.put("valid-lft", l.validLifetime());
        n.put("cltt", l.cltt());
        n.put("fqdn-fwd", l.fqdnFwd());
        n.put("fqdn-rev", l.fqdnRev());
        n.put("hostname", l.hostname());
        n.put("state", l.state());
        putUserContext(n, l.userContext());
        return n;
    }

    static ObjectNode of(Lease6 l) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ip-address", Addresses.format(l.address()));
        n.put("duid", l.duid() == null ? "" : l.duid().toString());
        n.put("iaid", l.iaid());
        n.put("subnet-id", l.subnetId());
        n.put("type", typeName(l.type()));
        if (l.type() == LeaseType.PD) {
            n.put("prefix-len", l.prefixLength());
        }
        n.put("preferred-lft", l.preferredLifetime());
        n.put("valid-lft", l.validLifetime());
        n.put("cltt", l.cltt());
        n.put("fqdn-fwd", l.fqdnFwd());
        n.put("fqdn-rev", l.fqdnRev());
        n.put("hostname", l.hostname());
        if (l.hwaddr() != null) {
            n.put("hw-address", l.hwaddr().toString());
        }
        n.put("state", l.state());
        putUserContext(n, l.userContext());
        return n;
    }

    private static void putUserContext(ObjectNode n, String json) {
        if (json == null) {
            return;
        }
        try {
            n.set("user-context", Json.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            n.put("user-context", json);
        }
    }

    static String typeName(LeaseType type) {
        return "IA_" + type.name();
    }

    /** {@code IA_NA}, {@code IA_TA}, {@code IA_PD} (also without the prefix, any case). */
    static LeaseType type(JsonNode node) {
        if (node == null || node.isNull()) {
            return LeaseType.NA;
        }
        String text = node.asText().toUpperCase(java.util.Locale.ROOT);
        if (text.startsWith("IA_")) {
            text = text.substring(3);
        }
        try {
            return LeaseType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid lease type '" + node.asText() + "' (IA_NA, IA_TA or IA_PD)");
        }
    }
}
