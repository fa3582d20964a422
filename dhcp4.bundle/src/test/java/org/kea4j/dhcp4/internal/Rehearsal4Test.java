package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kea4j.core.internal.hooks.HooksManagerImpl;
import org.kea4j.core.internal.hooks.InMemoryLibraries;
import org.kea4j.dhcp.transport.Rehearsal;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.memfile.internal.MemfileFactory;

class Rehearsal4Test {

    @Test
    void eachMadeUpClientGoesFromDiscoverToItsLease() throws Exception {
        for (boolean throughSockets : new boolean[] {true, false}) {
            exchanges(throughSockets ? Rehearsal.Loopback.open(false) : null);
        }
    }

    /** Every client through the pipeline: the first ones through {@code loopback} unless it is null. */
    private static void exchanges(Rehearsal.Loopback loopback) throws Exception {
        LeaseMgr leases = new MemfileFactory().open(new DbAccess("memfile", Map.of("persist", "false")), 4);
        int clients = Rehearsal.THROUGH_SOCKETS + 24;
        try (leases; loopback) {
            Rehearsal4 rehearsal = new Rehearsal4(new HooksManagerImpl(new InMemoryLibraries(), Runnable::run),
                    leases, loopback);
            for (int n = 0; n < clients; n++) {
                rehearsal.exchange(n);
            }
            assertEquals(clients, leases.getLeases4().size(), "an ACK for each client");
            assertEquals(clients, leases.getLeases4().stream().map(l -> l.hwaddr()).distinct().count());
        }
    }
}
