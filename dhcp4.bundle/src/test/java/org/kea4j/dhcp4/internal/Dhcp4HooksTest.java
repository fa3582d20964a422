package org.kea4j.dhcp4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kea4j.dhcp4.internal.PipelineHarness.client;
import static org.kea4j.dhcp4.internal.PipelineHarness.ip;
import static org.kea4j.dhcp4.internal.PipelineHarness.parsed;
import static org.kea4j.dhcp4.internal.PipelineHarness.with;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.HWAddr;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.cfg.Subnet4Config;
import org.kea4j.hooks.CalloutHandle;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookNames;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.NextStep;

/** Every DHCPv4 hook point: its arguments, in order, and what skip does. */
class Dhcp4HooksTest {

    private PipelineHarness h;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> arguments = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        h = new PipelineHarness(Dhcp4SrvTest.CONFIG, "192.0.2.1");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** A library that records every DHCPv4 hook point it passes and the argument names it sees. */
    private void recorder() {
        h.library("recorder", handle -> {
            for (HookPoint point : Dhcp4Hooks.ALL) {
                String hook = point.name();
                handle.registerCallout(point, c -> {
                    calls.add(hook);
                    arguments.put(hook, new TreeSet<>(c.getArgumentNames()));
                    return 0;
                });
            }
        });
    }

    private void on(String hook, java.util.function.Consumer<CalloutHandle> callout) {
        h.library("lib-" + hook + "-" + calls.size() + System.nanoTime(), handle -> handle.registerCallout(hook, c -> {
            callout.accept(c);
            return 0;
        }));
    }

    @Test
    void aFourWayExchangePassesEveryHookPointWithKeasArguments() throws Exception {
        recorder();
        Pkt4 ack = h.dora(1);
        assertEquals(Pkt4.DHCPACK, ack.getType());
        assertEquals(List.of(HookNames.BUFFER4_RECEIVE, HookNames.PKT4_RECEIVE, HookNames.SUBNET4_SELECT,
                HookNames.LEASE4_SELECT, HookNames.PKT4_SEND, HookNames.BUFFER4_SEND,
                HookNames.BUFFER4_RECEIVE, HookNames.PKT4_RECEIVE, HookNames.SUBNET4_SELECT,
                HookNames.LEASE4_SELECT, HookNames.PKT4_SEND, HookNames.BUFFER4_SEND), calls);
        assertEquals(Set.of("query4"), arguments.get(HookNames.BUFFER4_RECEIVE));
        assertEquals(Set.of("query4"), arguments.get(HookNames.PKT4_RECEIVE));
        assertEquals(Set.of("query4", "subnet4", "subnet4collection"), arguments.get(HookNames.SUBNET4_SELECT));
        assertEquals(Set.of("query4", "subnet4", "fake_allocation", "host4", "lease4"), arguments.get(HookNames.LEASE4_SELECT));
        assertEquals(Set.of("query4", "response4"), arguments.get(HookNames.PKT4_SEND));
        assertEquals(Set.of("response4"), arguments.get(HookNames.BUFFER4_SEND));

        calls.clear();
        Pkt4 renew = client(Pkt4.DHCPREQUEST, 1);
        renew.setCiaddr(ack.yiaddr());
        h.unicast(renew, ack.yiaddr().getHostAddress());
        assertTrue(calls.contains(HookNames.LEASE4_RENEW));
        assertEquals(Set.of("query4", "subnet4", "clientid", "hwaddr", "host4", "lease4"), arguments.get(HookNames.LEASE4_RENEW));

        Pkt4 release = client(Pkt4.DHCPRELEASE, 1);
        release.setCiaddr(ack.yiaddr());
        h.unicast(release, ack.yiaddr().getHostAddress());
        assertEquals(Set.of("query4", "lease4"), arguments.get(HookNames.LEASE4_RELEASE));

        Pkt4 ack2 = h.dora(2);
        h.broadcast(with(client(Pkt4.DHCPDECLINE, 2), Options4.REQUESTED_ADDRESS, ack2.yiaddr().getHostAddress()));
        assertEquals(Set.of("query4", "lease4"), arguments.get(HookNames.LEASE4_DECLINE));
    }

    @Test
    void argumentsCarryTheServersObjects() throws Exception {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        on(HookNames.SUBNET4_SELECT, c -> {
            seen.put("subnet4", c.getArgument("subnet4"));
            seen.put("subnet4collection", c.getArgument("subnet4collection"));
        });
        on(HookNames.LEASE4_SELECT, c -> {
            seen.put("fake_allocation:" + c.getArgument("fake_allocation"), c.getArgument("lease4"));
        });
        h.dora(1);
        assertEquals(1, ((Subnet4Config) seen.get("subnet4")).id());
        assertEquals(3, ((List<?>) seen.get("subnet4collection")).size());
        assertInstanceOf(Lease4.class, seen.get("fake_allocation:true"), "DISCOVER");
        assertInstanceOf(Lease4.class, seen.get("fake_allocation:false"), "REQUEST");
    }

    @Test
    void buffer4ReceiveMayRewriteTheBytesOrDrop() throws Exception {
        on(HookNames.BUFFER4_RECEIVE, c -> {
            Pkt4 q = c.getArgument("query4", Pkt4.class);
            byte[] raw = q.rawData();
            raw[28 + 5] = 0x42; // rewrite the last byte of chaddr before parsing
            q.setRawData(raw);
        });
        Pkt4 offer = parsed(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)));
        assertEquals(0x42, offer.hwaddrBytes()[5] & 0xFF);
        on(HookNames.BUFFER4_RECEIVE, c -> c.setStatus(NextStep.DROP));
        assertNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)));
    }

    @Test
    void buffer4ReceiveSkipLeavesParsingToTheCallout() throws Exception {
        on(HookNames.BUFFER4_RECEIVE, c -> {
            c.setSkip(true); // the callout parses: here it only sets the type and hwaddr
            Pkt4 q = c.getArgument("query4", Pkt4.class);
            q.setType(Pkt4.DHCPDISCOVER);
            q.setHWAddr(1, new byte[] {2, 2, 2, 2, 2, 2});
        });
        Pkt4 offer = parsed(h.receiveBytes(new byte[10], "0.0.0.0", 68, "255.255.255.255"));
        assertEquals(Pkt4.DHCPOFFER, offer.getType(), "unparseable bytes, but the callout made a packet");
    }

    @Test
    void pkt4ReceiveSkipDropsThePacket() throws Exception {
        on(HookNames.PKT4_RECEIVE, c -> c.setSkip(true));
        assertNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)));
    }

    @Test
    void subnet4SelectMayChooseAnotherSubnetOrNone() throws Exception {
        on(HookNames.SUBNET4_SELECT, c -> {
            List<?> all = c.getArgument("subnet4collection");
            c.setArgument("subnet4", all.get(1));
        });
        assertEquals(ip("198.51.100.10"), parsed(h.broadcast(client(Pkt4.DHCPDISCOVER, 1))).yiaddr());
        on(HookNames.SUBNET4_SELECT, c -> c.setSkip(true));
        assertNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 2)), "no subnet: no offer");
    }

    @Test
    void lease4SelectMayChangeTheLeaseOrRefuseIt() throws Exception {
        on(HookNames.LEASE4_SELECT, c -> {
            Lease4 l = c.getArgument("lease4", Lease4.class);
            c.setArgument("lease4", l.toBuilder().validLifetime(77).build());
        });
        Pkt4 ack = h.dora(1);
        assertEquals(77, ack.getOption(Options4.LEASE_TIME).uint32());
        assertEquals(77, h.leases.getLease4(ack.yiaddr()).orElseThrow().validLifetime(), "stored as changed");
        on(HookNames.LEASE4_SELECT, c -> c.setSkip(true));
        assertNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 2)), "candidate refused: no offer");
    }

    @Test
    void lease4RenewSkipKeepsTheOldLease() throws Exception {
        Pkt4 ack = h.dora(1);
        Lease4 before = h.leases.getLease4(ack.yiaddr()).orElseThrow();
        h.leases.updateLease4(before.toBuilder().cltt(before.cltt() - 100).build());
        on(HookNames.LEASE4_RENEW, c -> {
            assertInstanceOf(HWAddr.class, c.getArgument("hwaddr"));
            c.setSkip(true);
        });
        Pkt4 renew = client(Pkt4.DHCPREQUEST, 1);
        renew.setCiaddr(ack.yiaddr());
        assertEquals(Pkt4.DHCPACK, parsed(h.unicast(renew, ack.yiaddr().getHostAddress())).getType());
        assertEquals(before.cltt() - 100, h.leases.getLease4(ack.yiaddr()).orElseThrow().cltt(), "not updated");
    }

    @Test
    void lease4ReleaseSkipKeepsTheLease() throws Exception {
        Pkt4 ack = h.dora(1);
        on(HookNames.LEASE4_RELEASE, c -> c.setSkip(true));
        Pkt4 release = client(Pkt4.DHCPRELEASE, 1);
        release.setCiaddr(ack.yiaddr());
        h.unicast(release, ack.yiaddr().getHostAddress());
        assertTrue(h.leases.getLease4(ack.yiaddr()).isPresent());
    }

    @Test
    void lease4DeclineSkipLeavesTheLeaseAsItIs() throws Exception {
        Pkt4 ack = h.dora(1);
        on(HookNames.LEASE4_DECLINE, c -> c.setStatus(NextStep.SKIP));
        h.broadcast(with(client(Pkt4.DHCPDECLINE, 1), Options4.REQUESTED_ADDRESS, ack.yiaddr().getHostAddress()));
        assertEquals(Lease4.STATE_DEFAULT, h.leases.getLease4(ack.yiaddr()).orElseThrow().state());
    }

    @Test
    void pkt4SendMayChangeTheResponseOrPackItself() throws Exception {
        on(HookNames.PKT4_SEND, c -> {
            Pkt4 r = c.getArgument("response4", Pkt4.class);
            r.addOption(Option.text(Options4.MESSAGE, "hello from a hook"));
        });
        assertEquals("hello from a hook", parsed(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)))
                .getOption(Options4.MESSAGE).text());
        on(HookNames.PKT4_SEND, c -> {
            c.setSkip(true);
            c.getArgument("response4", Pkt4.class).setBuffer(new byte[] {7, 7});
        });
        assertEquals(2, h.broadcast(client(Pkt4.DHCPDISCOVER, 2)).data().length, "the callout's own buffer");
    }

    @Test
    void buffer4SendSkipDropsTheResponseAfterTheLeaseIsStored() throws Exception {
        on(HookNames.BUFFER4_SEND, c -> {
            Pkt4 r = c.getArgument("response4", Pkt4.class);
            if (r.getType() == Pkt4.DHCPACK) {
                c.setSkip(true);
            }
        });
        Pkt4 offer = parsed(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)));
        Pkt4 request = with(client(Pkt4.DHCPREQUEST, 1), Options4.REQUESTED_ADDRESS, offer.yiaddr().getHostAddress());
        assertNull(h.broadcast(with(request, Options4.SERVER_IDENTIFIER, "192.0.2.1")));
        assertTrue(h.leases.getLease4(offer.yiaddr()).isPresent());
    }

    @Test
    void contextLivesFromReceiveToSendOfOnePacket() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        h.library("ctx", handle -> {
            handle.registerCallout(HookNames.PKT4_RECEIVE, c -> {
                c.setContext("xid", c.getArgument("query4", Pkt4.class).transid());
                return 0;
            });
            handle.registerCallout(HookNames.PKT4_SEND, c -> {
                seen.add(c.getContext("xid"));
                return 0;
            });
        });
        h.broadcast(client(Pkt4.DHCPDISCOVER, 3));
        assertEquals(List.of(1003L), seen);
    }

    @Test
    void aThrowingCalloutDoesNotStopTheServer() throws Exception {
        on(HookNames.PKT4_RECEIVE, c -> {
            throw new IllegalStateException("bug in a hook");
        });
        assertNotNull(h.broadcast(client(Pkt4.DHCPDISCOVER, 1)), "the exception is logged, the packet served");
    }
}
