package org.kea4j.ddns.server;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kea4j.dhcpsrv.DdnsParameters;

/**
 * The server's rules for client names (RFC 4702 / 4704 as Kea applies them): the answer's FQDN flags, names
 * qualified with the suffix, names generated from the address, and characters replaced.
 */
final class ClientNames {

    private ClientNames() {
    }

    /**
     * The server's flags for a client's: S = whether the server does the forward update, N = no update at all,
     * O = the server's S differs from the client's; E is copied (v4).
     *
     * @param updates whether updates are enabled for the client's subnet
     */
    static int answerFlags(int clientFlags, boolean updates, DdnsParameters p) {
        boolean clientS = (clientFlags & ClientFqdn.S) != 0;
        boolean clientN = (clientFlags & ClientFqdn.N) != 0;
        boolean s;
        boolean n;
        if (clientN) {
            s = updates && p.overrideNoUpdate();
            n = !s;
        } else if (clientS) {
            s = updates;
            n = !s;
        } else {
            s = updates && p.overrideClientUpdate(); // the client does the forward update itself
            n = !updates;
        }
        int flags = (clientFlags & ClientFqdn.E) | (s ? ClientFqdn.S : 0) | (n ? ClientFqdn.N : 0);
        return s != clientS ? flags | ClientFqdn.O : flags;
    }

    /** {@code name.suffix}, with or without the trailing dot; the name alone when the suffix is empty. */
    static String qualify(String name, String suffix, boolean trailingDot) {
        String s = suffix.endsWith(".") ? suffix.substring(0, suffix.length() - 1) : suffix;
        String qualified = s.isEmpty() ? name : name + "." + s;
        return (trailingDot ? qualified + "." : qualified).toLowerCase(Locale.ROOT);
    }

    /** {@code prefix-192-0-2-10.suffix} (colons of IPv6 addresses become hyphens too). */
    static String generate(String prefix, InetAddress address, String suffix, boolean trailingDot) {
        String text = org.kea4j.dhcpsrv.Addresses.format(address);
        return qualify(prefix + "-" + text.replace('.', '-').replace(':', '-'), suffix, trailingDot);
    }

    /** Replaces, label by label, the characters {@code hostname-char-set} matches (nothing when it is empty). */
    static String sanitize(String name, DdnsParameters p) {
        if (p.hostnameCharSet().isEmpty() || name.isEmpty()) {
            return name;
        }
        Pattern bad = Pattern.compile(p.hostnameCharSet());
        String[] labels = name.split("\\.", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(bad.matcher(labels[i]).replaceAll(java.util.regex.Matcher.quoteReplacement(
                    p.hostnameCharReplacement())));
        }
        return out.toString();
    }

    /**
     * The decision for a client that sent the Client FQDN option (v4 or v6): the answer's flags, and the name — the
     * reserved hostname (qualified), else the client's (sanitized, a partial one qualified) unless
     * {@code ddns-replace-client-name} says to replace it, else one generated from the address.
     *
     * @param reserved the hostname of the client's host reservation, or null
     */
    static NameDecision fqdnDecision(ClientFqdn fqdn, DdnsParameters p, InetAddress address, String reserved) {
        int flags = answerFlags(fqdn.flags(), p.sendUpdates(), p);
        String name = "";
        DdnsParameters.ReplaceClientName replace = p.replaceClientName();
        if (reserved != null && !reserved.isBlank()) {
            name = qualify(reserved.toLowerCase(Locale.ROOT), p.qualifyingSuffix(), true);
        } else if (replace != DdnsParameters.ReplaceClientName.ALWAYS
                && replace != DdnsParameters.ReplaceClientName.WHEN_PRESENT && !fqdn.name().isEmpty()) {
            name = sanitize(fqdn.name(), p);
            name = fqdn.partial() ? qualify(name, p.qualifyingSuffix(), true) : name + ".";
        }
        if (name.isEmpty() || name.equals(".")) {
            name = generate(p.generatedPrefix(), address, p.qualifyingSuffix(), true);
        }
        return new NameDecision(true, flags, name, (flags & ClientFqdn.S) != 0, (flags & ClientFqdn.N) == 0);
    }
}
