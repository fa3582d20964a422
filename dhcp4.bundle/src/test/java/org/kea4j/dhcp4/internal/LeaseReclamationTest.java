package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp4.internal.PipelineHarness.ip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation4;
import org.kea4j.hooks.HookNames;

/** Background reclamation of expired leases, with lease4_expire and lease4_recover. */
class LeaseReclamationTest {

    private PipelineHarness h;
    private LeaseReclamation4 reclamation;
    private final long now = System.currentTimeMillis() / 1000;

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness(Dhcp4SrvTest.CONFIG, "192.0.2.1");
        reclamation = new LeaseReclamation4(h.hooks);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void lease(String address, long cltt, int state) {
        h.leases.addLease(Lease4.builder(ip(address)).hwaddr(state == Lease4.STATE_DECLINED ? null
                : HWAddr.ethernet(new byte[] {1, 1, 1, 1, 1, 1})).validLifetime(100).cltt(cltt).subnetId(1)
                .state(state).build());
    }

    @Test
    void expiredLeasesAreKeptAsReclaimedThenFlushed() {
        lease("192.0.2.10", now - 1000, Lease4.STATE_DEFAULT);
        lease("192.0.2.11", now, Lease4.STATE_DEFAULT);
        List<String> expired = new CopyOnWriteArrayList<>();
        h.library("expire", handle -> handle.registerCallout(HookNames.LEASE4_EXPIRE, c -> {
            expired.add(c.getArgument("lease4", Lease4.class).address().getHostAddress() + " remove="
                    + c.getArgument("remove_lease"));
            return 0;
        }));
        assertEquals(1, reclamation.reclaim(h.leases, now, 100, false));
        assertEquals(List.of("192.0.2.10 remove=false"), expired);
        assertEquals(Lease4.STATE_EXPIRED_RECLAIMED, h.leases.getLease4(ip("192.0.2.10")).orElseThrow().state());
        assertEquals(Lease4.STATE_DEFAULT, h.leases.getLease4(ip("192.0.2.11")).orElseThrow().state(), "not expired");
        assertEquals(0, reclamation.reclaim(h.leases, now, 100, false), "reclaimed once");
        assertEquals(0, reclamation.flush(h.leases, now, 3600), "held for an hour");
        assertEquals(1, reclamation.flush(h.leases, now + 3600, 3600));
        assertFalse(h.leases.getLease4(ip("192.0.2.10")).isPresent());
    }

    @Test
    void removeLeaseDeletesAtOnceAndSkipLeavesItToTheCallout() {
        lease("192.0.2.10", now - 1000, Lease4.STATE_DEFAULT);
        lease("192.0.2.12", now - 1000, Lease4.STATE_DEFAULT);
        h.library("expire", handle -> handle.registerCallout(HookNames.LEASE4_EXPIRE, c -> {
            if (c.getArgument("lease4", Lease4.class).address().getHostAddress().endsWith(".12")) {
                c.setSkip(true);
            }
            return 0;
        }));
        assertEquals(2, reclamation.reclaim(h.leases, now, 0, true));
        assertFalse(h.leases.getLease4(ip("192.0.2.10")).isPresent());
        assertTrue(h.leases.getLease4(ip("192.0.2.12")).isPresent(), "skipped: the callout owns it");
    }

    @Test
    void declinedAddressesAreRecoveredAfterProbationUnlessACalloutSkips() {
        lease("192.0.2.13", now - 1000, Lease4.STATE_DECLINED);
        lease("192.0.2.14", now - 1000, Lease4.STATE_DECLINED);
        List<String> recovered = new CopyOnWriteArrayList<>();
        h.library("recover", handle -> handle.registerCallout(HookNames.LEASE4_RECOVER, c -> {
            String address = c.getArgument("lease4", Lease4.class).address().getHostAddress();
            recovered.add(address);
            c.setSkip(address.endsWith(".14"));
            return 0;
        }));
        reclamation.reclaim(h.leases, now, 100, false);
        assertEquals(List.of("192.0.2.13", "192.0.2.14"), recovered);
        assertFalse(h.leases.getLease4(ip("192.0.2.13")).isPresent(), "back in the pool");
        assertEquals(Lease4.STATE_DECLINED, h.leases.getLease4(ip("192.0.2.14")).orElseThrow().state());
    }

    @Test
    void maxLeasesBoundsOneRun() {
        for (int i = 10; i < 20; i++) {
            lease("192.0.2." + i, now - 1000 - i, Lease4.STATE_DEFAULT);
        }
        assertEquals(3, reclamation.reclaim(h.leases, now, 3, true));
        assertEquals(7, h.leases.getLeases4().size());
    }
}
