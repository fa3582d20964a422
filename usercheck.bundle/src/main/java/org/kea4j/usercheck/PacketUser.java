package org.kea4j.usercheck;

import static org.kea4j.usercheck.UserChkMessages.LOG;

import java.util.List;
import java.util.function.Consumer;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.NoSuchCalloutContextException;
import org.kea4j.log.MessageId;

/**
 * What the DHCPv4 and DHCPv6 callouts share: the client's user kept in the packet's context from
 * {@code pkt_receive} on, and the subnet decision.
 */
final class PacketUser {

    /** Per-packet context (Kea's names): the client's identifier, and its user (null when unregistered). */
    static final String QUERY_USER_ID = "query_user_id";
    static final String REGISTERED_USER = "registered_user";

    private PacketUser() {
    }

    /**
     * The user the packet's {@code pkt_receive} callout found; when it did not run for this packet, {@code lookUp}
     * stores it in the context first.
     */
    static User registered(CalloutHandle handle, Consumer<CalloutHandle> lookUp) {
        try {
            return handle.getContext(REGISTERED_USER);
        } catch (NoSuchCalloutContextException e) {
            lookUp.accept(handle);
            return handle.getContext(REGISTERED_USER);
        }
    }

    /**
     * {@code subnet4_select} / {@code subnet6_select}: an unregistered client gets the restricted subnet, the last of
     * the collection (which is in id order: the one with the highest id, as in Kea 2.x); a registered one keeps the
     * server's choice. Nothing is done when an earlier callout set SKIP or DROP, or there is no subnet.
     */
    static <S> int restrictUnregistered(CalloutHandle handle, Argument<List<S>> collection, Argument<S> selected,
            Consumer<CalloutHandle> lookUp, MessageId error) {
        try {
            List<S> subnets = handle.get(collection);
            if (handle.getStatus() != NextStep.CONTINUE || subnets.isEmpty() || registered(handle, lookUp) != null) {
                return 0;
            }
            handle.set(selected, subnets.get(subnets.size() - 1));
            return 0;
        } catch (RuntimeException e) {
            LOG.log(error, e);
            return 1;
        }
    }
}
