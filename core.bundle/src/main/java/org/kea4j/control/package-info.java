/**
 * Author API: Control commands: a registry that the Gogo shell (scope {@code kea}) and the control sockets share.
 * A bundle adds a command by offering a {@link org.kea4j.control.CommandHandler} service with the
 * property {@value org.kea4j.control.CommandHandler#COMMAND_PROPERTY}; it is then reachable both ways.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.kea4j.control;
