/**
 * Engine (kea4j's own bundles only, mandatory attribute {@code kea4j=engine}): the process's statistics, by
 * Kea's names ({@code pkt4-received}, {@code subnet[1].assigned-addresses} ...), each a value with its recent
 * samples; read and reset through Kea's {@code statistic-*} commands.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.kea4j.stats;
