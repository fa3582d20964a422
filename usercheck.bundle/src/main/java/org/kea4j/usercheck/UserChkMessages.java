package org.kea4j.usercheck;

import static org.kea4j.log.MessageDef.error;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the user_chk hooks library (Kea's USER_CHK). */
public enum UserChkMessages implements MessageId {
    USER_CHK_HOOK_LOAD_ERROR(error("DHCP UserCheckHook could not be loaded: %1")),
    USER_CHK_HOOK_UNLOAD_ERROR(error("DHCP UserCheckHook an error occurred unloading the library: %1")),
    USER_CHK_SUBNET4_SELECT_ERROR(error("DHCP UserCheckHook an unexpected error occurred in subnet4_select callout: %1")),
    USER_CHK_SUBNET4_SELECT_REGISTRY_NULL(error("DHCP UserCheckHook UserRegistry has not been created.")),
    USER_CHK_SUBNET6_SELECT_ERROR(error("DHCP UserCheckHook an unexpected error occurred in subnet6_select callout: %1")),
    USER_CHK_SUBNET6_SELECT_REGISTRY_NULL(error("DHCP UserCheckHook UserRegistry has not been created."));

    private final MessageDef def;

    UserChkMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
