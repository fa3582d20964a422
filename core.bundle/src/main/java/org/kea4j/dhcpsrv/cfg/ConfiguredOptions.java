package org.kea4j.dhcpsrv.cfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.OptionDataType;
import org.kea4j.dhcp.OptionDefinition;
import org.kea4j.dhcp.OptionDefinitions;

/**
 * The options of one configuration scope (global, subnet, pool, class, reservation), converted from
 * {@code option-data} to wire payloads when the configuration is parsed. Immutable.
 */
public final class ConfiguredOptions {

    /** No options. */
    public static final ConfiguredOptions EMPTY = new ConfiguredOptions(Map.of(), Set.of());

    private final Map<Integer, Option> options;
    private final Set<Integer> alwaysSend;

    private ConfiguredOptions(Map<Integer, Option> options, Set<Integer> alwaysSend) {
        this.options = options;
        this.alwaysSend = alwaysSend;
    }

    /** The option of a code, or null. */
    public Option get(int code) {
        return options.get(code);
    }

    /** Whether the option of a code is sent even when the client did not ask for it. */
    public boolean alwaysSend(int code) {
        return alwaysSend.contains(code);
    }

    /** The options in configuration order. */
    public List<Option> all() {
        return List.copyOf(options.values());
    }

    /** The codes marked {@code always-send}. */
    public Set<Integer> alwaysSendCodes() {
        return alwaysSend;
    }

    public boolean isEmpty() {
        return options.isEmpty();
    }

    /**
     * Converts DHCPv4 {@code option-data} entries. Entries of other spaces become sub-options of the
     * top-level option that encapsulates their space (created empty when not configured);
     * {@code vendor-<enterprise>} spaces go into option 125.
     *
     * @throws ConfigException naming the entry when a name, code or value does not fit a definition
     */
    public static ConfiguredOptions resolve4(List<OptionDataConfig> entries, OptionDefinitions definitions)
            throws ConfigException {
        return resolve(entries, definitions, false);
    }

    /**
     * Converts DHCPv6 {@code option-data} entries, as {@link #resolve4} does; {@code vendor-<enterprise>}
     * spaces go into option 17 (vendor-opts).
     */
    public static ConfiguredOptions resolve6(List<OptionDataConfig> entries, OptionDefinitions definitions)
            throws ConfigException {
        return resolve(entries, definitions, true);
    }

    /**
     * The options of a reservation: those resolved with the configuration ({@code configured}), else — a
     * reservation read from a hosts database at look-up — its entries resolved now. An entry that does not fit
     * its definition leaves the reservation's options out, and {@code failed} is told why.
     */
    public static ConfiguredOptions ofReservation(ConfiguredOptions configured, List<OptionDataConfig> entries,
            OptionDefinitions definitions, boolean v6, java.util.function.Consumer<String> failed) {
        if (configured != null || entries.isEmpty()) {
            return configured != null ? configured : EMPTY;
        }
        try {
            return resolve(entries, definitions, v6);
        } catch (ConfigException e) {
            failed.accept(e.getMessage());
            return EMPTY;
        }
    }

    private static ConfiguredOptions resolve(List<OptionDataConfig> entries, OptionDefinitions definitions, boolean v6)
            throws ConfigException {
        String topSpace = v6 ? OptionDefinitions.DHCP6 : OptionDefinitions.DHCP4;
        if (entries.isEmpty()) {
            return EMPTY;
        }
        Map<Integer, Option> top = new LinkedHashMap<>();
        Set<Integer> always = new HashSet<>();
        Map<String, List<Option>> bySpace = new LinkedHashMap<>();
        for (OptionDataConfig entry : entries) {
            Option option = convert(entry, definitions, v6);
            if (entry.space().equals(topSpace)) {
                if (top.containsKey(option.code())) {
                    throw entry.error("option " + option.code() + " is configured twice in the same scope");
                }
                top.put(option.code(), option);
                if (entry.alwaysSend()) {
                    always.add(option.code());
                }
            } else {
                bySpace.computeIfAbsent(entry.space(), s -> new ArrayList<>()).add(option);
            }
        }
        // innermost spaces first: an option of a space (s46-rule) may itself carry another (s46-rule-options)
        while (!bySpace.isEmpty()) {
            String space = deepest(bySpace.keySet(), definitions, topSpace);
            List<Option> subOptions = bySpace.remove(space);
            OptionDefinition carrier = carrierOf(space, definitions, bySpace.keySet());
            if (carrier != null && !carrier.space().equals(topSpace) && !space.startsWith("vendor-")) {
                byte[] packed = v6 ? org.kea4j.dhcp.Options6.pack(subOptions) : Option.packSubOptions4(subOptions);
                List<Option> outer = bySpace.computeIfAbsent(carrier.space(), k -> new ArrayList<>());
                Option own = outer.stream().filter(o -> o.code() == carrier.code()).findFirst().orElse(null);
                byte[] ownData = own == null ? new byte[0] : own.data();
                byte[] data = java.util.Arrays.copyOf(ownData, ownData.length + packed.length);
                System.arraycopy(packed, 0, data, ownData.length, packed.length);
                if (own != null) {
                    outer.set(outer.indexOf(own), new Option(carrier.code(), data));
                } else {
                    outer.add(new Option(carrier.code(), data));
                }
                continue;
            }
            encapsulate(space, subOptions, top, definitions, entries, v6);
        }
        return new ConfiguredOptions(Collections.unmodifiableMap(top), Set.copyOf(always));
    }

    private static void encapsulate(String space, List<Option> subOptions, Map<Integer, Option> top,
            OptionDefinitions definitions, List<OptionDataConfig> entries, boolean v6) throws ConfigException {
        byte[] packed = v6 ? org.kea4j.dhcp.Options6.pack(subOptions) : Option.packSubOptions4(subOptions);
        if (space.startsWith("vendor-") && v6) {
            long enterprise;
            try {
                enterprise = Long.parseLong(space.substring("vendor-".length()));
            } catch (NumberFormatException e) {
                throw firstOf(space, entries).error("invalid vendor option space '" + space + "'");
            }
            Option existing = top.get(org.kea4j.dhcp.Options6.VENDOR_OPTS);
            byte[] head = existing == null ? new byte[0] : existing.data();
            if (head.length < 4) {
                head = new byte[] {(byte) (enterprise >> 24), (byte) (enterprise >> 16), (byte) (enterprise >> 8),
                    (byte) enterprise};
            }
            byte[] data = new byte[head.length + packed.length];
            System.arraycopy(head, 0, data, 0, head.length);
            System.arraycopy(packed, 0, data, head.length, packed.length);
            top.put(org.kea4j.dhcp.Options6.VENDOR_OPTS, new Option(org.kea4j.dhcp.Options6.VENDOR_OPTS, data));
            return;
        }
        if (space.startsWith("vendor-")) {
            long enterprise;
            try {
                enterprise = Long.parseLong(space.substring("vendor-".length()));
            } catch (NumberFormatException e) {
                throw firstOf(space, entries).error("invalid vendor option space '" + space + "'");
            }
            Option existing = top.get(125);
            // a configured vivso-suboptions holding only the enterprise number is the head of this block
            byte[] previous = existing == null || existing.length() == 4 ? new byte[0] : existing.data();
            byte[] block = new byte[previous.length + 5 + packed.length];
            System.arraycopy(previous, 0, block, 0, previous.length);
            int i = previous.length;
            block[i] = (byte) (enterprise >> 24);
            block[i + 1] = (byte) (enterprise >> 16);
            block[i + 2] = (byte) (enterprise >> 8);
            block[i + 3] = (byte) enterprise;
            block[i + 4] = (byte) packed.length;
            System.arraycopy(packed, 0, block, i + 5, packed.length);
            top.put(125, new Option(125, block));
            return;
        }
        OptionDefinition carrier = null;
        for (OptionDefinition d : definitions.all()) {
            if (d.space().equals(v6 ? OptionDefinitions.DHCP6 : OptionDefinitions.DHCP4) && d.encapsulate().equals(space)) {
                carrier = d;
                break;
            }
        }
        if (carrier == null) {
            // as Kea: options of a space that no option carries are accepted, and never sent
            return;
        }
        Option own = top.get(carrier.code());
        byte[] ownData = own == null ? new byte[0] : own.data();
        byte[] data = new byte[ownData.length + packed.length];
        System.arraycopy(ownData, 0, data, 0, ownData.length);
        System.arraycopy(packed, 0, data, ownData.length, packed.length);
        top.put(carrier.code(), new Option(carrier.code(), data));
    }

    /** The definition (in any space) whose option carries the options of {@code space}, or null. */
    private static OptionDefinition carrierOf(String space, OptionDefinitions definitions) {
        return carrierOf(space, definitions, java.util.Set.of());
    }

    /**
     * As {@link #carrierOf(String, OptionDefinitions)}; when several spaces define a carrier (s46-rule is in
     * both MAP-E and MAP-T containers), the one in a space configured in this scope.
     */
    private static OptionDefinition carrierOf(String space, OptionDefinitions definitions,
            java.util.Collection<String> configuredSpaces) {
        OptionDefinition first = null;
        for (OptionDefinition d : definitions.all()) {
            if (d.encapsulate().equals(space)) {
                if (configuredSpaces.contains(d.space())) {
                    return d;
                }
                first = first == null ? d : first;
            }
        }
        return first;
    }

    /** The space of the set that is furthest from the top-level space through its carriers. */
    private static String deepest(java.util.Collection<String> spaces, OptionDefinitions definitions,
            String topSpace) {
        String best = null;
        int bestDepth = -1;
        for (String space : spaces) {
            int depth = 0;
            String at = space;
            for (OptionDefinition c = carrierOf(at, definitions); c != null && !c.space().equals(topSpace)
                    && depth < 8; c = carrierOf(at, definitions)) {
                at = c.space();
                depth++;
            }
            if (depth > bestDepth) {
                best = space;
                bestDepth = depth;
            }
        }
        return best;
    }

    private static OptionDataConfig firstOf(String space, List<OptionDataConfig> entries) {
        for (OptionDataConfig e : entries) {
            if (e.space().equals(space)) {
                return e;
            }
        }
        return entries.get(0);
    }

    /** Converts one entry to an option of its space. */
    static Option convert(OptionDataConfig entry, OptionDefinitions definitions, boolean v6) throws ConfigException {
        OptionDefinition def = null;
        if (entry.name() != null) {
            def = definitions.find(entry.space(), entry.name());
            if (def == null) {
                if (entry.code() < 0) {
                    throw entry.error("unknown option '" + entry.name() + "' in space '" + entry.space()
                            + "': it needs an option-def or a code");
                }
            } else if (entry.code() >= 0 && def.code() != entry.code()) {
                throw entry.error("option '" + entry.name() + "' has code " + def.code() + ", not " + entry.code());
            }
        }
        if (def == null) {
            def = definitions.find(entry.space(), entry.code());
        }
        int code = def != null ? def.code() : entry.code();
        if (code == 0 || (!v6 && code == 255)) {
            throw entry.error("option code " + code + " is reserved (pad / end)");
        }
        byte[] payload;
        try {
            if (!entry.csvFormat()) {
                payload = OptionDefinition.parseHex(entry.data());
            } else if (def == null) {
                if (!entry.data().isEmpty()) {
                    throw new IllegalArgumentException("option " + code + " in space '" + entry.space()
                            + "' has no definition, so its data must be hex with \"csv-format\": false");
                }
                payload = new byte[0];
            } else if (def.type() == OptionDataType.EMPTY && !def.encapsulate().isEmpty() && entry.data().isEmpty()) {
                payload = new byte[0];
            } else {
                payload = def.encodeCsv(entry.data(), v6);
            }
        } catch (IllegalArgumentException e) {
            throw entry.error("option data '" + entry.data() + "' for "
                    + (def != null ? def.name() : "option " + code) + ": " + e.getMessage());
        }
        if (!v6 && payload.length > 255 && !entry.space().equals(OptionDefinitions.DHCP4)) {
            throw entry.error("sub-option " + code + " is longer than 255 bytes");
        }
        return new Option(code, payload);
    }
}
