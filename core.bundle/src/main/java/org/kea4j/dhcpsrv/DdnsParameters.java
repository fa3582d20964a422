package org.kea4j.dhcpsrv;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The DDNS behaviour of a subnet: Kea 2.x's {@code ddns-*} and {@code hostname-char-*} keys as the subnet gets
 * them (its own, else its shared network's, else the global ones; Kea 0.9's names inside {@code dhcp-ddns} give
 * the global defaults).
 *
 * @param sendUpdates             {@code ddns-send-updates}: whether updates are made for the subnet's clients
 * @param overrideNoUpdate        {@code ddns-override-no-update}: update even when the client asks for none (N=1)
 * @param overrideClientUpdate    {@code ddns-override-client-update}: do the forward update even when the client
 *                                wants to do it (S=0)
 * @param replaceClientName       {@code ddns-replace-client-name}
 * @param generatedPrefix         {@code ddns-generated-prefix}: the first label of generated names
 * @param qualifyingSuffix        {@code ddns-qualifying-suffix}: appended to partial and generated names
 * @param updateOnRenew           {@code ddns-update-on-renew}: send updates on every renewal, not only on change
 * @param useConflictResolution   {@code ddns-use-conflict-resolution}: RFC 4703 conflict resolution in D2
 * @param hostnameCharSet         {@code hostname-char-set}: a regular expression of the characters to replace in
 *                                client names (empty: none)
 * @param hostnameCharReplacement {@code hostname-char-replacement}: what replaces each of them
 * @since 2.2
 */
@ProviderType
public record DdnsParameters(boolean sendUpdates, boolean overrideNoUpdate, boolean overrideClientUpdate,
        ReplaceClientName replaceClientName, String generatedPrefix, String qualifyingSuffix, boolean updateOnRenew,
        boolean useConflictResolution, String hostnameCharSet, String hostnameCharReplacement) {

    /** {@code ddns-replace-client-name}: when the server puts its own name in place of the client's. */
    public enum ReplaceClientName {
        /** Use the client's name (Kea 0.9's {@code false}). */
        NEVER("never"),
        /** Always generate a name, and answer with one even to a client that sent none. */
        ALWAYS("always"),
        /** Generate a name when the client sent one (Kea 0.9's {@code true}). */
        WHEN_PRESENT("when-present"),
        /** Generate a name for a client that sent none; keep the client's. */
        WHEN_NOT_PRESENT("when-not-present");

        private final String keyword;

        ReplaceClientName(String keyword) {
            this.keyword = keyword;
        }

        /** The configuration keyword. */
        public String keyword() {
            return keyword;
        }

        /**
         * The mode of a configuration keyword.
         *
         * @throws IllegalArgumentException for any other text
         */
        public static ReplaceClientName of(String keyword) {
            for (ReplaceClientName mode : values()) {
                if (mode.keyword.equals(keyword)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("ddns-replace-client-name must be never, always, when-present or"
                    + " when-not-present, not '" + keyword + "'");
        }
    }

    /** Kea 2.2's defaults. */
    public static final DdnsParameters DEFAULTS = new DdnsParameters(true, false, false, ReplaceClientName.NEVER,
            "myhost", "", false, true, "", "");

    public DdnsParameters {
        Objects.requireNonNull(replaceClientName, "replaceClientName");
        Objects.requireNonNull(generatedPrefix, "generatedPrefix");
        Objects.requireNonNull(qualifyingSuffix, "qualifyingSuffix");
        Objects.requireNonNull(hostnameCharSet, "hostnameCharSet");
        Objects.requireNonNull(hostnameCharReplacement, "hostnameCharReplacement");
    }
}
