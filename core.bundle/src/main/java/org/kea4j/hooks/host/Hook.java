package org.kea4j.hooks.host;

import org.kea4j.hooks.HookPoint;

/**
 * A declared hook point as a server calls it, obtained once from {@link HooksManager#hook(HookPoint)}:
 *
 * <pre>{@code
 * Hook pkt4Send = hooks.hook(Dhcp4Hooks.PKT4_SEND);                      // once, at start
 * try (CalloutSession session = hooks.openSession()) {                    // once per packet
 *     if (session.hasCallouts(pkt4Send)) {
 *         NextStep next = session.begin(pkt4Send).with(RESPONSE4, response).with(QUERY4, query).call();
 *         response = session.get(RESPONSE4);                              // an in/out argument
 *     }
 * }
 * }</pre>
 */
public interface Hook {

    /** The declaration. */
    HookPoint point();
}
