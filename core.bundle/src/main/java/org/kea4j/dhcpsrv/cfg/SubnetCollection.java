package org.kea4j.dhcpsrv.cfg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kea4j.dhcpsrv.Subnet;

/**
 * The subnets as a subnet-select callout sees them (read-only views in id order, as Kea 2.x orders its
 * collection) and the way back from the view a callout chose to the configured subnet.
 *
 * @param <V> the view type callouts see ({@code Subnet4}, {@code Subnet6})
 * @param <C> the configured subnet type
 */
public final class SubnetCollection<V extends Subnet, C extends V> {

    private final List<C> configured;
    private final List<V> view;

    public SubnetCollection(List<C> configured) {
        this.configured = List.copyOf(configured);
        List<V> byId = new ArrayList<>(configured);
        byId.sort(Comparator.comparingLong(Subnet::id));
        this.view = List.copyOf(byId);
    }

    /** The configured subnets, in configuration order. */
    public List<C> configured() {
        return configured;
    }

    /** The views, in id order: the {@code subnet4collection} / {@code subnet6collection} hook argument. */
    public List<V> view() {
        return view;
    }

    /** The configured subnet a callout handed back (found by id when it is another object), or null. */
    public C configured(V chosen) {
        if (chosen == null) {
            return null;
        }
        for (C c : configured) {
            if (c == chosen) {
                return c;
            }
        }
        for (C c : configured) {
            if (c.id() == chosen.id()) {
                return c;
            }
        }
        return null;
    }
}
