package com.example.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.testing.HookTester;

/** The callout run as kea4j runs it, on pkt4_send's declared arguments, without a server. */
class ExampleHookTest {

    private static HookTester.Outcome send(HookTester tester, Pkt4 response) {
        return tester.call(Dhcp4Hooks.PKT4_SEND).with(Dhcp4Hooks.RESPONSE4, response)
                .with(Dhcp4Hooks.QUERY4, new Pkt4(Pkt4.DHCPREQUEST, response.transid())).run();
    }

    @Test
    void aReplyWithoutADomainNameGetsTheConfiguredOne() {
        try (HookTester tester = HookTester.load(ExampleHook::new, Map.of("domain", "lab.example.net"))) {
            Pkt4 ack = new Pkt4(Pkt4.DHCPACK, 42);
            HookTester.Outcome outcome = send(tester, ack);
            assertEquals(NextStep.CONTINUE, outcome.status());
            assertEquals("lab.example.net", ack.getOption(Options4.DOMAIN_NAME).text());
            assertEquals(List.of("add-domain-name"), tester.callouts(Dhcp4Hooks.PKT4_SEND));
        }
    }

    @Test
    void aDomainNameTheServerSetStays() {
        try (HookTester tester = HookTester.load(ExampleHook::new)) {
            Pkt4 ack = new Pkt4(Pkt4.DHCPACK, 43);
            ack.addOption(Option.text(Options4.DOMAIN_NAME, "from.the.server"));
            send(tester, ack);
            assertEquals("from.the.server", ack.getOption(Options4.DOMAIN_NAME).text());
            assertEquals(1, tester.statistics().get(0).calls());
        }
    }

    @Test
    void aDomainThatIsNotAStringFailsTheLoad() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HookTester.load(ExampleHook::new, Map.of("domain", 42)));
        assertTrue(e.getMessage().startsWith("HOOKS_LOAD_ERROR"), e.getMessage());
    }
}
