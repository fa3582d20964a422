/**
 * Engine (kea4j's own bundles only): the configuration of the DHCP servers as parsed — subnets, pools,
 * reservations, option data and definitions, interfaces, client class expressions — and the shared
 * parsing of their elements. The records here implement the read-only views of {@code org.kea4j.dhcpsrv}.
 * Exported with the mandatory attribute {@code kea4j=engine}.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.kea4j.dhcpsrv.cfg;
