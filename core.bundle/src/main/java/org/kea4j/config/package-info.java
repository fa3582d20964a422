/**
 * Engine (kea4j's own bundles only, mandatory attribute {@code kea4j=engine}): Kea-format configuration: reading JSON with comments, navigating it with element paths and line
 * numbers for errors, the section SPI through which each server bundle parses its own top-level element,
 * and the reconfiguration transaction ({@link org.kea4j.config.ConfigService}).
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.kea4j.config;
