/**
 * UDP transport of the DHCP servers (as Kea's {@code IfaceMgr}): the host's interfaces, one socket per
 * listening interface bound to that device so that each datagram's ingress interface is known, and sending
 * out of a chosen interface.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.kea4j.dhcp.transport;
