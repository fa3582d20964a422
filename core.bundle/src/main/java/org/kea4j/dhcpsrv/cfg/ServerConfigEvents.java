package org.kea4j.dhcpsrv.cfg;

import org.kea4j.config.ConfigTrigger;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageId;

/**
 * What a DHCP server logs about its configuration's life, each with the server's own message ID (DHCP4_* or
 * DHCP6_*), as Kea does: shared by both servers' configuration sections.
 *
 * @param log                   the server's logger
 * @param loggerRoot            the daemon's logger root ({@code kea-dhcp4})
 * @param reconfiguring         SIGHUP received, reloading ({@code DHCP4_DYNAMIC_RECONFIGURATION})
 * @param reconfigurationFailed the SIGHUP reload failed ({@code DHCP4_DYNAMIC_RECONFIGURATION_FAIL})
 * @param reconfigured          the SIGHUP reload succeeded ({@code DHCP4_DYNAMIC_RECONFIGURATION_SUCCESS})
 * @param loadFailed            a configuration failed ({@code DHCP4_CONFIG_LOAD_FAIL})
 * @param initFailed            the configuration at start failed ({@code DHCP4_INIT_FAIL})
 * @param alreadyRunning        another process runs this daemon on the same file ({@code DHCP4_ALREADY_RUNNING})
 */
public record ServerConfigEvents(KeaLogger log, String loggerRoot, MessageId reconfiguring,
        MessageId reconfigurationFailed, MessageId reconfigured, MessageId loadFailed, MessageId initFailed,
        MessageId alreadyRunning) {

    /** A configuration from {@code origin} failed with {@code reason}. */
    public void configFailed(String origin, String reason, ConfigTrigger trigger) {
        if (trigger == ConfigTrigger.SIGNAL) {
            log.log(reconfigurationFailed, origin);
        }
        log.log(loadFailed, origin, reason);
        if (trigger == ConfigTrigger.STARTUP) {
            // what Kea 2.2 logs (and tools watch for) when the configuration at start fails
            log.log(initFailed, "configuration error using file '" + origin + "': " + reason);
        }
    }

    /** A configuration from {@code origin} was applied. */
    public void configApplied(String origin, ConfigTrigger trigger) {
        if (trigger == ConfigTrigger.SIGNAL) {
            log.log(reconfigured, origin);
        }
    }

    /** The running configuration is about to be replaced from {@code origin}. */
    public void reconfigurationStarting(String origin, ConfigTrigger trigger) {
        if (trigger == ConfigTrigger.SIGNAL) {
            log.log(reconfiguring, origin);
        }
    }

    /** Another live process holds this daemon's PID file. */
    public void alreadyRunning(String reason) {
        log.log(alreadyRunning, loggerRoot, reason);
    }
}
