/**
 * The hooks API: what a hooks library author compiles against.
 *
 * <p>A hooks library is a bundle offering a {@link org.kea4j.hooks.HookLibrary} service: the platform
 * checks its {@link org.kea4j.hooks.HookLibrary#version()}, calls
 * {@link org.kea4j.hooks.HookLibrary#load(LibraryHandle)} when the bundle starts (the library registers
 * its {@link org.kea4j.hooks.Callout}s there) and {@link org.kea4j.hooks.HookLibrary#unload()} when it
 * stops. A bundle may also offer callouts as services with the property {@value
 * org.kea4j.hooks.Callout#HOOK_PROPERTY} naming their hook point. The library is loaded only when the
 * configuration's {@code hooks-libraries} names it, or when it was dropped into the hooks folder.
 *
 * <p>Callouts run on the server's worker threads, possibly several at once: they must be thread-safe.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.kea4j.hooks;
