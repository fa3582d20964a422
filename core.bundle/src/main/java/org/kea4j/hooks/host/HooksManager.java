package org.kea4j.hooks.host;

import java.util.List;
import org.kea4j.hooks.HookPoint;

/**
 * The hooks framework as a server sees it (an OSGi service). Library changes (configuration, the hooks
 * folder, {@code libreload}) never stop packet handling: each session reads an immutable set of callouts,
 * and a new set replaces the old one in one step.
 */
public interface HooksManager {

    /**
     * The callable form of a hook point declaration. kea4j's own declarations are known from the start; another
     * one is added the first time it is asked for.
     *
     * @throws IllegalArgumentException when another declaration of the same name is known
     */
    Hook hook(HookPoint point);

    /** Opens the callout handle of one packet; close it when the packet is done. */
    CalloutSession openSession();

    /**
     * Loads a fresh instance of every library (jars read again), then replaces the old ones in one step;
     * when any fails to load nothing changes.
     *
     * @return null on success, otherwise why
     */
    String reloadLibraries();

    /** The libraries, in call order, with their callouts and statistics. */
    List<LibraryInfo> libraries();

    /** The hook points with their callouts, in declaration order. */
    List<HookPointInfo> hookPoints();

    /**
     * A manager of the same hook points with no library, whose sessions never call a callout: for rehearsing the
     * packet path (synthetic exchanges before a server opens its sockets) where no library may see them.
     */
    HooksManager rehearsal();
}
