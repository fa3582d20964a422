package org.kea4j.core.internal.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kea4j.hooks.Callout;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.host.LibraryInfo;

/** One slot of the library list: a configured or hot-deployed library and what is known of it. */
final class Library {

    /** A callout offered as a service by the library's bundle. */
    record StandardCallout(String hook, Callout callout) {
    }

    final String name;
    final boolean listed;
    final Map<String, Object> parameters;
    final LibraryHandleImpl handle;
    int index;
    LibrarySource source;
    HookLibrary service;
    LibraryInfo.State state = LibraryInfo.State.WAITING;
    boolean loading;
    int version = -1;
    String detail = "";
    final List<StandardCallout> standard = new ArrayList<>();
    /** Callouts registered while loaded, per hook, in registration order. */
    final Map<String, List<CalloutEntry>> registered = new LinkedHashMap<>();

    Library(HooksManagerImpl manager, String name, boolean listed, Map<String, Object> parameters) {
        this.name = name;
        this.listed = listed;
        this.parameters = Map.copyOf(parameters);
        this.handle = new LibraryHandleImpl(manager, this);
    }

    int index() {
        return index;
    }

    /** Whether callouts may be registered now: loaded, or inside load(). */
    boolean acceptsCallouts() {
        return state == LibraryInfo.State.LOADED || loading;
    }

    LibraryInfo info() {
        return new LibraryInfo(index, name, source == null ? null : source.symbolicName(), state, version, detail);
    }

    @Override
    public String toString() {
        return name;
    }
}
