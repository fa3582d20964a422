package org.kea4j.ddns.server;

/**
 * What the server decided about a client's name for one exchange, kept in the packet's callout context from the
 * lease's selection to the reply.
 *
 * @param fqdnOption whether the client is answered with a Client FQDN option (else a Host Name option)
 * @param flags      the answer's FQDN flags
 * @param name       the name: absolute with a trailing dot for an FQDN, as stored in the lease for a host name
 * @param forward    whether the forward (A/AAAA) update is the server's
 * @param reverse    whether the reverse (PTR) update is the server's
 */
record NameDecision(boolean fqdnOption, int flags, String name, boolean forward, boolean reverse) {
}
