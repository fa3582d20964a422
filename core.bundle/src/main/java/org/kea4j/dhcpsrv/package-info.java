/**
 * Author API: what the DHCP servers hand to callouts about leases and configuration — leases
 * ({@link org.kea4j.dhcpsrv.Lease4}, {@link org.kea4j.dhcpsrv.Lease6}), and read-only views of subnets,
 * pools and host reservations, with the values they are made of (prefixes, address ranges, host
 * identifiers), and the DDNS behaviour a subnet has ({@link org.kea4j.dhcpsrv.DdnsParameters}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.3.0")
package org.kea4j.dhcpsrv;
