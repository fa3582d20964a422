/**
 * The DHCP server library, shared by the DHCPv4 and DHCPv6 servers as Kea's {@code libdhcpsrv}: subnets and
 * pools, lease database access, leases and the lease manager SPI, the allocation engine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.kea4j.dhcpsrv;
