package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kea4j.core.internal.hooks.HooksManagerImpl;
import org.kea4j.core.internal.hooks.InMemoryLibraries;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.memfile.internal.MemfileFactory;

class Rehearsal6Test {

    @Test
    void eachMadeUpClientGoesFromSolicitToItsLeases() throws Exception {
        for (boolean throughSockets : new boolean[] {true, false}) {
            exchanges(throughSockets ? Rehearsal.Loopback.open(true) : null);
        }
    }

    /** Every client through the pipeline: the first ones through {@code loopback} unless it is null. */
    private static void exchanges(Rehearsal.Loopback loopback) throws Exception {
        LeaseMgr leases = new MemfileFactory().open(new DbAccess("memfile", Map.of("persist", "false")), 6);
        int clients = Rehearsal.THROUGH_SOCKETS + 24;
        try (leases; loopback) {
            Rehearsal6 rehearsal = new Rehearsal6(new HooksManagerImpl(new InMemoryLibraries(), Runnable::run),
                    leases, loopback);
            for (int n = 0; n < clients; n++) {
                rehearsal.exchange(n);
            }
            assertEquals(clients, leases.getLeases6().stream().filter(l -> l.type() == LeaseType.NA).count(),
                    "a REPLY with an address for each client");
            assertEquals(clients / 2, leases.getLeases6().stream().filter(l -> l.type() == LeaseType.PD).count(),
                    "and a prefix for every other one");
            assertEquals(clients, leases.getLeases6().stream().filter(l -> l.type() == LeaseType.NA)
                    .map(l -> l.duid()).distinct().count());
        }
    }
}
