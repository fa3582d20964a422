package org.kea4j.core.internal.hooks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kea4j.hooks.host.LibraryInfo;

/**
 * One place in the library list: a configured library or a jar of the hooks folder, what is known of it, and
 * its current generation (the loaded instance whose callouts are called). Its statistics outlive generations.
 * Fields are guarded by the manager's state lock.
 */
final class Library {

    final String name;
    final LibraryInfo.Origin origin;
    /** The jar a new copy is read from, or null for a library named by its symbolic name. */
    final Path jar;
    Map<String, Object> parameters;
    volatile int index;
    LibraryInfo.State state = LibraryInfo.State.WAITING;
    String detail = "";
    /** The loaded instance, or null. */
    Generation current;
    /** The last bundle that served it, for the listing. */
    LibrarySource lastSource;
    int version = -1;
    /** The SHA-256 of the jar bytes its current generation was read from (hooks folder), or null. */
    String digest;
    /** Its bundle was stopped by someone: it loads again when the bundle (by symbolic name) comes back. */
    boolean stopped;
    private final Map<String, CalloutStats> stats = new ConcurrentHashMap<>();

    Library(String name, LibraryInfo.Origin origin, Path jar, Map<String, Object> parameters) {
        this.name = name;
        this.origin = origin;
        this.jar = jar;
        this.parameters = Map.copyOf(parameters);
    }

    int index() {
        return index;
    }

    /** The statistics of a callout, by hook point, name and rank among the library's callouts of that name. */
    CalloutStats stats(String hook, String calloutName, int rank) {
        return stats.computeIfAbsent(hook + '\0' + calloutName + '\0' + rank, k -> new CalloutStats());
    }

    /** The bundle symbolic name it is known by, or null. */
    String symbolicName() {
        return lastSource == null ? null : lastSource.symbolicName();
    }

    LibraryInfo info() {
        List<LibraryInfo.CalloutInfo> callouts = new ArrayList<>();
        Generation g = current;
        if (g != null) {
            for (CalloutEntry e : g.entries()) {
                callouts.add(e.stats().info(e.hook().point().name(), e.name()));
            }
        }
        return new LibraryInfo(index, name, origin, lastSource == null ? null : lastSource.symbolicName(),
                lastSource == null ? null : lastSource.bundleVersion(), g == null ? -1 : g.source().bundleId(), version,
                state, detail, parameters, callouts);
    }

    @Override
    public String toString() {
        return name;
    }
}
