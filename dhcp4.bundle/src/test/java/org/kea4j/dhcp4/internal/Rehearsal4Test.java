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
        LeaseMgr leases = new MemfileFactory().open(new DbAccess("memfile", Map.of("persist", "false")), 4);
        int clients = Rehearsal.THROUGH_SOCKETS + 24; // the first ones through the loopback socket
        try (leases; Rehearsal4 rehearsal = new Rehearsal4(new HooksManagerImpl(new InMemoryLibraries(), Runnable::run),
                leases)) {
            for (int n = 0; n < clients; n++) {
                rehearsal.exchange(n);
            }
            assertEquals(clients, leases.getLeases4().size(), "an ACK for each client");
            assertEquals(clients, leases.getLeases4().stream().map(l -> l.hwaddr()).distinct().count());
        }
    }
}
