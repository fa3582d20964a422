package org.kea4j.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A test library that sits on hook points and checks each call against the hook point's declaration: the
 * hook point the handle names, every argument the declaration always passes, no argument it does not declare,
 * each value of its declared type, and in/out arguments accepted back. Shared by the servers' tests (core's
 * test jar).
 */
public final class DeclarationChecker {

    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> reached = Collections.synchronizedSet(new LinkedHashSet<>());

    /** Registers the checking callout on each hook point. */
    public void register(LibraryHandle handle, List<HookPoint> points) {
        for (HookPoint point : points) {
            handle.registerCallout(point, "declaration-check", h -> {
                check(point, h);
                return 0;
            });
        }
    }

    private void check(HookPoint point, CalloutHandle h) {
        reached.add(point.name());
        if (h.getHookPoint() != point) {
            problems.add(point.name() + ": the handle names " + h.getHookPoint());
        }
        Set<String> names = h.getArgumentNames();
        for (HookPoint.Parameter p : point.parameters()) {
            String name = p.argument().name();
            if (!names.contains(name)) {
                if (p.condition() == null) {
                    problems.add(point.name() + ": argument " + name + " missing");
                }
                continue;
            }
            Object value = h.getArgument(name);
            if (value != null && !p.argument().type().isInstance(value)) {
                problems.add(point.name() + ": " + name + " is a " + value.getClass().getName() + ", declared "
                        + p.argument().typeName());
            }
            if (p.direction() == HookPoint.Direction.IN_OUT) {
                h.setArgument(name, value);
            }
        }
        for (String name : names) {
            if (point.parameter(name) == null) {
                problems.add(point.name() + ": undeclared argument " + name);
            }
        }
    }

    /** What did not match its declaration, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The hook points called, in the order first reached. */
    public Set<String> reached() {
        return Set.copyOf(reached);
    }
}
