/**
 * Engine (kea4j's own bundles only, mandatory attribute {@code kea4j=engine}): UDP transport of the DHCP servers (as Kea's {@code IfaceMgr}): the host's interfaces, one socket per
 * listening interface bound to that device so that each datagram's ingress interface is known, sending
 * out of a chosen interface, and the workers that run the packet pipeline.
 */
@org.osgi.annotation.versioning.Version("2.2.0")
package org.kea4j.dhcp.transport;
