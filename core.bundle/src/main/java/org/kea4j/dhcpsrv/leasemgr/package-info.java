/**
 * Engine (kea4j's own bundles only): the lease database SPI that back ends implement ({@code LeaseMgr},
 * found through a {@code LeaseMgrFactory} by its {@code type}) and the servers' access to the open
 * databases. Exported with the mandatory attribute {@code kea4j=engine}.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.kea4j.dhcpsrv.leasemgr;
