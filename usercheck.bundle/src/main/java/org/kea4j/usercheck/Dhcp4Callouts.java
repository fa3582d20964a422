package org.kea4j.usercheck;

import static org.kea4j.usercheck.UserChkMessages.USER_CHK_SUBNET4_SELECT_ERROR;

import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;

/**
 * The DHCPv4 callouts of user_chk: look the client up when its packet arrives, move an unregistered client to
 * the restricted subnet, record the outcome and hand the user's boot attributes to the client.
 */
final class Dhcp4Callouts {

    /** DHCPv4 option 66, tftp-server-name, and 67, boot-file-name. */
    static final int TFTP_SERVER_NAME = 66;
    static final int BOOT_FILE_NAME = 67;

    private final UserRegistry registry;
    private final OutcomeFile outcomes;

    Dhcp4Callouts(UserRegistry registry, OutcomeFile outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
    }

    /** {@code pkt4_receive}: who the client is, for the hook points of the same packet. */
    int pkt4Receive(CalloutHandle handle) {
        lookUp(handle);
        return 0;
    }

    /** {@code subnet4_select}: an unregistered client gets the restricted subnet, the one with the highest id. */
    int subnet4Select(CalloutHandle handle) {
        return PacketUser.restrictUnregistered(handle, Dhcp4Hooks.SUBNET4COLLECTION, Dhcp4Hooks.SUBNET4, this::lookUp,
                USER_CHK_SUBNET4_SELECT_ERROR);
    }

    /**
     * {@code pkt4_send}: a record in the outcome file for each reply but a NAK, and the boot attributes of the
     * user (or of the default user, for an unregistered client) as options 67 and 66.
     */
    int pkt4Send(CalloutHandle handle) {
        Pkt4 response = handle.get(Dhcp4Hooks.RESPONSE4);
        if (response.getType() == Pkt4.DHCPNAK || handle.getStatus() == NextStep.DROP) {
            return 0;
        }
        Pkt4 query = handle.get(Dhcp4Hooks.QUERY4);
        User user = PacketUser.registered(handle, this::lookUp);
        HWAddr client = new HWAddr(query.htype(), query.hwaddrBytes(), HWAddr.SOURCE_RAW);
        outcomes.record(User.Type.HW_ADDR, "hwtype=" + client.type() + " " + client, response.yiaddr().getHostAddress(),
                user != null);
        User attributes = user != null ? user : registry.defaultUser(User.Type.HW_ADDR);
        if (attributes != null) {
            String bootfile = attributes.attributes().get("bootfile");
            if (bootfile != null) {
                replace(response, Option.text(BOOT_FILE_NAME, bootfile));
                response.setFile(bootfile);
            }
            String tftp = attributes.attributes().get("tftp_server");
            if (tftp != null) {
                replace(response, Option.text(TFTP_SERVER_NAME, tftp));
            }
        }
        return 0;
    }

    private static void replace(Pkt4 packet, Option option) {
        packet.delOption(option.code());
        packet.addOption(option);
    }

    /** Looks the client up by its hardware address and keeps the answer in the packet's context. */
    private void lookUp(CalloutHandle handle) {
        Pkt4 query = handle.get(Dhcp4Hooks.QUERY4);
        byte[] hwaddr = query.hwaddrBytes();
        handle.setContext(PacketUser.QUERY_USER_ID, new HWAddr(query.htype(), hwaddr, HWAddr.SOURCE_RAW));
        handle.setContext(PacketUser.REGISTERED_USER, registry.find(User.Type.HW_ADDR, hwaddr));
    }
}
