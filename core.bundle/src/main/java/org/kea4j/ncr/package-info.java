/**
 * Author API: DHCP-DDNS NameChangeRequests (NCRs) — what a DHCP server sends to the DHCP-DDNS server (D2) so
 * that it adds or removes a client's DNS names.
 *
 * <p>{@link org.kea4j.ncr.NameChangeRequest} is the request, {@link org.kea4j.ncr.Dhcid} the RFC 4701 client
 * identity it carries, {@link org.kea4j.ncr.NcrJson} its JSON text in both of Kea's spellings (0.9's
 * {@code change_type} and 1.0+'s {@code change-type}), and {@link org.kea4j.ncr.NcrUdpSender} /
 * {@link org.kea4j.ncr.NcrUdpListener} carry it over UDP with Kea's framing: one request per datagram, a
 * 2-byte length in network order, then the JSON text.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.kea4j.ncr;
