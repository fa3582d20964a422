package org.kea4j.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.kea4j.control.Answer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hook points every kea4j process has: the two that frame each packet's callout handle, and
 * {@code command_processed}, called after each control command.
 */
@ProviderType
public final class ServerHooks {

    private ServerHooks() {
    }

    /** {@code name}: the command's name. */
    public static final Argument<String> COMMAND_NAME = Argument.of("name", String.class, "the command's name");
    /** {@code arguments}: the command's arguments. */
    public static final Argument<JsonNode> COMMAND_ARGUMENTS = Argument.of("arguments", JsonNode.class,
            "the command's arguments");
    /** {@code response}: the answer the command produced. */
    public static final Argument<Answer> COMMAND_RESPONSE = Argument.of("response", Answer.class,
            "the answer the command produced");

    /** {@code context_create}: a packet's callout handle was created, before its first hook point. */
    public static final HookPoint CONTEXT_CREATE = HookPoint.builder(HookNames.CONTEXT_CREATE)
            .description("A packet's callout handle was just created, before the first hook point of the packet: the"
                    + " place to set up per-packet context.")
            .build();

    /** {@code context_destroy}: a packet's processing ended. */
    public static final HookPoint CONTEXT_DESTROY = HookPoint.builder(HookNames.CONTEXT_DESTROY)
            .description("The processing of a packet ended (whatever its outcome): the place to release per-packet"
                    + " context.")
            .build();

    /** {@code command_processed}: a control command was handled; its answer may be replaced. */
    public static final HookPoint COMMAND_PROCESSED = HookPoint.builder(HookNames.COMMAND_PROCESSED)
            .description("A control command (from a control socket or the shell) was handled, before its answer is"
                    + " sent. A callout may replace the answer.")
            .in(COMMAND_NAME)
            .sometimes(COMMAND_ARGUMENTS, HookPoint.Direction.IN, "when the command had arguments")
            .inOut(COMMAND_RESPONSE)
            .build();

    /** Every hook point of this class. */
    public static final List<HookPoint> ALL = List.of(CONTEXT_CREATE, CONTEXT_DESTROY, COMMAND_PROCESSED);
}
