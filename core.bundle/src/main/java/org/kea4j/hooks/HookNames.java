package org.kea4j.hooks;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The names of Kea's hook points, as strings. The declarations in {@link Dhcp4Hooks}, {@link Dhcp6Hooks} and
 * {@link ServerHooks} carry the same names with their arguments.
 */
@ProviderType
public final class HookNames {

    private HookNames() {
    }

    /** Called when a packet's callout handle is created; no arguments. */
    public static final String CONTEXT_CREATE = "context_create";
    /** Called when a packet's callout handle is destroyed; no arguments. */
    public static final String CONTEXT_DESTROY = "context_destroy";

    public static final String BUFFER4_RECEIVE = "buffer4_receive";
    public static final String PKT4_RECEIVE = "pkt4_receive";
    public static final String SUBNET4_SELECT = "subnet4_select";
    public static final String LEASE4_SELECT = "lease4_select";
    public static final String LEASE4_RENEW = "lease4_renew";
    public static final String LEASE4_RELEASE = "lease4_release";
    public static final String LEASE4_DECLINE = "lease4_decline";
    public static final String LEASE4_EXPIRE = "lease4_expire";
    public static final String LEASE4_RECOVER = "lease4_recover";
    public static final String PKT4_SEND = "pkt4_send";
    public static final String BUFFER4_SEND = "buffer4_send";

    public static final String BUFFER6_RECEIVE = "buffer6_receive";
    public static final String PKT6_RECEIVE = "pkt6_receive";
    public static final String SUBNET6_SELECT = "subnet6_select";
    public static final String LEASE6_SELECT = "lease6_select";
    public static final String LEASE6_RENEW = "lease6_renew";
    public static final String LEASE6_REBIND = "lease6_rebind";
    public static final String LEASE6_RELEASE = "lease6_release";
    public static final String LEASE6_DECLINE = "lease6_decline";
    public static final String LEASE6_EXPIRE = "lease6_expire";
    public static final String LEASE6_RECOVER = "lease6_recover";
    public static final String PKT6_SEND = "pkt6_send";
    public static final String BUFFER6_SEND = "buffer6_send";

    /** Called after a control command was processed (Kea 2.x). */
    public static final String COMMAND_PROCESSED = "command_processed";
}
