/**
 * Engine (kea4j's own bundles only, mandatory attribute {@code kea4j=engine}): the server side of the hooks
 * framework: how a server calls the hook points declared in {@code org.kea4j.hooks}, and what the framework
 * shows operators. Hook library authors do not need this package.
 */
@org.osgi.annotation.versioning.Version("2.1.0")
package org.kea4j.hooks.host;
