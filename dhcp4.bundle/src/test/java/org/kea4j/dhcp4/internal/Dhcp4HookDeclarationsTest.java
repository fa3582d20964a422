package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kea4j.dhcp4.internal.PipelineHarness.client;
import static org.kea4j.dhcp4.internal.PipelineHarness.ip;
import static org.kea4j.dhcp4.internal.PipelineHarness.with;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation4;
import org.kea4j.hooks.DeclarationChecker;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookPoint;

/** Every DHCPv4 call site against its declaration in {@link Dhcp4Hooks}: each hook point reached, as declared. */
class Dhcp4HookDeclarationsTest {

    private PipelineHarness h;
    private final DeclarationChecker checker = new DeclarationChecker();

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness(Dhcp4SrvTest.CONFIG, "192.0.2.1");
        h.library("checker", handle -> checker.register(handle, Dhcp4Hooks.ALL));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void everyHookPointIsCalledWithExactlyItsDeclaredArguments() throws Exception {
        Pkt4 ack = h.dora(1);
        Pkt4 renew = client(Pkt4.DHCPREQUEST, 1);
        renew.setCiaddr(ack.yiaddr());
        h.unicast(renew, ack.yiaddr().getHostAddress());
        Pkt4 release = client(Pkt4.DHCPRELEASE, 1);
        release.setCiaddr(ack.yiaddr());
        h.unicast(release, ack.yiaddr().getHostAddress());
        Pkt4 ack2 = h.dora(2);
        h.broadcast(with(client(Pkt4.DHCPDECLINE, 2), Options4.REQUESTED_ADDRESS, ack2.yiaddr().getHostAddress()));
        long now = System.currentTimeMillis() / 1000;
        h.leases.addLease(Lease4.builder(ip("192.0.2.40")).hwaddr(HWAddr.ethernet(new byte[] {1, 2, 3, 4, 5, 6}))
                .validLifetime(10).cltt(now - 100).subnetId(1).build());
        h.leases.addLease(Lease4.builder(ip("192.0.2.41")).validLifetime(10).cltt(now - 100).subnetId(1)
                .state(Lease4.STATE_DECLINED).build());
        new LeaseReclamation4(h.hooks).reclaim(h.leases, now, 0, false);

        assertEquals(List.of(), checker.problems());
        assertEquals(Dhcp4Hooks.ALL.stream().map(HookPoint::name).collect(Collectors.toSet()), checker.reached(),
                "every declared DHCPv4 hook point is called");
    }

    @Test
    void declarationsNameKeasHookPointsAndArguments() {
        assertEquals(Set.of("buffer4_receive", "pkt4_receive", "subnet4_select", "lease4_select", "lease4_renew",
                "lease4_release", "lease4_decline", "pkt4_send", "buffer4_send", "lease4_expire", "lease4_recover"),
                Dhcp4Hooks.ALL.stream().map(HookPoint::name).collect(Collectors.toSet()));
        assertEquals("[query4 (Pkt4, in/out), subnet4 (Subnet4, in/out), subnet4collection (List<Subnet4>, in)]",
                Dhcp4Hooks.SUBNET4_SELECT.parameters().toString());
        // Kea's arguments, and host4, which kea4j adds (the DDNS callouts name a reserved host after its reservation)
        assertEquals("[query4 (Pkt4, in), subnet4 (Subnet4, in), clientid (ClientId, in), hwaddr (HWAddr, in),"
                + " host4 (Reservation4, in), lease4 (Lease4, in/out)]", Dhcp4Hooks.LEASE4_RENEW.parameters().toString());
    }
}
