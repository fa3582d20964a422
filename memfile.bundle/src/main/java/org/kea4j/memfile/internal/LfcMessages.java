package org.kea4j.memfile.internal;

import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;

/** Messages of Lease File Cleanup (Kea's LFC). */
public enum LfcMessages implements MessageId {
    // the manual describes these four without their ID lines; named as Kea names them
    LFC_FAIL_PID_CREATE(error("%1")),
    LFC_FAIL_PID_DEL(error("%1")),
    LFC_FAIL_PROCESS(error("%1")),
    LFC_FAIL_ROTATE(error("%1")),
    LFC_PROCESSING(info("Previous file: %1, copy file: %2")),
    LFC_READ_STATS(info("Leases: %1, attempts: %2, errors: %3.")),
    LFC_ROTATING(info("LFC rotating files")),
    LFC_RUNNING(info("LFC instance already running")),
    LFC_START(info("Starting lease file cleanup")),
    LFC_TERMINATE(info("LFC finished processing")),
    LFC_WRITE_STATS(info("Leases: %1, attempts: %2, errors: %3."));

    private final MessageDef def;

    LfcMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
