package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSectionTest {

    /** A configuration with {@code subnets} subnets (nulls: only their number is read) and this dhcp-ddns map. */
    private static ServerSection.Config config(int subnets, Map<String, Object> dhcpDdns) {
        return (ServerSection.Config) Proxy.newProxyInstance(ServerSection.Config.class.getClassLoader(),
                new Class<?>[] {ServerSection.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "subnets" -> java.util.Collections.nCopies(subnets, null);
                    case "dhcpDdns" -> dhcpDdns;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theCompletionMessageCountsTheSubnetsAndSaysWhetherDdnsIsOn() {
        assertEquals("added IPv4 subnets: 2; DDNS: disabled", ServerSection.summary(4, config(2, Map.of())));
        assertEquals("added IPv6 subnets: 0; DDNS: enabled",
                ServerSection.summary(6, config(0, Map.of("enable-updates", true))));
        assertEquals("added IPv6 subnets: 1; DDNS: disabled",
                ServerSection.summary(6, config(1, Map.of("enable-updates", false))));
        assertEquals("added IPv4 subnets: 1; DDNS: enabled",
                ServerSection.summary(4, config(1, Map.of("server-ip", "127.0.0.1"))), "a map without the switch: on");
    }
}
