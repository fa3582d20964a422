package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withIas;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withServerId;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Duid;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.alloc.LeaseReclamation6;
import org.kea4j.hooks.DeclarationChecker;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.HookPoint;

/** Every DHCPv6 call site against its declaration in {@link Dhcp6Hooks}: each hook point reached, as declared. */
class Dhcp6HookDeclarationsTest {

    private PipelineHarness6 h;
    private final DeclarationChecker checker = new DeclarationChecker();

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness6(Dhcp6SrvTest.CONFIG);
        h.library("checker", handle -> checker.register(handle, Dhcp6Hooks.ALL));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Pkt6 from(int type, int transid, Pkt6 reply, int n, boolean serverId) {
        Pkt6 p = withIas(serverId ? withServerId(new Pkt6(type, transid)) : new Pkt6(type, transid), reply);
        p.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(n)));
        return p;
    }

    @Test
    void everyHookPointIsCalledWithExactlyItsDeclaredArguments() throws Exception {
        Pkt6 reply = h.sarr(1, true, true);
        h.multicast(from(Pkt6.RENEW, 0x3001, reply, 1, true), 1);
        h.multicast(from(Pkt6.REBIND, 0x4001, reply, 1, false), 1);
        h.multicast(from(Pkt6.RELEASE, 0x5001, reply, 1, true), 1);
        Pkt6 reply2 = h.sarr(2, true, false);
        h.multicast(from(Pkt6.DECLINE, 0x6002, reply2, 2, true), 2);
        long now = System.currentTimeMillis() / 1000;
        h.leases.addLease(Lease6.builder(LeaseType.NA, (Inet6Address) InetAddress.getByName("2001:db8:1::1:40"))
                .duid(new Duid(PipelineHarness6.duid(40))).iaid(1).validLifetime(10).preferredLifetime(5)
                .cltt(now - 100).subnetId(1).build());
        h.leases.addLease(Lease6.builder(LeaseType.NA, (Inet6Address) InetAddress.getByName("2001:db8:1::1:41"))
                .duid(new Duid(new byte[] {0})).iaid(1).validLifetime(10).cltt(now - 100).subnetId(1)
                .state(Lease4.STATE_DECLINED).build());
        new LeaseReclamation6(h.hooks).reclaim(h.leases, now, 0, false);

        assertEquals(List.of(), checker.problems());
        assertEquals(Dhcp6Hooks.ALL.stream().map(HookPoint::name).collect(Collectors.toSet()), checker.reached(),
                "every declared DHCPv6 hook point is called");
    }

    @Test
    void declarationsNameKeasHookPointsAndArguments() {
        assertEquals(Set.of("buffer6_receive", "pkt6_receive", "subnet6_select", "lease6_select", "lease6_renew",
                "lease6_rebind", "lease6_release", "lease6_decline", "pkt6_send", "buffer6_send", "lease6_expire",
                "lease6_recover"), Dhcp6Hooks.ALL.stream().map(HookPoint::name).collect(Collectors.toSet()));
        // Kea's arguments, and subnet6 and host6, which kea4j adds (the DDNS callouts need them)
        assertEquals("[query6 (Pkt6, in), subnet6 (Subnet6, in), host6 (Reservation6, in), lease6 (Lease6, in/out),"
                + " ia_na (Option, in/out, for an"
                + " address lease), ia_pd (Option, in/out, for a delegated prefix)]",
                Dhcp6Hooks.LEASE6_RENEW.parameters().toString());
    }
}
