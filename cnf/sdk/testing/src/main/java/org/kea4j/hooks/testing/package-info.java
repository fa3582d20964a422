/**
 * Test support for hooks libraries: {@link org.kea4j.hooks.testing.HookTester} loads a library with kea4j's own
 * hooks framework and calls its hook points with typed arguments, without a server.
 */
package org.kea4j.hooks.testing;
