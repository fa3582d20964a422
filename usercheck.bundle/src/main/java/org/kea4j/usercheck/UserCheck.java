package org.kea4j.usercheck;

import static org.kea4j.usercheck.UserChkMessages.LOG;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_HOOK_LOAD_ERROR;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_HOOK_UNLOAD_ERROR;
import static org.kea4j.usercheck.UserChkMessages.USER_CHK_REGISTRY_LOADED;

import java.io.IOException;
import java.nio.file.Path;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Kea's user_chk library: clients the user registry does not know are moved to the restricted subnet, every
 * decision is appended to the outcome file, and registered users get their boot attributes.
 *
 * <p>Parameters: {@code registry-file} (default {@code user_chk_registry.txt} in the system's temporary folder,
 * which is {@code /tmp} as in Kea) and {@code outcome-file} (default {@code user_chk_outcome.txt} there). A
 * prototype-scope component, as the hooks guide's template: every load gets its own registry and outcome file.
 */
@Component(service = HookLibrary.class, scope = ServiceScope.PROTOTYPE)
public final class UserCheck implements HookLibrary {

    static final String REGISTRY_FILE = "registry-file";
    static final String OUTCOME_FILE = "outcome-file";

    private OutcomeFile outcomes;

    @Override
    public int version() {
        return FRAMEWORK_VERSION;
    }

    @Override
    public int load(LibraryHandle handle) {
        Path registryFile;
        Path outcomeFile;
        try {
            registryFile = file(handle, REGISTRY_FILE, "user_chk_registry.txt");
            outcomeFile = file(handle, OUTCOME_FILE, "user_chk_outcome.txt");
        } catch (IllegalArgumentException e) {
            LOG.log(USER_CHK_HOOK_LOAD_ERROR, e.getMessage());
            return 1;
        }
        UserRegistry registry;
        try {
            registry = UserRegistry.open(registryFile);
        } catch (IOException e) {
            LOG.log(USER_CHK_HOOK_LOAD_ERROR, "cannot read the registry " + registryFile + ": " + reason(e));
            return 1;
        }
        try {
            outcomes = OutcomeFile.open(outcomeFile);
        } catch (IOException e) {
            LOG.log(USER_CHK_HOOK_LOAD_ERROR, "cannot open the outcome file " + outcomeFile + ": " + reason(e));
            return 1;
        }
        Dhcp4Callouts v4 = new Dhcp4Callouts(registry, outcomes);
        handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, "look-up-user", v4::pkt4Receive);
        handle.registerCallout(Dhcp4Hooks.SUBNET4_SELECT, "restrict-unregistered", v4::subnet4Select);
        handle.registerCallout(Dhcp4Hooks.PKT4_SEND, "record-outcome", v4::pkt4Send);
        Dhcp6Callouts v6 = new Dhcp6Callouts(registry, outcomes);
        handle.registerCallout(Dhcp6Hooks.PKT6_RECEIVE, "look-up-user", v6::pkt6Receive);
        handle.registerCallout(Dhcp6Hooks.SUBNET6_SELECT, "restrict-unregistered", v6::subnet6Select);
        handle.registerCallout(Dhcp6Hooks.PKT6_SEND, "record-outcome", v6::pkt6Send);
        LOG.log(USER_CHK_REGISTRY_LOADED, registry.size(), registryFile, outcomeFile);
        return 0;
    }

    @Override
    public int unload() {
        if (outcomes != null) {
            try {
                outcomes.close();
            } catch (IOException e) {
                LOG.log(USER_CHK_HOOK_UNLOAD_ERROR, "closing the outcome file " + outcomes.path() + ": " + reason(e));
                return 1;
            }
        }
        return 0;
    }

    /** A file parameter, or the default in the system's temporary folder. */
    private static Path file(LibraryHandle handle, String parameter, String defaultName) {
        Object value = handle.getParameter(parameter);
        if (value == null) {
            return Path.of(System.getProperty("java.io.tmpdir"), defaultName);
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("parameter '" + parameter + "' must be a file name, not " + value);
        }
        return Path.of(s);
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
    }
}
