package org.kea4j.dhcpsrv.leasemgr;

import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.ClientId;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.HWAddr;

/**
 * What every lease back end must do, whatever it stores in: memfile, MySQL, PostgreSQL. A back end's test
 * extends this class and says how to open its databases.
 */
public abstract class LeaseMgrContractTest {

    private final List<LeaseMgr> opened = new ArrayList<>();

    /** Opens an empty IPv4 (or IPv6) database. */
    protected abstract LeaseMgr openEmpty(int universe) throws Exception;

    /** Opens the same database again (a restart), after the previous one was closed. */
    protected abstract LeaseMgr reopen(int universe) throws Exception;

    protected LeaseMgr v4() throws Exception {
        return track(openEmpty(4));
    }

    protected LeaseMgr v6() throws Exception {
        return track(openEmpty(6));
    }

    protected LeaseMgr track(LeaseMgr mgr) {
        opened.add(mgr);
        return mgr;
    }

    @AfterEach
    void closeAll() {
        for (LeaseMgr mgr : opened) {
            mgr.close();
        }
    }

    protected static final long NOW = 1_700_000_000L;

    protected static Inet4Address a4(String text) {
        return Addresses.parseV4(text);
    }

    protected static Inet6Address a6(String text) {
        return Addresses.parseV6(text);
    }

    protected static Lease4 lease4(String address, String hw, String clientId, long subnet) {
        Lease4.Builder b = Lease4.builder(a4(address)).hwaddr(HWAddr.parse(hw)).validLifetime(3600).cltt(NOW)
                .subnetId(subnet);
        if (clientId != null) {
            b.clientId(ClientId.parse(clientId));
        }
        return b.build();
    }

    protected static Lease6 lease6(LeaseType type, String address, String duid, long iaid, long subnet) {
        Lease6.Builder b = Lease6.builder(type, a6(address)).duid(Duid.parse(duid)).iaid(iaid).subnetId(subnet)
                .validLifetime(7200).preferredLifetime(3600).cltt(NOW);
        if (type == LeaseType.PD) {
            b.prefixLength(56);
        }
        return b.build();
    }

    // ------------------------------------------------------------------ IPv4

    @Test
    void addAndGetByAddress() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 lease = lease4("192.0.2.10", "08:00:27:aa:bb:cc", "01:08:00:27:aa:bb:cc", 1);
        assertTrue(mgr.addLease(lease));
        assertEquals(lease, mgr.getLease4(a4("192.0.2.10")).orElseThrow());
        assertTrue(mgr.getLease4(a4("192.0.2.11")).isEmpty());
    }

    @Test
    void addingATakenAddressReturnsFalse() throws Exception {
        LeaseMgr mgr = v4();
        assertTrue(mgr.addLease(lease4("192.0.2.10", "08:00:27:00:00:01", null, 1)));
        assertFalse(mgr.addLease(lease4("192.0.2.10", "08:00:27:00:00:02", null, 1)));
        assertEquals("08:00:27:00:00:01", mgr.getLease4(a4("192.0.2.10")).orElseThrow().hwaddr().toString());
    }

    @Test
    void getByHardwareAddressAcrossAndWithinSubnets() throws Exception {
        LeaseMgr mgr = v4();
        mgr.addLease(lease4("192.0.2.10", "08:00:27:00:00:01", null, 1));
        mgr.addLease(lease4("198.51.100.10", "08:00:27:00:00:01", null, 2));
        mgr.addLease(lease4("192.0.2.11", "08:00:27:00:00:02", null, 1));
        assertEquals(2, mgr.getLease4(HWAddr.parse("08:00:27:00:00:01")).size());
        assertEquals("198.51.100.10", mgr.getLease4(HWAddr.parse("08:00:27:00:00:01"), 2).orElseThrow().address().getHostAddress());
        assertTrue(mgr.getLease4(HWAddr.parse("08:00:27:00:00:01"), 3).isEmpty());
        assertTrue(mgr.getLease4(HWAddr.parse("08:00:27:00:00:09")).isEmpty());
    }

    @Test
    void getByClientIdentifier() throws Exception {
        LeaseMgr mgr = v4();
        mgr.addLease(lease4("192.0.2.10", "08:00:27:00:00:01", "01:08:00:27:00:00:01", 1));
        mgr.addLease(lease4("198.51.100.10", "08:00:27:00:00:01", "01:08:00:27:00:00:01", 2));
        ClientId id = ClientId.parse("01:08:00:27:00:00:01");
        assertEquals(2, mgr.getLease4(id).size());
        assertEquals(2, mgr.getLease4(id, 2).orElseThrow().subnetId());
        assertEquals(1, mgr.getLease4(id, HWAddr.parse("08:00:27:00:00:01"), 1).orElseThrow().subnetId());
        assertTrue(mgr.getLease4(id, HWAddr.parse("08:00:27:00:00:02"), 1).isEmpty());
        assertTrue(mgr.getLease4(ClientId.parse("01:02")).isEmpty());
    }

    @Test
    void updateReplacesAndMissingLeasesAreRefused() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 lease = lease4("192.0.2.10", "08:00:27:00:00:01", "01:02:03", 1);
        mgr.addLease(lease);
        Lease4 renewed = lease.toBuilder().cltt(NOW + 100).validLifetime(7200).hwaddr(HWAddr.parse("08:00:27:00:00:02"))
                .clientId(null).hostname("host,with,commas & amps").fqdn(true, true)
                .userContext("{\"comment\": \"a, b\"}").build();
        mgr.updateLease4(renewed);
        assertEquals(renewed, mgr.getLease4(a4("192.0.2.10")).orElseThrow());
        assertTrue(mgr.getLease4(HWAddr.parse("08:00:27:00:00:01")).isEmpty(), "the old hardware address is unindexed");
        assertEquals(1, mgr.getLease4(HWAddr.parse("08:00:27:00:00:02")).size());
        assertTrue(mgr.getLease4(ClientId.parse("01:02:03")).isEmpty());
        assertThrows(NoSuchLeaseException.class, () -> mgr.updateLease4(lease4("192.0.2.99", "08:00:27:00:00:09", null, 1)));
    }

    @Test
    void deleteRemovesFromEveryIndex() throws Exception {
        LeaseMgr mgr = v4();
        mgr.addLease(lease4("192.0.2.10", "08:00:27:00:00:01", "01:02:03", 1));
        assertTrue(mgr.deleteLease4(a4("192.0.2.10")));
        assertFalse(mgr.deleteLease4(a4("192.0.2.10")));
        assertTrue(mgr.getLease4(a4("192.0.2.10")).isEmpty());
        assertTrue(mgr.getLease4(HWAddr.parse("08:00:27:00:00:01")).isEmpty());
        assertTrue(mgr.getLease4(ClientId.parse("01:02:03")).isEmpty());
    }

    @Test
    void listingAndWipingBySubnet() throws Exception {
        LeaseMgr mgr = v4();
        for (int i = 1; i <= 5; i++) {
            mgr.addLease(lease4("192.0.2." + i, "08:00:27:00:00:0" + i, null, 1));
            mgr.addLease(lease4("198.51.100." + i, "08:00:27:00:01:0" + i, null, 2));
        }
        assertEquals(10, mgr.getLeases4().size());
        assertEquals(5, mgr.getLeases4(2).size());
        assertEquals(5, mgr.wipeLeases4(1));
        assertEquals(0, mgr.getLeases4(1).size());
        assertEquals(5, mgr.getLeases4().size());
    }

    @Test
    void expiredLeasesComeOldestFirstAndSkipReclaimedOnes() throws Exception {
        LeaseMgr mgr = v4();
        mgr.addLease(lease4("192.0.2.1", "08:00:27:00:00:01", null, 1).toBuilder().cltt(NOW - 10_000).build());
        mgr.addLease(lease4("192.0.2.2", "08:00:27:00:00:02", null, 1).toBuilder().cltt(NOW - 20_000).build());
        mgr.addLease(lease4("192.0.2.3", "08:00:27:00:00:03", null, 1).toBuilder().cltt(NOW - 30_000)
                .state(Lease4.STATE_EXPIRED_RECLAIMED).build());
        mgr.addLease(lease4("192.0.2.4", "08:00:27:00:00:04", null, 1));
        List<Lease4> expired = mgr.getExpiredLeases4(NOW, 0);
        assertEquals(List.of("192.0.2.2", "192.0.2.1"), expired.stream().map(l -> l.address().getHostAddress()).toList());
        assertEquals(1, mgr.getExpiredLeases4(NOW, 1).size());
    }

    @Test
    void theExpirationQueriesFollowUpdatesAndDeletes() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 old = lease4("192.0.2.1", "08:00:27:00:00:01", null, 1).toBuilder().cltt(NOW - 10_000).build();
        mgr.addLease(old);
        Lease4 reclaimed = old.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).build();
        mgr.updateLease4(reclaimed);
        assertEquals(List.of(), mgr.getExpiredLeases4(NOW, 0), "reclaimed: no longer due");
        assertEquals(List.of(reclaimed), mgr.getExpiredReclaimedLeases4(NOW));
        assertEquals(List.of(), mgr.getExpiredReclaimedLeases4(old.expire()), "ended exactly then: not before");
        Lease4 renewed = old.toBuilder().cltt(NOW).state(Lease4.STATE_DEFAULT).build();
        mgr.updateLease4(renewed);
        assertEquals(List.of(), mgr.getExpiredReclaimedLeases4(NOW));
        assertEquals(List.of(renewed), mgr.getExpiredLeases4(renewed.expire(), 0), "due the second it ends");
        mgr.deleteLease4(renewed.address());
        assertEquals(List.of(), mgr.getExpiredLeases4(NOW + 10_000_000, 0));
        LeaseMgr v6 = v6();
        Lease6 gone = lease6(LeaseType.NA, "2001:db8:1::1", "00:01", 1, 1).toBuilder().cltt(NOW - 100_000)
                .state(Lease4.STATE_EXPIRED_RECLAIMED).build();
        v6.addLease(gone);
        v6.addLease(lease6(LeaseType.NA, "2001:db8:1::2", "00:02", 1, 1).toBuilder().cltt(NOW - 100_000).build());
        assertEquals(List.of(gone), v6.getExpiredReclaimedLeases6(NOW));
        assertEquals(List.of("2001:db8:1:0:0:0:0:2"),
                v6.getExpiredLeases6(NOW, 0).stream().map(l -> l.address().getHostAddress()).toList());
        v6.deleteLease6(LeaseType.NA, gone.address());
        assertEquals(List.of(), v6.getExpiredReclaimedLeases6(NOW));
    }

    @Test
    void leasesAreCountedBySubnetTypeAndState() throws Exception {
        LeaseMgr mgr = v4();
        mgr.addLease(lease4("192.0.2.1", "08:00:27:00:00:01", null, 1));
        mgr.addLease(lease4("192.0.2.2", "08:00:27:00:00:02", null, 1));
        mgr.addLease(lease4("192.0.2.3", "08:00:27:00:00:03", null, 2));
        mgr.addLease(lease4("192.0.2.4", "08:00:27:00:00:04", null, 2).toBuilder().state(Lease4.STATE_DECLINED)
                .build());
        assertEquals(Set.of(new LeaseCount(1, LeaseType.NA, 0, 2), new LeaseCount(2, LeaseType.NA, 0, 1),
                new LeaseCount(2, LeaseType.NA, Lease4.STATE_DECLINED, 1)), Set.copyOf(mgr.countLeases()));
        mgr.deleteLease4(a4("192.0.2.1"));
        assertTrue(mgr.countLeases().contains(new LeaseCount(1, LeaseType.NA, 0, 1)), "a deleted lease is not counted");
        LeaseMgr v6 = v6();
        v6.addLease(lease6(LeaseType.NA, "2001:db8:1::1", "00:01", 1, 1));
        v6.addLease(lease6(LeaseType.NA, "2001:db8:1::2", "00:02", 1, 1));
        v6.addLease(lease6(LeaseType.PD, "2001:db8:100::", "00:01", 2, 1));
        v6.addLease(lease6(LeaseType.NA, "2001:db8:2::1", "00:03", 1, 2).toBuilder()
                .state(Lease4.STATE_EXPIRED_RECLAIMED).build());
        assertEquals(Set.of(new LeaseCount(1, LeaseType.NA, 0, 2), new LeaseCount(1, LeaseType.PD, 0, 1),
                new LeaseCount(2, LeaseType.NA, Lease4.STATE_EXPIRED_RECLAIMED, 1)), Set.copyOf(v6.countLeases()));
    }

    @Test
    void declinedLeasesNeedNoHardwareAddress() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 declined = Lease4.builder(a4("192.0.2.7")).validLifetime(86400).cltt(NOW).subnetId(1)
                .state(Lease4.STATE_DECLINED).build();
        assertTrue(mgr.addLease(declined));
        assertEquals(Lease4.STATE_DECLINED, mgr.getLease4(a4("192.0.2.7")).orElseThrow().state());
    }

    @Test
    void changesSurviveAReopen() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 kept = lease4("192.0.2.10", "08:00:27:00:00:01", "01:aa:bb", 1).toBuilder().hostname("a,b&c")
                .userContext("{\"x\": [1, 2]}").build();
        mgr.addLease(kept);
        mgr.addLease(lease4("192.0.2.11", "08:00:27:00:00:02", null, 1));
        mgr.deleteLease4(a4("192.0.2.11"));
        Lease4 updated = lease4("192.0.2.12", "08:00:27:00:00:03", null, 1);
        mgr.addLease(updated);
        mgr.updateLease4(updated.toBuilder().validLifetime(99).build());
        mgr.close();
        LeaseMgr again = track(reopen(4));
        assertEquals(kept, again.getLease4(a4("192.0.2.10")).orElseThrow());
        assertTrue(again.getLease4(a4("192.0.2.11")).isEmpty());
        assertEquals(99, again.getLease4(a4("192.0.2.12")).orElseThrow().validLifetime());
    }

    @Test
    void aConditionalUpdateWinsOnlyWhileTheLeaseIsUnchanged() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 expired = lease4("192.0.2.20", "08:00:27:00:00:01", null, 1).toBuilder().cltt(NOW - 10_000).build();
        mgr.addLease(expired);
        Lease4 first = expired.toBuilder().hwaddr(HWAddr.parse("08:00:27:00:00:02")).cltt(NOW).build();
        Lease4 second = expired.toBuilder().hwaddr(HWAddr.parse("08:00:27:00:00:03")).cltt(NOW).build();
        assertTrue(mgr.updateLease4(expired, first), "the first server to reuse the expired lease wins");
        assertFalse(mgr.updateLease4(expired, second), "the second finds it changed");
        assertEquals(first, mgr.getLease4(a4("192.0.2.20")).orElseThrow());
        Lease4 reclaimed = first.toBuilder().state(Lease4.STATE_EXPIRED_RECLAIMED).build();
        assertFalse(mgr.updateLease4(first.toBuilder().state(Lease4.STATE_DECLINED).build(), reclaimed),
                "the state must match too");
        assertFalse(mgr.updateLease4(lease4("192.0.2.21", "08:00:27:00:00:04", null, 1), reclaimed), "no such lease");

        LeaseMgr six = v6();
        Lease6 old = lease6(LeaseType.NA, "2001:db8:1::20", "00:01", 1, 1).toBuilder().cltt(NOW - 100_000).build();
        six.addLease(old);
        Lease6 taken = old.toBuilder().duid(Duid.parse("00:02")).cltt(NOW).build();
        assertTrue(six.updateLease6(old, taken));
        assertFalse(six.updateLease6(old, old.toBuilder().duid(Duid.parse("00:03")).cltt(NOW).build()));
        assertEquals(taken, six.getLease6(LeaseType.NA, a6("2001:db8:1::20")).orElseThrow());
    }

    @Test
    void aConditionalDeleteRemovesOnlyTheLeaseAsRead() throws Exception {
        LeaseMgr mgr = v4();
        Lease4 expired = lease4("192.0.2.30", "08:00:27:00:00:01", null, 1).toBuilder().cltt(NOW - 10_000).build();
        mgr.addLease(expired);
        Lease4 renewed = expired.toBuilder().cltt(NOW).build();
        assertTrue(mgr.updateLease4(expired, renewed));
        assertFalse(mgr.deleteLease4(expired), "a client renewed it meanwhile: it stays");
        assertFalse(mgr.deleteLease4(renewed.toBuilder().state(Lease4.STATE_DECLINED).build()), "the state must match");
        assertTrue(mgr.getLease4(a4("192.0.2.30")).isPresent());
        assertTrue(mgr.deleteLease4(renewed));
        assertTrue(mgr.getLease4(a4("192.0.2.30")).isEmpty());
        assertFalse(mgr.deleteLease4(renewed), "already gone");

        LeaseMgr six = v6();
        Lease6 old = lease6(LeaseType.PD, "2001:db8:8::", "00:01", 1, 1).toBuilder().cltt(NOW - 100_000).build();
        six.addLease(old);
        Lease6 taken = old.toBuilder().cltt(NOW).build();
        assertTrue(six.updateLease6(old, taken));
        assertFalse(six.deleteLease6(old));
        assertTrue(six.deleteLease6(taken));
        assertTrue(six.getLease6(LeaseType.PD, a6("2001:db8:8::")).isEmpty());
    }

    @Test
    void concurrentAddsOfOneAddressHaveOneWinner() throws Exception {
        LeaseMgr mgr = v4();
        int threads = 8;
        AtomicInteger winners = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> list = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < 200; i++) {
                        if (mgr.addLease(lease4("10.0." + (i / 250) + "." + (i % 250), "08:00:27:00:" + n + ":" + (i % 99), null, 1))) {
                            winners.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            list.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread t : list) {
            t.join();
        }
        assertEquals(200, winners.get(), "each address is granted to exactly one caller");
        assertEquals(200, mgr.getLeases4().size());
    }

    // ------------------------------------------------------------------ IPv6

    @Test
    void addGetUpdateDeleteIpv6Leases() throws Exception {
        LeaseMgr mgr = v6();
        Lease6 na = lease6(LeaseType.NA, "2001:db8:1::10", "00:03:00:01:08:00:27:00:00:01", 7, 1);
        Lease6 pd = lease6(LeaseType.PD, "2001:db8:8:100::", "00:03:00:01:08:00:27:00:00:01", 8, 1);
        assertTrue(mgr.addLease(na));
        assertTrue(mgr.addLease(pd));
        assertFalse(mgr.addLease(na));
        assertEquals(na, mgr.getLease6(LeaseType.NA, a6("2001:db8:1::10")).orElseThrow());
        assertTrue(mgr.getLease6(LeaseType.PD, a6("2001:db8:1::10")).isEmpty(), "the type must match");
        assertEquals(56, mgr.getLease6(LeaseType.PD, a6("2001:db8:8:100::")).orElseThrow().prefixLength());
        Duid duid = Duid.parse("00:03:00:01:08:00:27:00:00:01");
        assertEquals(List.of(na), mgr.getLeases6(LeaseType.NA, duid, 7));
        assertEquals(List.of(pd), mgr.getLeases6(LeaseType.PD, duid, 8, 1));
        assertTrue(mgr.getLeases6(LeaseType.NA, duid, 7, 2).isEmpty());
        Lease6 renewed = na.toBuilder().validLifetime(9000).hwaddr(HWAddr.parse("08:00:27:00:00:01")).build();
        mgr.updateLease6(renewed);
        assertEquals(renewed, mgr.getLease6(LeaseType.NA, a6("2001:db8:1::10")).orElseThrow());
        assertThrows(NoSuchLeaseException.class,
                () -> mgr.updateLease6(lease6(LeaseType.NA, "2001:db8:1::99", "00:01", 1, 1)));
        assertTrue(mgr.deleteLease6(LeaseType.NA, a6("2001:db8:1::10")));
        assertTrue(mgr.getLeases6(LeaseType.NA, duid, 7).isEmpty());
        assertEquals(1, mgr.getLeases6().size());
    }

    @Test
    void ipv6ChangesSurviveAReopen() throws Exception {
        LeaseMgr mgr = v6();
        Lease6 na = lease6(LeaseType.NA, "2001:db8:1::10", "00:01:02", 7, 1).toBuilder().hostname("h,1")
                .hwaddr(HWAddr.parse("08:00:27:00:00:01")).build();
        mgr.addLease(na);
        mgr.addLease(lease6(LeaseType.PD, "2001:db8:8::", "00:01:02", 9, 1));
        mgr.deleteLease6(LeaseType.PD, a6("2001:db8:8::"));
        mgr.close();
        LeaseMgr again = track(reopen(6));
        assertEquals(na, again.getLease6(LeaseType.NA, a6("2001:db8:1::10")).orElseThrow());
        assertTrue(again.getLease6(LeaseType.PD, a6("2001:db8:8::")).isEmpty());
    }

    @Test
    void expiredIpv6LeasesAndWipes() throws Exception {
        LeaseMgr mgr = v6();
        mgr.addLease(lease6(LeaseType.NA, "2001:db8:1::1", "00:01", 1, 1).toBuilder().cltt(NOW - 100_000).build());
        mgr.addLease(lease6(LeaseType.NA, "2001:db8:1::2", "00:02", 1, 1));
        mgr.addLease(lease6(LeaseType.NA, "2001:db8:2::1", "00:03", 1, 2));
        assertEquals(1, mgr.getExpiredLeases6(NOW, 0).size());
        assertEquals(2, mgr.wipeLeases6(1));
        assertEquals(1, mgr.getLeases6().size());
        assertEquals(1, mgr.getLeases6(2).size());
    }

    @Test
    void aManagerServesOneUniverse() throws Exception {
        LeaseMgr mgr = v4();
        assertEquals(4, mgr.universe());
        assertThrows(UnsupportedOperationException.class, () -> mgr.getLeases6());
    }
}
