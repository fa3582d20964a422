package org.kea4j.dhcpsrv.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.kea4j.dhcpsrv.Subnet;

/** The subnets a client may be served from, once the server has selected one (Kea's shared network rule). */
public final class SharedNetworkCandidates {

    private SharedNetworkCandidates() {
    }

    /**
     * Just {@code selected}; or, for a subnet of a shared network, every subnet of the network: the selected one
     * first, then the others in configuration order, those that {@code allowed} (the client's classes) accepts.
     *
     * @param all every configured subnet, in configuration order
     */
    public static <S extends Subnet> List<S> of(S selected, List<S> all, Predicate<S> allowed) {
        String network = selected.sharedNetworkName();
        if (network == null) {
            return List.of(selected);
        }
        List<S> out = new ArrayList<>();
        out.add(selected);
        for (S s : all) {
            if (s != selected && network.equals(s.sharedNetworkName()) && allowed.test(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
