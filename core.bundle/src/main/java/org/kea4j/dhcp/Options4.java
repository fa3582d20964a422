package org.kea4j.dhcp;

import org.osgi.annotation.versioning.ProviderType;

/** DHCPv4 option codes the servers use by number, and the length rules received options must follow. */
@ProviderType
public final class Options4 {

    public static final int PAD = 0;
    public static final int SUBNET_MASK = 1;
    public static final int ROUTERS = 3;
    public static final int DOMAIN_NAME_SERVERS = 6;
    public static final int HOST_NAME = 12;
    public static final int DOMAIN_NAME = 15;
    public static final int BROADCAST_ADDRESS = 28;
    public static final int VENDOR_ENCAPSULATED_OPTIONS = 43;
    public static final int REQUESTED_ADDRESS = 50;
    public static final int LEASE_TIME = 51;
    public static final int OPTION_OVERLOAD = 52;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_IDENTIFIER = 54;
    public static final int PARAMETER_REQUEST_LIST = 55;
    public static final int MESSAGE = 56;
    public static final int MAX_MESSAGE_SIZE = 57;
    public static final int RENEWAL_TIME = 58;
    public static final int REBINDING_TIME = 59;
    public static final int VENDOR_CLASS_IDENTIFIER = 60;
    public static final int CLIENT_ID = 61;
    public static final int CLIENT_FQDN = 81;
    public static final int RELAY_AGENT_INFO = 82;
    public static final int SUBNET_SELECTION = 118;
    public static final int VIVSO_SUBOPTIONS = 125;
    public static final int END = 255;

    /** Relay agent information sub-options (RFC 3046, 3527). */
    public static final int RAI_CIRCUIT_ID = 1;
    public static final int RAI_REMOTE_ID = 2;
    public static final int RAI_LINK_SELECTION = 5;

    private static final int[] SIZE = new int[256];
    private static final boolean[] ARRAY = new boolean[256];
    private static final boolean[] NON_EMPTY = new boolean[256];

    static {
        java.util.Arrays.fill(SIZE, -1);
        for (OptionDefinition d : OptionDefinitions.standard4().all()) {
            if (!d.space().equals(OptionDefinitions.DHCP4)) {
                continue;
            }
            int code = d.code();
            OptionDataType t = d.type();
            if (t == OptionDataType.STRING) {
                NON_EMPTY[code] = true;
            } else if (t != OptionDataType.RECORD && t.size() > 0) {
                SIZE[code] = t.size();
                ARRAY[code] = d.array();
            }
        }
        // vivso-suboptions is defined as a uint32 (the enterprise number) but carries that enterprise's
        // sub-options after it, possibly several enterprises' blocks (RFC 3925): only its head is checked
        SIZE[VIVSO_SUBOPTIONS] = -1;
    }

    private Options4() {
    }

    /**
     * Checks a received option's payload against its standard definition.
     *
     * @return null when it fits, otherwise the reason
     */
    public static String check(int code, byte[] payload) {
        int size = SIZE[code];
        int len = payload.length;
        if (size > 0) {
            if (ARRAY[code] ? len == 0 || len % size != 0 : len != size) {
                return "option " + code + " has length " + len + ", expected " + (ARRAY[code] ? "a multiple of " : "")
                        + size;
            }
        } else if (NON_EMPTY[code] && len == 0) {
            return "option " + code + " must not be empty";
        }
        if (code == VIVSO_SUBOPTIONS && len < 4) {
            return "option 125 has length " + len + ", expected at least 4";
        }
        if (code == CLIENT_ID && len < ClientId.MIN_LENGTH) {
            return "client identifier (option 61) shorter than " + ClientId.MIN_LENGTH + " bytes";
        }
        if (code == CLIENT_ID && len > ClientId.MAX_LENGTH) {
            // several instances concatenated (RFC 3396) can exceed what a client identifier may be
            return "client identifier (option 61) longer than " + ClientId.MAX_LENGTH + " bytes";
        }
        if (code == RELAY_AGENT_INFO) {
            try {
                Option.wrap(code, payload).subOptions4();
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }
}
