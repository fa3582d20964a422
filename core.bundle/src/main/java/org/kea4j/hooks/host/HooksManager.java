package org.kea4j.hooks.host;

import java.util.List;

/**
 * The hooks framework as a server sees it (an OSGi service).
 *
 * <pre>{@code
 * HookPoint pkt4Receive = hooks.hookPoint(HookNames.PKT4_RECEIVE);   // once, at start
 * try (CalloutSession session = hooks.openSession()) {               // once per packet
 *     if (pkt4Receive.hasCallouts()) {
 *         session.deleteAllArguments();
 *         session.setArgument("query4", query);
 *         pkt4Receive.call(session);
 *         if (session.getSkip()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>A session sees one set of libraries from its opening to its closing: library changes (load,
 * unload, {@code libreload}) wait for open sessions to close and are published at once, so a packet is
 * handled wholly by the old callouts or wholly by the new ones.
 */
public interface HooksManager {

    /** Declares (if needed) and returns a hook point. */
    HookPoint hookPoint(String name);

    /** Opens the callout handle of one packet; close it when the packet is done. */
    CalloutSession openSession();

    /** Unloads and reloads every library, re-reading changed jars; false when any failed to load. */
    boolean reloadLibraries();

    /** The libraries, in call order. */
    List<LibraryInfo> libraries();

    /** The declared hook points with their callouts, in declaration order. */
    List<HookPointInfo> hookPoints();
}
