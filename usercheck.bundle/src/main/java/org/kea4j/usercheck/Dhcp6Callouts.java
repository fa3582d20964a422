package org.kea4j.usercheck;

import static org.kea4j.usercheck.UserChkMessages.USER_CHK_SUBNET6_SELECT_ERROR;

import java.util.ArrayList;
import java.util.List;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.NextStep;

/**
 * The DHCPv6 callouts of user_chk: the same decisions as {@link Dhcp4Callouts}, by DUID; the boot attributes go
 * into the DOCSIS sub-options of a vendor option (17) the reply already carries, as Kea's library does.
 */
final class Dhcp6Callouts {

    /** DOCSIS sub-options of the vendor option: 32 TFTP servers, 33 configuration file. */
    static final int DOCSIS_TFTP_SERVERS = 32;
    static final int DOCSIS_CONFIG_FILE = 33;

    private final UserRegistry registry;
    private final OutcomeFile outcomes;

    Dhcp6Callouts(UserRegistry registry, OutcomeFile outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
    }

    /** {@code pkt6_receive}: who the client is; a query without a client identifier is an error, as in Kea. */
    int pkt6Receive(CalloutHandle handle) {
        return lookUp(handle) ? 0 : 1;
    }

    /** {@code subnet6_select}: an unregistered client gets the restricted subnet, the one with the highest id. */
    int subnet6Select(CalloutHandle handle) {
        return PacketUser.restrictUnregistered(handle, Dhcp6Hooks.SUBNET6COLLECTION, Dhcp6Hooks.SUBNET6, this::lookUp,
                USER_CHK_SUBNET6_SELECT_ERROR);
    }

    /**
     * {@code pkt6_send}: a record for the first IA_NA address (or else IA_PD prefix) the reply grants, then the
     * user's attributes in the DOCSIS sub-options of the reply's vendor option. An IA with a status code other
     * than success is passed over without a record; a reply with neither IA is an error, as in Kea.
     */
    int pkt6Send(CalloutHandle handle) {
        if (handle.getStatus() == NextStep.DROP) {
            return 0;
        }
        Pkt6 response = handle.get(Dhcp6Hooks.RESPONSE6);
        Pkt6 query = handle.get(Dhcp6Hooks.QUERY6);
        Option ia = response.getOption(Options6.IA_NA);
        if (ia == null) {
            ia = response.getOption(Options6.IA_PD);
        }
        if (ia == null) {
            return 1;
        }
        Options6.Ia parsed = Options6.Ia.of(ia);
        for (Option status : parsed.options(Options6.STATUS_CODE)) {
            if (Options6.statusCode(status) != Options6.STATUS_SUCCESS) {
                return 0;
            }
        }
        String granted = granted(parsed);
        Duid duid = query.getClientId();
        if (granted == null || duid == null) {
            return 0;
        }
        User user = PacketUser.registered(handle, this::lookUp);
        outcomes.record(User.Type.DUID, duid.toString(), granted, user != null);
        User attributes = user != null ? user : registry.defaultUser(User.Type.DUID);
        Option vendor = response.getOption(Options6.VENDOR_OPTS);
        if (attributes != null && vendor != null && vendor.length() >= 4) {
            response.delOption(Options6.VENDOR_OPTS);
            response.addOption(withDocsis(vendor, attributes));
        }
        return 0;
    }

    /** The address of an IA_NA's first IAADDR, or {@code prefix/length} of an IA_PD's first IAPREFIX, or null. */
    private static String granted(Options6.Ia ia) {
        if (ia.code() == Options6.IA_NA) {
            List<Option> addresses = ia.options(Options6.IAADDR);
            return addresses.isEmpty() ? null : Addresses.format(Options6.IaAddr.of(addresses.get(0)).address());
        }
        List<Option> prefixes = ia.options(Options6.IAPREFIX);
        if (prefixes.isEmpty()) {
            return null;
        }
        Options6.IaPrefix p = Options6.IaPrefix.of(prefixes.get(0));
        return Addresses.format(p.prefix()) + "/" + p.length();
    }

    /** The vendor option with sub-options 33 and 32 set from the user's bootfile and tftp_server. */
    private static Option withDocsis(Option vendor, User user) {
        byte[] data = vendor.data();
        List<Option> subs;
        try {
            subs = new ArrayList<>(Options6.parse(data, 4, data.length));
        } catch (PacketParseException e) {
            return vendor;
        }
        String bootfile = user.attributes().get("bootfile");
        if (bootfile != null) {
            subs.removeIf(o -> o.code() == DOCSIS_CONFIG_FILE);
            subs.add(Option.text(DOCSIS_CONFIG_FILE, bootfile));
        }
        String tftp = user.attributes().get("tftp_server");
        if (tftp != null) {
            subs.removeIf(o -> o.code() == DOCSIS_TFTP_SERVERS);
            subs.add(Option.text(DOCSIS_TFTP_SERVERS, tftp));
        }
        byte[] packed = Options6.pack(subs);
        byte[] out = new byte[4 + packed.length];
        System.arraycopy(data, 0, out, 0, 4);
        System.arraycopy(packed, 0, out, 4, packed.length);
        return new Option(Options6.VENDOR_OPTS, out);
    }

    /** Looks the client up by its DUID and keeps the answer in the packet's context; false without a DUID. */
    private boolean lookUp(CalloutHandle handle) {
        Duid duid = handle.get(Dhcp6Hooks.QUERY6).getClientId();
        handle.setContext(PacketUser.QUERY_USER_ID, duid);
        handle.setContext(PacketUser.REGISTERED_USER, duid == null ? null : registry.find(User.Type.DUID, duid.rawBytes()));
        return duid != null;
    }
}
