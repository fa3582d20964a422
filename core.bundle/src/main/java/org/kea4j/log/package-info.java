/**
 * Author API: Logging by Kea message ID.
 *
 * <p>Every log line kea4j writes carries one of Kea's message IDs. A bundle declares its messages as an
 * enum implementing {@link org.kea4j.log.MessageId}, registers them in the global
 * {@link org.kea4j.log.MessageDictionary} when it starts, and logs through a {@link org.kea4j.log.KeaLogger}:
 * {@code log.log(DHCP4_STARTED, version)}. The severity belongs to the message, not to the call.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.kea4j.log;
