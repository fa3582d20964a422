package org.kea4j.log;

import org.osgi.annotation.versioning.ProviderType;

import static org.kea4j.log.MessageDef.debug;
import static org.kea4j.log.MessageDef.error;
import static org.kea4j.log.MessageDef.info;

/** Messages of the logging system (Kea's LOG and LOGIMPL). */
@ProviderType
public enum LogMessages implements MessageId {
    LOGIMPL_ABOVE_MAX_DEBUG(debug(10, "debug level of %1 is too high and will be set to the maximum of %2")),
    LOGIMPL_BAD_DEBUG_STRING(debug(10, "debug string '%1' has invalid format")),
    LOGIMPL_BELOW_MIN_DEBUG(debug(10, "debug level of %1 is too low and will be set to the minimum of %2")),
    LOG_BAD_DESTINATION(error("unrecognized log destination: %1")),
    LOG_BAD_SEVERITY(error("unrecognized log severity: %1")),
    LOG_BAD_STREAM(error("bad log console output stream: %1")),
    LOG_DUPLICATE_MESSAGE_ID(error("duplicate message ID (%1) in compiled code")),
    LOG_DUPLICATE_NAMESPACE(error("line %1: duplicate $NAMESPACE directive found")),
    LOG_INPUT_OPEN_FAIL(error("unable to open message file %1 for input: %2")),
    LOG_INVALID_MESSAGE_ID(error("line %1: invalid message identification '%2'")),
    LOG_LOCK_TEST_MESSAGE(info("this is a test message.")),
    LOG_NAMESPACE_EXTRA_ARGS(error("line %1: $NAMESPACE directive has too many arguments")),
    LOG_NAMESPACE_INVALID_ARG(error("line %1: $NAMESPACE directive has an invalid argument ('%2')")),
    LOG_NAMESPACE_NO_ARGS(error("line %1: no arguments were given to the $NAMESPACE directive")),
    LOG_NO_MESSAGE_ID(error("line %1: message definition line found without a message ID")),
    LOG_NO_MESSAGE_TEXT(error("line %1: line found containing a message ID ('%2') and no text")),
    LOG_NO_SUCH_MESSAGE(error("could not replace message text for '%1': no such message")),
    LOG_OPEN_OUTPUT_FAIL(error("unable to open %1 for output: %2")),
    LOG_PREFIX_EXTRA_ARGS(error("line %1: $PREFIX directive has too many arguments")),
    LOG_PREFIX_INVALID_ARG(error("line %1: $PREFIX directive has an invalid argument ('%2')")),
    LOG_READING_LOCAL_FILE(info("reading local message file %1")),
    LOG_READ_ERROR(error("error reading from message file %1: %2")),
    LOG_UNRECOGNISED_DIRECTIVE(error("line %1: unrecognised directive '%2'")),
    LOG_WRITE_ERROR(error("error writing to %1: %2"));

    private final MessageDef def;

    LogMessages(MessageDef def) {
        this.def = def;
    }

    @Override
    public MessageDef def() {
        return def;
    }
}
