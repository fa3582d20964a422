/**
 * Engine (kea4j's own bundles only): the configuration of the DHCP servers as parsed — subnets, pools,
 * reservations, option data and definitions, interfaces, client class expressions — and the shared
 * parsing of their elements. The records here implement the read-only views of {@code org.kea4j.dhcpsrv}.
 * What both servers do with a configuration is here too: the life of a server's section ({@link
 * org.kea4j.dhcpsrv.cfg.ServerSection}), of its running server ({@link org.kea4j.dhcpsrv.cfg.RunningServer}) and
 * the steps its packet pipeline shares with the other family's ({@link org.kea4j.dhcpsrv.cfg.PacketPipeline}).
 * Exported with the mandatory attribute {@code kea4j=engine}.
 */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.kea4j.dhcpsrv.cfg;
