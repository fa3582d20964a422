/**
 * Engine (kea4j's own bundles only): the allocation engines, the client contexts they work on, host
 * reservation lookup and the reclamation of expired leases, as Kea's {@code AllocEngine} and
 * {@code LeaseMgr::reclaimExpiredLeases}. Exported with the mandatory attribute {@code kea4j=engine}.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.kea4j.dhcpsrv.alloc;
