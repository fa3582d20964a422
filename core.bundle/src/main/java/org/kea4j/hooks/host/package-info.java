/**
 * Engine (kea4j's own bundles only, mandatory attribute {@code kea4j=engine}): The server side of the hooks framework: how a server declares its hook points and calls them. Hook
 * library authors do not need this package.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.kea4j.hooks.host;
