package org.kea4j.usercheck;

import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/**
 * Messages of the user_chk hooks library: Kea's USER_CHK messages, and kea4j's own for what Kea's library
 * reports only on stdout (the registry read, a bad registry line, a failing outcome file).
 */
public enum UserChkMessages implements MessageId {
    USER_CHK_HOOK_LOAD_ERROR(error("DHCP UserCheckHook could not be loaded: %1")),
    USER_CHK_HOOK_UNLOAD_ERROR(error("DHCP UserCheckHook an error occurred unloading the library: %1")),
    USER_CHK_SUBNET4_SELECT_ERROR(error("DHCP UserCheckHook an unexpected error occurred in subnet4_select callout: %1")),
    USER_CHK_SUBNET4_SELECT_REGISTRY_NULL(error("DHCP UserCheckHook UserRegistry has not been created.")),
    USER_CHK_SUBNET6_SELECT_ERROR(error("DHCP UserCheckHook an unexpected error occurred in subnet6_select callout: %1")),
    USER_CHK_SUBNET6_SELECT_REGISTRY_NULL(error("DHCP UserCheckHook UserRegistry has not been created.")),
    USER_CHK_REGISTRY_LOADED(info("DHCP UserCheckHook read %1 users from the registry %2; outcomes go to %3")),
    USER_CHK_REGISTRY_REREAD(info("DHCP UserCheckHook the registry %1 changed: %2 users now")),
    USER_CHK_REGISTRY_LINE_ERROR(error("DHCP UserCheckHook the registry %1 line %2 is skipped: %3")),
    USER_CHK_REGISTRY_READ_ERROR(error("DHCP UserCheckHook cannot read the registry %1, the users read before stay: %2")),
    USER_CHK_OUTCOME_WRITE_ERROR(error("DHCP UserCheckHook cannot write to the outcome file %1: %2"));

    /** The library's logger: {@code <server>.user_chk}, for example {@code kea-dhcp4.user_chk}, as in Kea. */
    static final KeaLogger LOG = KeaLogger.forSubsystem("user_chk");

    private final MessageDef def;

    UserChkMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
