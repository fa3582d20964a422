package org.kea4j.dhcpsrv.cfg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToLongFunction;
import org.kea4j.config.ConfigSection;
import org.kea4j.dhcp.OptionDefinition;
import org.kea4j.dhcp.OptionDefinitions;

/**
 * A running {@code Dhcp4} or {@code Dhcp6} element as Kea 2.2's {@code config-get} prints it: what was given,
 * plus the global defaults, plus what Kea prints in each scope (measured against Kea 2.2's own output): subnet
 * ids; the lifetimes, timers and T1/T2 settings a shared network or subnet inherits; empty {@code option-data},
 * {@code pools}, {@code relay} and {@code reservations}; each option's code, name, space, {@code always-send} and
 * {@code csv-format}; the defaults of option definitions, client classes, reservations and the server DUID.
 */
public final class KeaConfigOutput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Settings a shared network or subnet prints from the scope above when it does not set them. */
    private static final List<String> INHERITED = List.of("valid-lifetime", "renew-timer", "rebind-timer",
            "calculate-tee-times", "t1-percent", "t2-percent", "store-extended-info", "cache-threshold",
            "cache-max-age");

    private final int universe;
    private final OptionDefinitions definitions;
    private final ToLongFunction<String> subnetId;

    private KeaConfigOutput(int universe, OptionDefinitions definitions, ToLongFunction<String> subnetId) {
        this.universe = universe;
        this.definitions = definitions;
        this.subnetId = subnetId;
    }

    /**
     * The element as Kea prints it.
     *
     * @param given          the server element as configured
     * @param globalDefaults Kea's global defaults of the universe ({@link ConfigSection#defaults()})
     * @param universe       4 or 6
     * @param optionDefs     its {@code option-def} entries as parsed (options are named with them)
     * @param subnets        the running subnets (their ids are printed)
     */
    public static ObjectNode print(ObjectNode given, JsonNode globalDefaults, int universe,
            List<OptionDefConfig> optionDefs, List<? extends org.kea4j.dhcpsrv.Subnet> subnets) {
        OptionDefinitions standard = universe == 4 ? OptionDefinitions.standard4() : OptionDefinitions.standard6();
        OptionDefinitions definitions;
        try {
            definitions = OptionDefConfig.extend(standard, optionDefs, "option-def");
        } catch (org.kea4j.config.ConfigException e) {
            definitions = standard; // cannot happen for a running configuration: it resolved them
        }
        java.util.Map<org.kea4j.dhcpsrv.Prefix, Long> ids = new java.util.HashMap<>();
        subnets.forEach(s -> ids.put(s.prefix(), s.id()));
        return new KeaConfigOutput(universe, definitions, text -> {
            try {
                return ids.getOrDefault(org.kea4j.dhcpsrv.Prefix.parse(text), 0L);
            } catch (IllegalArgumentException e) {
                return 0L;
            }
        }).server(given, globalDefaults);
    }

    private ObjectNode server(ObjectNode given, JsonNode globalDefaults) {
        ObjectNode out = ConfigSection.withDefaults(globalDefaults, given);
        options(out);
        for (JsonNode def : list(out, "option-def")) {
            optionDef((ObjectNode) def);
        }
        for (JsonNode c : list(out, "client-classes")) {
            clientClass((ObjectNode) c);
        }
        reservations(out);
        if (out.get("server-id") instanceof ObjectNode serverId) {
            defaultTo(serverId, "identifier", JSON.textNode(""));
            defaultTo(serverId, "htype", JSON.numberNode(0));
            defaultTo(serverId, "time", JSON.numberNode(0));
            defaultTo(serverId, "enterprise-id", JSON.numberNode(0));
            defaultTo(serverId, "persist", JSON.booleanNode(true));
        }
        for (JsonNode n : list(out, "shared-networks")) {
            ObjectNode network = (ObjectNode) n;
            ObjectNode networkGiven = network.deepCopy();
            defaultTo(network, "option-data", JSON.arrayNode());
            options(network);
            defaultTo(network, "relay", JSON.objectNode().set("ip-addresses", JSON.arrayNode()));
            if (universe == 6) {
                defaultTo(network, "rapid-commit", JSON.booleanNode(false));
            }
            inherit(network, out, List.of(networkGiven, given));
            for (JsonNode s : list(network, subnetKey())) {
                ObjectNode subnet = (ObjectNode) s;
                inherit(subnet, network, List.of(subnet.deepCopy(), networkGiven, given));
                subnet(subnet);
            }
        }
        for (JsonNode s : list(out, subnetKey())) {
            ObjectNode subnet = (ObjectNode) s;
            if (universe == 6) {
                defaultTo(subnet, "rapid-commit", JSON.booleanNode(false));
            }
            inherit(subnet, out, List.of(subnet.deepCopy(), given));
            subnet(subnet);
        }
        return out;
    }

    private String subnetKey() {
        return "subnet" + universe;
    }

    private void subnet(ObjectNode subnet) {
        JsonNode prefix = subnet.get("subnet");
        if (!subnet.has("id") && prefix != null && prefix.isTextual()) {
            subnet.put("id", subnetId.applyAsLong(prefix.asText()));
        }
        if (universe == 4) {
            for (String key : List.of("4o6-interface", "4o6-interface-id", "4o6-subnet")) {
                defaultTo(subnet, key, JSON.textNode(""));
            }
        }
        defaultTo(subnet, "option-data", JSON.arrayNode());
        options(subnet);
        defaultTo(subnet, "relay", JSON.objectNode().set("ip-addresses", JSON.arrayNode()));
        for (String pools : universe == 4 ? List.of("pools") : List.of("pools", "pd-pools")) {
            defaultTo(subnet, pools, JSON.arrayNode());
            for (JsonNode pool : list(subnet, pools)) {
                defaultTo((ObjectNode) pool, "option-data", JSON.arrayNode());
                options((ObjectNode) pool);
            }
        }
        defaultTo(subnet, "reservations", JSON.arrayNode());
        reservations(subnet);
    }

    /**
     * The inherited settings {@code scope} does not set, from {@code parent} (already printed); a minimum or
     * maximum lifetime from the nearest scope of {@code given} (the scope itself, then those above it, as
     * configured) that sets it, else the scope's own lifetime — as Kea prints them.
     */
    private void inherit(ObjectNode scope, ObjectNode parent, List<ObjectNode> given) {
        for (String key : universe == 6 ? concat(INHERITED, "preferred-lifetime") : INHERITED) {
            if (!scope.has(key) && parent.has(key)) {
                scope.set(key, parent.get(key).deepCopy());
            }
        }
        for (String lifetime : universe == 6 ? List.of("valid-lifetime", "preferred-lifetime")
                : List.of("valid-lifetime")) {
            for (String bound : List.of("min-", "max-")) {
                String key = bound + lifetime;
                JsonNode value = given.stream().map(g -> g.get(key)).filter(v -> v != null).findFirst()
                        .orElse(scope.get(lifetime));
                if (value != null) {
                    scope.set(key, value.deepCopy());
                }
            }
        }
    }

    private void reservations(ObjectNode scope) {
        for (JsonNode r : list(scope, "reservations")) {
            ObjectNode reservation = (ObjectNode) r;
            defaultTo(reservation, "client-classes", JSON.arrayNode());
            defaultTo(reservation, "hostname", JSON.textNode(""));
            defaultTo(reservation, "option-data", JSON.arrayNode());
            if (universe == 4) {
                defaultTo(reservation, "boot-file-name", JSON.textNode(""));
                defaultTo(reservation, "next-server", JSON.textNode("0.0.0.0"));
                defaultTo(reservation, "server-hostname", JSON.textNode(""));
            } else {
                defaultTo(reservation, "ip-addresses", JSON.arrayNode());
                defaultTo(reservation, "prefixes", JSON.arrayNode());
            }
            options(reservation);
        }
    }

    private void clientClass(ObjectNode c) {
        defaultTo(c, "option-data", JSON.arrayNode());
        if (universe == 4) {
            defaultTo(c, "boot-file-name", JSON.textNode(""));
            defaultTo(c, "next-server", JSON.textNode("0.0.0.0"));
            defaultTo(c, "server-hostname", JSON.textNode(""));
            defaultTo(c, "option-def", JSON.arrayNode());
            for (JsonNode def : list(c, "option-def")) {
                optionDef((ObjectNode) def);
            }
        }
        options(c);
    }

    private void optionDef(ObjectNode def) {
        defaultTo(def, "array", JSON.booleanNode(false));
        defaultTo(def, "encapsulate", JSON.textNode(""));
        defaultTo(def, "record-types", JSON.textNode(""));
        defaultTo(def, "space", JSON.textNode("dhcp" + universe));
    }

    /** Each option of the scope's {@code option-data} with its code, name, space and flags. */
    private void options(ObjectNode scope) {
        for (JsonNode o : list(scope, "option-data")) {
            ObjectNode option = (ObjectNode) o;
            defaultTo(option, "space", JSON.textNode("dhcp" + universe));
            defaultTo(option, "always-send", JSON.booleanNode(false));
            defaultTo(option, "csv-format", JSON.booleanNode(true));
            defaultTo(option, "data", JSON.textNode(""));
            String space = option.get("space").asText();
            if (!option.has("code") && option.path("name").isTextual()) {
                OptionDefinition def = definitions.find(space, option.get("name").asText());
                if (def != null) {
                    option.put("code", def.code());
                }
            } else if (!option.has("name") && option.path("code").canConvertToInt()) {
                OptionDefinition def = definitions.find(space, option.get("code").asInt());
                if (def != null) {
                    option.put("name", def.name());
                }
            }
        }
    }

    private static void defaultTo(ObjectNode node, String key, JsonNode value) {
        if (!node.has(key)) {
            node.set(key, value);
        }
    }

    private static Iterable<JsonNode> list(ObjectNode node, String key) {
        JsonNode list = node.get(key);
        return list instanceof ArrayNode array ? array : List.of();
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> out = new java.util.ArrayList<>(list);
        out.add(more);
        return out;
    }
}
