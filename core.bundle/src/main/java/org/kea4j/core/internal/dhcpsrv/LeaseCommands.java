package org.kea4j.core.internal.dhcpsrv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandHandler;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.NoSuchLeaseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Kea's lease commands (its {@code lease_cmds} library) on the command registry, with Kea's arguments
 * and answers: get, get-all, add, update, del and wipe, for IPv4 and IPv6.
 */
@Component(property = {
    CommandHandler.COMMAND_PROPERTY + "=lease4-get", CommandHandler.COMMAND_PROPERTY + "=lease4-get-all",
    CommandHandler.COMMAND_PROPERTY + "=lease4-add", CommandHandler.COMMAND_PROPERTY + "=lease4-update",
    CommandHandler.COMMAND_PROPERTY + "=lease4-del", CommandHandler.COMMAND_PROPERTY + "=lease4-wipe",
    CommandHandler.COMMAND_PROPERTY + "=lease6-get", CommandHandler.COMMAND_PROPERTY + "=lease6-get-all",
    CommandHandler.COMMAND_PROPERTY + "=lease6-add", CommandHandler.COMMAND_PROPERTY + "=lease6-update",
    CommandHandler.COMMAND_PROPERTY + "=lease6-del", CommandHandler.COMMAND_PROPERTY + "=lease6-wipe"
})
public final class LeaseCommands implements CommandHandler {

    private static final Set<String> LEASE4_KEYS = Set.of("ip-address", "hw-address", "client-id", "subnet-id",
            "valid-lft", "expire", "fqdn-fwd", "fqdn-rev", "hostname", "state", "user-context", "force-create");
    private static final Set<String> LEASE6_KEYS = Set.of("ip-address", "duid", "iaid", "subnet-id", "type",
            "prefix-len", "preferred-lft", "valid-lft", "expire", "fqdn-fwd", "fqdn-rev", "hostname", "hw-address",
            "state", "user-context", "force-create");

    private final LeaseDatabases databases;

    @Activate
    public LeaseCommands(@Reference LeaseDatabases databases) {
        this.databases = databases;
    }

    /** A bad request: answered with result 1 and this message. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public Answer handle(String command, JsonNode arguments) {
        int universe = command.startsWith("lease4") ? 4 : 6;
        Optional<LeaseMgr> manager = databases.current(universe);
        if (manager.isEmpty()) {
            return Answer.error("no IPv" + universe + " lease database is open (no Dhcp" + universe + " server configured)");
        }
        try {
            return switch (command) {
                case "lease4-get" -> get4(manager.get(), map(arguments));
                case "lease4-get-all" -> getAll4(manager.get(), arguments);
                case "lease4-add" -> add4(manager.get(), map(arguments), false);
                case "lease4-update" -> add4(manager.get(), map(arguments), true);
                case "lease4-del" -> del4(manager.get(), map(arguments));
                case "lease4-wipe" -> wipe(manager.get(), arguments, 4);
                case "lease6-get" -> get6(manager.get(), map(arguments));
                case "lease6-get-all" -> getAll6(manager.get(), arguments);
                case "lease6-add" -> add6(manager.get(), map(arguments), false);
                case "lease6-update" -> add6(manager.get(), map(arguments), true);
                case "lease6-del" -> del6(manager.get(), map(arguments));
                case "lease6-wipe" -> wipe(manager.get(), arguments, 6);
                default -> Answer.unsupported(command);
            };
        } catch (BadRequest | IllegalArgumentException e) {
            return Answer.error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ argument helpers

    private static JsonNode map(JsonNode arguments) throws BadRequest {
        if (arguments == null || !arguments.isObject()) {
            throw new BadRequest("Parameters missing or are not a map.");
        }
        return arguments;
    }

    private static JsonNode required(JsonNode args, String key) throws BadRequest {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            throw new BadRequest("missing parameter '" + key + "'");
        }
        return v;
    }

    private static String text(JsonNode args, String key) throws BadRequest {
        JsonNode v = required(args, key);
        if (!v.isTextual()) {
            throw new BadRequest("'" + key + "' is not a string");
        }
        return v.textValue();
    }

    private static long number(JsonNode args, String key, long defaultValue) throws BadRequest {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() || v.longValue() < 0) {
            throw new BadRequest("'" + key + "' is not a non-negative integer");
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode args, String key) throws BadRequest {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadRequest("'" + key + "' is not a boolean");
        }
        return v.booleanValue();
    }

    private static void checkKeys(JsonNode args, Set<String> allowed) throws BadRequest {
        var names = args.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n) && !n.equals("comment")) {
                throw new BadRequest("unsupported parameter '" + n + "'");
            }
        }
    }

    private static Answer found(String what, List<ObjectNode> leases) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        leases.forEach(list::add);
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.set("leases", list);
        String text = leases.size() + " " + what + " lease(s) found.";
        return new Answer(leases.isEmpty() ? Answer.EMPTY : Answer.SUCCESS, text, args);
    }

    private static List<Long> subnets(JsonNode arguments) throws BadRequest {
        List<Long> ids = new ArrayList<>();
        if (arguments == null || !arguments.has("subnets")) {
            return ids;
        }
        JsonNode list = arguments.get("subnets");
        if (!list.isArray()) {
            throw new BadRequest("'subnets' parameter must be a list");
        }
        for (JsonNode id : list) {
            if (!id.isIntegralNumber()) {
                throw new BadRequest("listed subnet identifiers must be numbers");
            }
            ids.add(id.longValue());
        }
        return ids;
    }

    private long subnetId(JsonNode args, int universe, java.net.InetAddress address) throws BadRequest {
        long id = number(args, "subnet-id", 0);
        Optional<LeaseDatabases.Subnets> view = databases.subnets(universe);
        if (id == 0) {
            if (view.isEmpty() || view.get().subnetFor(address).isEmpty()) {
                throw new BadRequest("subnet-id not specified and no IPv" + universe + " subnet holds "
                        + Addresses.format(address));
            }
            return view.get().subnetFor(address).getAsLong();
        }
        if (view.isPresent() && !view.get().exists(id)) {
            throw new BadRequest("Invalid subnet-id: No IPv" + universe + " subnet with subnet-id=" + id
                    + " currently configured.");
        }
        if (view.isPresent() && !view.get().contains(id, address)) {
            throw new BadRequest("The address " + Addresses.format(address) + " does not belong to subnet " + id);
        }
        return id;
    }

    // ------------------------------------------------------------------ IPv4

    private static Inet4Address v4(JsonNode args) throws BadRequest {
        try {
            return Addresses.parseV4(text(args, "ip-address"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Failed to convert string to address '" + args.get("ip-address").asText() + "'");
        }
    }

    private Answer get4(LeaseMgr mgr, JsonNode args) throws BadRequest {
        Optional<Lease4> lease;
        if (args.has("ip-address")) {
            lease = mgr.getLease4(v4(args));
        } else {
            String type = text(args, "identifier-type");
            String id = text(args, "identifier");
            required(args, "subnet-id");
            long subnet = number(args, "subnet-id", 0);
            lease = switch (type) {
                case "hw-address" -> mgr.getLease4(HWAddr.parse(id), subnet);
                case "client-id" -> mgr.getLease4(ClientId.parse(id), subnet);
                default -> throw new BadRequest("Incorrect identifier type: " + type + ", the only supported values are: "
                        + "address, hw-address, client-id");
            };
        }
        return lease.map(l -> Answer.success("IPv4 lease found.", LeaseJson.of(l)))
                .orElse(Answer.empty("Lease not found."));
    }

    private Answer getAll4(LeaseMgr mgr, JsonNode arguments) throws BadRequest {
        List<Long> ids = subnets(arguments);
        List<ObjectNode> out = new ArrayList<>();
        if (ids.isEmpty()) {
            mgr.getLeases4().forEach(l -> out.add(LeaseJson.of(l)));
        } else {
            for (long id : ids) {
                mgr.getLeases4(id).forEach(l -> out.add(LeaseJson.of(l)));
            }
        }
        return found("IPv4", out);
    }

    private Answer add4(LeaseMgr mgr, JsonNode args, boolean update) throws BadRequest {
        checkKeys(args, LEASE4_KEYS);
        Inet4Address address = v4(args);
        long subnet = subnetId(args, 4, address);
        long valid = number(args, "valid-lft", databases.subnets(4).map(s -> s.validLifetime(subnet)).orElse(7200L));
        long now = System.currentTimeMillis() / 1000;
        long cltt = args.has("expire") ? number(args, "expire", 0) - valid : now;
        Lease4.Builder b = Lease4.builder(address).subnetId(subnet).validLifetime(valid).cltt(cltt)
                .fqdn(bool(args, "fqdn-fwd"), bool(args, "fqdn-rev"))
                .state((int) number(args, "state", Lease4.STATE_DEFAULT));
        if (args.has("hw-address")) {
            b.hwaddr(HWAddr.parse(text(args, "hw-address")));
        } else if (number(args, "state", 0) != Lease4.STATE_DECLINED) {
            throw new BadRequest("missing parameter 'hw-address'");
        }
        if (args.has("client-id")) {
            b.clientId(ClientId.parse(text(args, "client-id")));
        }
        if (args.has("hostname")) {
            b.hostname(text(args, "hostname"));
        }
        if (args.has("user-context")) {
            if (!args.get("user-context").isObject()) {
                throw new BadRequest("'user-context' must be a map");
            }
            b.userContext(args.get("user-context").toString());
        }
        Lease4 lease = b.build();
        if (!update) {
            return mgr.addLease(lease)
                    ? Answer.success("Lease for address " + address.getHostAddress() + ", subnet-id " + subnet + " added.")
                    : Answer.error("IPv4 lease already exists.");
        }
        try {
            mgr.updateLease4(lease);
        } catch (NoSuchLeaseException e) {
            if (!bool(args, "force-create")) {
                return Answer.empty(e.getMessage());
            }
            mgr.addLease(lease);
        }
        return Answer.success("IPv4 lease updated.");
    }

    private Answer del4(LeaseMgr mgr, JsonNode args) throws BadRequest {
        Inet4Address address;
        if (args.has("ip-address")) {
            address = v4(args);
        } else {
            Answer found = get4(mgr, args);
            if (found.result() != Answer.SUCCESS) {
                return Answer.empty("IPv4 lease not found.");
            }
            address = Addresses.parseV4(found.arguments().get("ip-address").textValue());
        }
        return mgr.deleteLease4(address) ? Answer.success("IPv4 lease deleted.") : Answer.empty("IPv4 lease not found.");
    }

    private Answer wipe(LeaseMgr mgr, JsonNode args, int universe) throws BadRequest {
        List<Long> ids = new ArrayList<>();
        if (args != null && args.has("subnet-id")) {
            ids.add(number(args, "subnet-id", 0));
        } else {
            if (universe == 4) {
                mgr.getLeases4().forEach(l -> addOnce(ids, l.subnetId()));
            } else {
                mgr.getLeases6().forEach(l -> addOnce(ids, l.subnetId()));
            }
        }
        long deleted = 0;
        for (long id : ids) {
            deleted += universe == 4 ? mgr.wipeLeases4(id) : mgr.wipeLeases6(id);
        }
        String text = "Deleted " + deleted + " IPv" + universe + " lease(s) from subnet(s)"
                + ids.stream().map(id -> " " + id).reduce("", String::concat);
        return new Answer(deleted > 0 ? Answer.SUCCESS : Answer.EMPTY, text, null);
    }

    private static void addOnce(List<Long> ids, long id) {
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    // ------------------------------------------------------------------ IPv6

    private static Inet6Address v6(JsonNode args) throws BadRequest {
        try {
            return Addresses.parseV6(text(args, "ip-address"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Failed to convert string to address '" + args.get("ip-address").asText() + "'");
        }
    }

    private Answer get6(LeaseMgr mgr, JsonNode args) throws BadRequest {
        LeaseType type = LeaseJson.type(args.get("type"));
        Optional<Lease6> lease;
        if (args.has("ip-address")) {
            lease = mgr.getLease6(type, v6(args));
        } else {
            String idType = text(args, "identifier-type");
            if (!idType.equals("duid")) {
                throw new BadRequest("Incorrect identifier type: " + idType + ", the only supported values are: "
                        + "address, duid");
            }
            Duid duid = Duid.parse(text(args, "identifier"));
            long iaid = number(args, "iaid", 0);
            long subnet = number(args, "subnet-id", 0);
            lease = mgr.getLeases6(type, duid, iaid, subnet).stream().findFirst();
        }
        return lease.map(l -> Answer.success("IPv6 lease found.", LeaseJson.of(l)))
                .orElse(Answer.empty("Lease not found."));
    }

    private Answer getAll6(LeaseMgr mgr, JsonNode arguments) throws BadRequest {
        List<Long> ids = subnets(arguments);
        List<ObjectNode> out = new ArrayList<>();
        if (ids.isEmpty()) {
            mgr.getLeases6().forEach(l -> out.add(LeaseJson.of(l)));
        } else {
            for (long id : ids) {
                mgr.getLeases6(id).forEach(l -> out.add(LeaseJson.of(l)));
            }
        }
        return found("IPv6", out);
    }

    private Answer add6(LeaseMgr mgr, JsonNode args, boolean update) throws BadRequest {
        checkKeys(args, LEASE6_KEYS);
        Inet6Address address = v6(args);
        LeaseType type = LeaseJson.type(args.get("type"));
        long subnet = subnetId(args, 6, address);
        Optional<LeaseDatabases.Subnets> view = databases.subnets(6);
        long valid = number(args, "valid-lft", view.map(s -> s.validLifetime(subnet)).orElse(7200L));
        long preferred = number(args, "preferred-lft", view.map(s -> s.preferredLifetime(subnet)).orElse(3600L));
        long now = System.currentTimeMillis() / 1000;
        long cltt = args.has("expire") ? number(args, "expire", 0) - valid : now;
        required(args, "iaid");
        Lease6.Builder b = Lease6.builder(type, address).subnetId(subnet).validLifetime(valid)
                .preferredLifetime(preferred).cltt(cltt).iaid(number(args, "iaid", 0))
                .duid(Duid.parse(text(args, "duid"))).fqdn(bool(args, "fqdn-fwd"), bool(args, "fqdn-rev"))
                .state((int) number(args, "state", Lease4.STATE_DEFAULT));
        if (type == LeaseType.PD) {
            required(args, "prefix-len");
            b.prefixLength((int) number(args, "prefix-len", 128));
        } else if (args.has("prefix-len") && number(args, "prefix-len", 128) != 128) {
            throw new BadRequest("prefix-len must be 128 for addresses");
        }
        if (args.has("hw-address")) {
            b.hwaddr(HWAddr.parse(text(args, "hw-address")));
        }
        if (args.has("hostname")) {
            b.hostname(text(args, "hostname"));
        }
        if (args.has("user-context")) {
            if (!args.get("user-context").isObject()) {
                throw new BadRequest("'user-context' must be a map");
            }
            b.userContext(args.get("user-context").toString());
        }
        Lease6 lease = b.build();
        if (!update) {
            return mgr.addLease(lease)
                    ? Answer.success("Lease for address " + Addresses.format(address) + ", subnet-id " + subnet + " added.")
                    : Answer.error("IPv6 lease already exists.");
        }
        try {
            mgr.updateLease6(lease);
        } catch (NoSuchLeaseException e) {
            if (!bool(args, "force-create")) {
                return Answer.empty(e.getMessage());
            }
            mgr.addLease(lease);
        }
        return Answer.success("IPv6 lease updated.");
    }

    private Answer del6(LeaseMgr mgr, JsonNode args) throws BadRequest {
        LeaseType type = LeaseJson.type(args.get("type"));
        Inet6Address address;
        if (args.has("ip-address")) {
            address = v6(args);
        } else {
            Answer found = get6(mgr, args);
            if (found.result() != Answer.SUCCESS) {
                return Answer.empty("IPv6 lease not found.");
            }
            address = Addresses.parseV6(found.arguments().get("ip-address").textValue());
        }
        return mgr.deleteLease6(type, address) ? Answer.success("IPv6 lease deleted.") : Answer.empty("IPv6 lease not found.");
    }
}
