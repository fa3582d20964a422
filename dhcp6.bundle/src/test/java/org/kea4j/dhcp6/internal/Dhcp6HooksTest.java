package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp6.internal.PipelineHarness6.client;
import static org.kea4j.dhcp6.internal.PipelineHarness6.ia;
import static org.kea4j.dhcp6.internal.PipelineHarness6.parsed;
import static org.kea4j.dhcp6.internal.PipelineHarness6.status;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withIas;
import static org.kea4j.dhcp6.internal.PipelineHarness6.withServerId;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;
import org.kea4j.dhcpsrv.cfg.Subnet6Config;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.HookNames;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.NextStep;

/** Every DHCPv6 hook point: its arguments, in order, and what skip does. */
class Dhcp6HooksTest {

    private PipelineHarness6 h;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> arguments = new ConcurrentHashMap<>();
    private int libraries;

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness6(Dhcp6SrvTest.CONFIG);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void on(String hook, java.util.function.Consumer<CalloutHandle> callout) {
        h.library("lib" + (++libraries), handle -> handle.registerCallout(hook, c -> {
            callout.accept(c);
            return 0;
        }));
    }

    private Pkt6 renew(Pkt6 reply, int n) {
        Pkt6 renew = withIas(withServerId(new Pkt6(Pkt6.RENEW, 0x3000 + n)), reply);
        renew.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(n)));
        return renew;
    }

    @Test
    void aFourWayExchangePassesEveryHookPointWithKeasArguments() throws Exception {
        h.library("recorder", handle -> {
            for (HookPoint point : Dhcp6Hooks.ALL) {
                String hook = point.name();
                handle.registerCallout(point, c -> {
                    calls.add(hook);
                    arguments.put(hook, new TreeSet<>(c.getArgumentNames()));
                    return 0;
                });
            }
        });
        Pkt6 reply = h.sarr(1, true, true);
        assertEquals(List.of(HookNames.BUFFER6_RECEIVE, HookNames.PKT6_RECEIVE, HookNames.SUBNET6_SELECT,
                HookNames.LEASE6_SELECT, HookNames.LEASE6_SELECT, HookNames.PKT6_SEND, HookNames.BUFFER6_SEND,
                HookNames.BUFFER6_RECEIVE, HookNames.PKT6_RECEIVE, HookNames.SUBNET6_SELECT,
                HookNames.LEASE6_SELECT, HookNames.LEASE6_SELECT, HookNames.PKT6_SEND, HookNames.BUFFER6_SEND), calls);
        assertEquals(Set.of("query6"), arguments.get(HookNames.BUFFER6_RECEIVE));
        assertEquals(Set.of("query6"), arguments.get(HookNames.PKT6_RECEIVE));
        assertEquals(Set.of("query6", "subnet6", "subnet6collection"), arguments.get(HookNames.SUBNET6_SELECT));
        assertEquals(Set.of("query6", "subnet6", "fake_allocation", "host6", "lease6"), arguments.get(HookNames.LEASE6_SELECT));
        assertEquals(Set.of("query6", "response6"), arguments.get(HookNames.PKT6_SEND));
        assertEquals(Set.of("response6"), arguments.get(HookNames.BUFFER6_SEND));

        h.multicast(renew(reply, 1), 1);
        assertEquals(Set.of("query6", "subnet6", "host6", "lease6", "ia_pd"), arguments.get(HookNames.LEASE6_RENEW),
                "the last IA is a PD");
        Pkt6 rebind = withIas(new Pkt6(Pkt6.REBIND, 0x4001), reply);
        rebind.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        h.multicast(rebind, 1);
        assertTrue(calls.contains(HookNames.LEASE6_REBIND));
        Pkt6 release = withIas(withServerId(new Pkt6(Pkt6.RELEASE, 0x5001)), reply);
        release.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        h.multicast(release, 1);
        assertEquals(Set.of("query6", "lease6"), arguments.get(HookNames.LEASE6_RELEASE));
        Pkt6 reply2 = h.sarr(2, true, false);
        Pkt6 decline = withIas(withServerId(new Pkt6(Pkt6.DECLINE, 0x6002)), reply2);
        decline.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(2)));
        h.multicast(decline, 2);
        assertEquals(Set.of("query6", "lease6"), arguments.get(HookNames.LEASE6_DECLINE));
    }

    @Test
    void pkt6ReceiveSkipDrops() throws Exception {
        on(HookNames.PKT6_RECEIVE, c -> c.setSkip(true));
        assertNull(h.multicast(client(Pkt6.SOLICIT, 1, true, false), 1));
    }

    @Test
    void buffer6ReceiveDropAndSkip() throws Exception {
        on(HookNames.BUFFER6_RECEIVE, c -> c.setStatus(NextStep.DROP));
        assertNull(h.multicast(client(Pkt6.SOLICIT, 1, true, false), 1));
    }

    @Test
    void subnet6SelectMayChooseAnotherSubnetOrNone() throws Exception {
        on(HookNames.SUBNET6_SELECT, c -> c.setArgument("subnet6", ((List<?>) c.getArgument("subnet6collection")).get(2)));
        Pkt6 advertise = parsed(h.multicast(client(Pkt6.SOLICIT, 1, true, false), 1));
        assertTrue(Options6.IaAddr.of(ia(advertise, Options6.IA_NA).options(Options6.IAADDR).get(0)).address()
                .getHostAddress().startsWith("2001:db8:3:"));
        on(HookNames.SUBNET6_SELECT, c -> c.setSkip(true));
        assertEquals(Options6.STATUS_NO_ADDRS_AVAIL, status(ia(parsed(h.multicast(client(Pkt6.SOLICIT, 2, true,
                false), 2)), Options6.IA_NA)));
    }

    @Test
    void lease6SelectMayChangeOrRefuse() throws Exception {
        on(HookNames.LEASE6_SELECT, c -> {
            Lease6 l = c.getArgument("lease6", Lease6.class);
            assertInstanceOf(Subnet6Config.class, c.getArgument("subnet6"));
            c.setArgument("lease6", l.toBuilder().validLifetime(99).preferredLifetime(50).build());
        });
        Pkt6 reply = h.sarr(1, true, false);
        Options6.IaAddr a = Options6.IaAddr.of(ia(reply, Options6.IA_NA).options(Options6.IAADDR).get(0));
        assertEquals(99, a.valid());
        assertEquals(99, h.leases.getLease6(LeaseType.NA, a.address()).orElseThrow().validLifetime());
        on(HookNames.LEASE6_SELECT, c -> c.setSkip(true));
        assertEquals(Options6.STATUS_NO_ADDRS_AVAIL, status(ia(parsed(h.multicast(client(Pkt6.SOLICIT, 2, true,
                false), 2)), Options6.IA_NA)));
    }

    @Test
    void lease6RenewSkipKeepsTheOldLease() throws Exception {
        Pkt6 reply = h.sarr(1, true, false);
        Options6.IaAddr a = Options6.IaAddr.of(ia(reply, Options6.IA_NA).options(Options6.IAADDR).get(0));
        Lease6 before = h.leases.getLease6(LeaseType.NA, a.address()).orElseThrow();
        h.leases.updateLease6(before.toBuilder().cltt(before.cltt() - 100).build());
        on(HookNames.LEASE6_RENEW, c -> {
            assertNotNull(c.getArgument("ia_na"));
            c.setSkip(true);
        });
        h.multicast(renew(reply, 1), 1);
        assertEquals(before.cltt() - 100, h.leases.getLease6(LeaseType.NA, a.address()).orElseThrow().cltt());
    }

    @Test
    void lease6ReleaseSkipKeepsTheLeaseAndSaysUnspecFail() throws Exception {
        Pkt6 reply = h.sarr(1, true, false);
        on(HookNames.LEASE6_RELEASE, c -> c.setSkip(true));
        Pkt6 release = withIas(withServerId(new Pkt6(Pkt6.RELEASE, 0x5001)), reply);
        release.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        Pkt6 answer = parsed(h.multicast(release, 1));
        assertEquals(Options6.STATUS_UNSPEC_FAIL, status(ia(answer, Options6.IA_NA)));
        assertEquals(1, h.leases.getLeases6().size());
    }

    @Test
    void lease6DeclineSkipAnswersButChangesNothingAndDropIsSilent() throws Exception {
        Pkt6 reply = h.sarr(1, true, false);
        Pkt6 decline = withIas(withServerId(new Pkt6(Pkt6.DECLINE, 0x6001)), reply);
        decline.addOption(new Option(Options6.CLIENTID, PipelineHarness6.duid(1)));
        on(HookNames.LEASE6_DECLINE, c -> c.setStatus(NextStep.SKIP));
        assertEquals(Options6.STATUS_SUCCESS, status(ia(parsed(h.multicast(decline, 1)), Options6.IA_NA)));
        assertEquals(Lease4.STATE_DEFAULT, h.leases.getLeases6().get(0).state());
        on(HookNames.LEASE6_DECLINE, c -> c.setStatus(NextStep.DROP));
        assertNull(h.multicast(decline, 1));
    }

    @Test
    void pkt6SendAndBuffer6Send() throws Exception {
        on(HookNames.PKT6_SEND, c -> c.getArgument("response6", Pkt6.class)
                .addOption(new Option(Options6.PREFERENCE, new byte[] {(byte) 255})));
        assertEquals(255, parsed(h.multicast(client(Pkt6.SOLICIT, 1, true, false), 1))
                .getOption(Options6.PREFERENCE).uint8());
        on(HookNames.BUFFER6_SEND, c -> c.setSkip(true));
        assertNull(h.multicast(client(Pkt6.SOLICIT, 2, true, false), 2));
    }
}
