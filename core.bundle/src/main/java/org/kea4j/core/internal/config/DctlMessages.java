package org.kea4j.core.internal.config;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.fatal;
import static org.kea4j.log.MessageDef.info;
import static org.kea4j.log.MessageDef.warn;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of the process controller (Kea's DCTL). */
public enum DctlMessages implements MessageId {
    DCTL_CCSESSION_ENDING(debug(10, "%1 ending control channel session")),
    DCTL_CCSESSION_STARTING(debug(0, "%1 starting control channel session, specfile: %2")),
    DCTL_COMMAND_RECEIVED(debug(10, "%1 received command: %2, arguments: %3")),
    DCTL_CONFIG_COMPLETE(info("server has completed configuration: %1")),
    DCTL_CONFIG_LOAD_FAIL(error("%1 configuration failed to load: %2")),
    DCTL_CONFIG_START(debug(0, "parsing new configuration: %1")),
    DCTL_CONFIG_STUB(debug(10, "%1 configuration stub handler called")),
    DCTL_CONFIG_UPDATE(debug(10, "%1 updated configuration received: %2")),
    DCTL_DISCONNECT_FAIL(error("%1 controller failed to end session with Bundy: %2")),
    DCTL_INIT_PROCESS(debug(0, "%1 initializing the application")),
    DCTL_INIT_PROCESS_FAIL(error("%1 application initialization failed: %2")),
    DCTL_JIT_PRIORITY_FAIL(warn("the JIT compiler threads keep the lower priority of the start (under load the"
            + " code may stay slow): %1")),
    DCTL_NOT_RUNNING(warn("%1 application instance is not running")),
    DCTL_PROCESS_FAILED(fatal("%1 application execution failed: %2")),
    DCTL_RUN_PROCESS(debug(0, "%1 starting application event loop")),
    DCTL_SIGNAL_RESTORED(info("%1 started with SIG%2 ignored (nohup?): the signal is handled again")),
    DCTL_SIGNAL_SETUP_FAIL(warn("%1 cannot handle SIG%2, which therefore does nothing: %3")),
    DCTL_SESSION_FAIL(fatal("%1 controller failed to establish Kea session: %1")),
    DCTL_STANDALONE(debug(0, "%1 skipping message queue, running standalone"));

    private final MessageDef def;

    DctlMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
