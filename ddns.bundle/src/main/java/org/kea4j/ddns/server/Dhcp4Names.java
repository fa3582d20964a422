package org.kea4j.ddns.server;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_EMPTY_HOSTNAME;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.DdnsParameters;
import org.kea4j.dhcpsrv.DdnsParameters.ReplaceClientName;
import org.kea4j.log.KeaLogger;

/** How a DHCPv4 client's name is decided: from its Client FQDN option (81), else its Host Name option (12). */
final class Dhcp4Names {

    static final int FQDN = 81;
    static final int HOST_NAME = 12;
    private static final KeaLogger LOG = KeaLogger.forSubsystem("ddns");

    private Dhcp4Names() {
    }

    /** As {@link #decide(Pkt4, DdnsParameters, InetAddress, String)} for a client without a reserved hostname. */
    static NameDecision decide(Pkt4 query, DdnsParameters p, InetAddress address) {
        return decide(query, p, address, null);
    }

    /**
     * The decision for a query and the address it is given; null when the client gets no name (it sent neither
     * option and no name is to be generated, or an empty Host Name). A hostname reserved for the client wins over
     * the client's and over generated ones (qualified with the suffix, as Kea does).
     *
     * @param reserved the hostname of the client's host reservation, or null
     * @throws IllegalArgumentException when the FQDN option is malformed
     */
    static NameDecision decide(Pkt4 query, DdnsParameters p, InetAddress address, String reserved) {
        boolean hasReserved = reserved != null && !reserved.isBlank();
        boolean updates = p.sendUpdates();
        ReplaceClientName replace = p.replaceClientName();
        Option fqdnOption = query.getOption(FQDN);
        if (fqdnOption != null) {
            return ClientNames.fqdnDecision(ClientFqdn.parse(fqdnOption.data(), true), p, address, reserved);
        }
        Option hostOption = query.getOption(HOST_NAME);
        String name;
        if (hasReserved) {
            name = ClientNames.qualify(reserved.toLowerCase(Locale.ROOT), p.qualifyingSuffix(), false);
        } else if (hostOption != null) {
            String value = new String(hostOption.data(), StandardCharsets.US_ASCII).trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                LOG.log(DHCP4_EMPTY_HOSTNAME);
                return null;
            }
            if (replace == ReplaceClientName.ALWAYS || replace == ReplaceClientName.WHEN_PRESENT
                    || value.equals(".")) {
                name = ClientNames.generate(p.generatedPrefix(), address, p.qualifyingSuffix(), false);
            } else {
                String clean = ClientNames.sanitize(value.endsWith(".") ? value.substring(0, value.length() - 1)
                        : value, p);
                name = clean.contains(".") ? clean : ClientNames.qualify(clean, p.qualifyingSuffix(), false);
            }
        } else if (replace == ReplaceClientName.ALWAYS || replace == ReplaceClientName.WHEN_NOT_PRESENT) {
            name = ClientNames.generate(p.generatedPrefix(), address, p.qualifyingSuffix(), false);
        } else {
            return null;
        }
        return new NameDecision(false, 0, name, updates, updates);
    }

    /** Puts the decision into the reply: option 81 with the server's flags and the name, or option 12. */
    static void answer(Pkt4 response, NameDecision decision) {
        response.delOption(FQDN);
        response.delOption(HOST_NAME);
        if (decision.fqdnOption()) {
            response.addOption(new Option(FQDN, ClientFqdn.answer(decision.flags(), decision.name(), true)));
        } else {
            response.addOption(new Option(HOST_NAME, decision.name().getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
