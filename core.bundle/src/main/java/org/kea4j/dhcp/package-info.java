/**
 * Author API: DHCP packets and what identifies a client: hardware addresses, client identifiers, DUIDs, packets and
 * options (as Kea's {@code libdhcp}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.kea4j.dhcp;
