package org.kea4j.hooks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;

class HookTesterTest {

    /** Remembers the client's message type in pkt4_receive and drops the reply to a DISCOVER in pkt4_send. */
    static final class Library implements HookLibrary {
        static final AtomicInteger LOADS = new AtomicInteger();

        @Override
        public int version() {
            return FRAMEWORK_VERSION;
        }

        @Override
        public int load(LibraryHandle handle) {
            LOADS.incrementAndGet();
            handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, "remember-type", h -> {
                h.setContext("type", h.get(Dhcp4Hooks.QUERY4).getType());
                return 0;
            });
            handle.registerCallout(Dhcp4Hooks.PKT4_SEND, "drop-offers", h -> {
                if ((int) h.getContext("type") == Pkt4.DHCPDISCOVER) {
                    h.setStatus(NextStep.DROP);
                }
                return 0;
            });
            return 0;
        }
    }

    @Test
    void aPacketCarriesTheLibrarysContextFromHookPointToHookPoint() {
        try (HookTester tester = HookTester.load(Library::new)) {
            try (HookTester.Packet packet = tester.packet()) {
                packet.call(Dhcp4Hooks.PKT4_RECEIVE).with(Dhcp4Hooks.QUERY4, new Pkt4(Pkt4.DHCPDISCOVER, 1)).run();
                HookTester.Outcome send = packet.call(Dhcp4Hooks.PKT4_SEND)
                        .with(Dhcp4Hooks.RESPONSE4, new Pkt4(Pkt4.DHCPOFFER, 1))
                        .with(Dhcp4Hooks.QUERY4, new Pkt4(Pkt4.DHCPDISCOVER, 1)).run();
                assertEquals(NextStep.DROP, send.status());
            }
            assertEquals(List.of("remember-type"), tester.callouts(Dhcp4Hooks.PKT4_RECEIVE));
            assertEquals(2, tester.statistics().size());
        }
    }

    @Test
    void callsAreCheckedAgainstTheDeclarationAndStatusesTheHookPointDoesNotKnowAreContinue() {
        try (HookTester tester = HookTester.load(() -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout(Dhcp4Hooks.LEASE4_EXPIRE, h -> {
                    h.setStatus(NextStep.DROP);
                    h.set(Dhcp4Hooks.REMOVE_LEASE, true);
                    return 0;
                });
                return 0;
            }
        })) {
            assertThrows(IllegalArgumentException.class,
                    () -> tester.call(Dhcp4Hooks.LEASE4_EXPIRE).with(Argument.of("other", String.class, ""), "x"));
            assertThrows(IllegalStateException.class, () -> tester.call(Dhcp4Hooks.LEASE4_EXPIRE)
                    .with(Dhcp4Hooks.REMOVE_LEASE, false).run(), "lease4 left out");
            HookTester.Outcome out = tester.call(Dhcp4Hooks.LEASE4_EXPIRE)
                    .with(Dhcp4Hooks.LEASE4, Lease4.builder(Pkt4Addresses.ONE).build())
                    .with(Dhcp4Hooks.REMOVE_LEASE, false).run();
            assertEquals(NextStep.CONTINUE, out.status(), "lease4_expire gives DROP no meaning");
            assertEquals(NextStep.DROP, out.statusSet());
            assertTrue(out.get(Dhcp4Hooks.REMOVE_LEASE));
        }
    }

    @Test
    void reloadLoadsAFreshInstanceAndAFailingLoadSaysWhy() {
        int before = Library.LOADS.get();
        try (HookTester tester = HookTester.load(Library::new, Map.of())) {
            tester.reload();
        }
        assertEquals(before + 2, Library.LOADS.get());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HookTester.load(() -> new HookLibrary() {
            @Override
            public int version() {
                return 7;
            }
        }));
        assertEquals("HOOKS_INCORRECT_VERSION hook library library-under-test is at version 7, require version 1",
                e.getMessage());
    }

    /** An address for test leases. */
    static final class Pkt4Addresses {
        static final java.net.Inet4Address ONE;

        static {
            try {
                ONE = (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.1");
            } catch (java.net.UnknownHostException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
