package org.kea4j.core.internal.hooks;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the hooks framework (Kea's HOOKS). */
public enum HooksMessages implements MessageId {
    HOOKS_ALL_CALLOUTS_DEREGISTERED(debug(40, "hook library at index %1 removed all callouts on hook %2")),
    HOOKS_CALLOUTS_REMOVED(debug(40, "callouts removed from hook %1 for library %2")),
    HOOKS_CALLOUT_CALLED(debug(55, "hooks library with index %1 has called a callout on hook %2 that has address %3")),
    HOOKS_CALLOUT_DEREGISTERED(debug(40, "hook library at index %1 deregistered a callout on hook %2")),
    HOOKS_CALLOUT_ERROR(error("error returned by callout on hook %1 registered by library with index %2 (callout address %3)")),
    HOOKS_CALLOUT_EXCEPTION(error("exception thrown by callout on hook %1 registered by library with index %2 (callout address %3): %4")),
    HOOKS_CALLOUT_REGISTRATION(debug(40, "hooks library with index %1 registering callout for hook '%2'")),
    HOOKS_CLOSE_ERROR(error("failed to close hook library %1: %2")),
    HOOKS_HOOK_LIST_RESET(warn("the list of hooks has been reset")),
    HOOKS_INCORRECT_VERSION(error("hook library %1 is at version %2, require version %3")),
    HOOKS_LIBRARY_LOADED(info("hooks library %1 successfully loaded")),
    HOOKS_LIBRARY_LOADING(debug(40, "loading hooks library %1")),
    HOOKS_LIBRARY_UNLOADED(info("hooks library %1 successfully unloaded")),
    HOOKS_LIBRARY_UNLOADING(debug(40, "unloading library %1")),
    HOOKS_LIBRARY_VERSION(debug(40, "hooks library %1 reports its version as %2")),
    HOOKS_LOAD_ERROR(error("'load' function in hook library %1 returned error %2")),
    HOOKS_LOAD_EXCEPTION(error("'load' function in hook library %1 threw an exception")),
    HOOKS_LOAD_FRAMEWORK_EXCEPTION(error("'load' function in hook library %1 threw an exception: reason %2")),
    HOOKS_LOAD_SUCCESS(debug(40, "'load' function in hook library %1 returned success")),
    HOOKS_NO_LOAD(debug(40, "no 'load' function found in hook library %1")),
    HOOKS_NO_UNLOAD(debug(40, "no 'unload' function found in hook library %1")),
    HOOKS_NO_VERSION(error("no 'version' function found in hook library %1")),
    HOOKS_OPEN_ERROR(error("failed to open hook library %1: %2")),
    HOOKS_STD_CALLOUT_REGISTERED(debug(40, "hooks library %1 registered standard callout for hook %2 at address %3")),
    HOOKS_UNLOAD_ERROR(error("'unload' function in hook library %1 returned error %2")),
    HOOKS_UNLOAD_EXCEPTION(error("'unload' function in hook library %1 threw an exception")),
    HOOKS_UNLOAD_FRAMEWORK_EXCEPTION(error("'unload' function in hook library %1 threw an exception, reason %2")),
    HOOKS_UNLOAD_SUCCESS(debug(40, "'unload' function in hook library %1 returned success")),
    HOOKS_VERSION_EXCEPTION(error("'version' function in hook library %1 threw an exception"));

    private final MessageDef def;

    HooksMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
