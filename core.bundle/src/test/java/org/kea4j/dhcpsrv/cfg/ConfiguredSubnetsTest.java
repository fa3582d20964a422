package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcpsrv.Prefix;
import org.kea4j.dhcpsrv.Subnet;
import org.kea4j.dhcpsrv.Subnet4;
import org.kea4j.dhcpsrv.Subnet6;

class ConfiguredSubnetsTest {

    /** A subnet of {@code type} that answers its id, prefix and lifetimes (nothing else is asked). */
    private static <T extends Subnet> T subnet(Class<T> type, long id, String prefix, long valid, long preferred) {
        Map<String, Object> answers = Map.of("id", id, "prefix", Prefix.parse(prefix), "validLifetime", valid,
                "preferredLifetime", preferred);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        }));
    }

    @Test
    void findsTheSubnetOfAnAddressAndItsLifetimes() throws Exception {
        ConfiguredSubnets v6 = new ConfiguredSubnets(6, List.of(
                subnet(Subnet6.class, 1, "2001:db8:1::/64", 4000, 3000),
                subnet(Subnet6.class, 2, "2001:db8:2::/64", 5000, 2500)));
        assertEquals(OptionalLong.of(2), v6.subnetFor(InetAddress.getByName("2001:db8:2::10")));
        assertEquals(OptionalLong.empty(), v6.subnetFor(InetAddress.getByName("2001:db8:3::10")));
        assertTrue(v6.contains(1, InetAddress.getByName("2001:db8:1::ff")));
        assertFalse(v6.contains(1, InetAddress.getByName("2001:db8:2::ff")), "in another subnet");
        assertFalse(v6.contains(7, InetAddress.getByName("2001:db8:1::ff")), "no subnet 7");
        assertTrue(v6.exists(2));
        assertFalse(v6.exists(3));
        assertEquals(5000, v6.validLifetime(2));
        assertEquals(2500, v6.preferredLifetime(2));
    }

    @Test
    void aSubnetNotConfiguredHasKeasDefaultLifetimes() {
        ConfiguredSubnets v6 = new ConfiguredSubnets(6, List.of());
        assertEquals(7200, v6.validLifetime(9));
        assertEquals(3600, v6.preferredLifetime(9));
        ConfiguredSubnets v4 = new ConfiguredSubnets(4, List.of());
        assertEquals(7200, v4.validLifetime(9));
        assertEquals(7200, v4.preferredLifetime(9), "IPv4 has no preferred lifetime: the valid one");
    }

    @Test
    void anIpv4SubnetsPreferredLifetimeIsItsValidOne() throws Exception {
        ConfiguredSubnets v4 = new ConfiguredSubnets(4, List.of(subnet(Subnet4.class, 5, "192.0.2.0/24", 600, 0)));
        assertEquals(OptionalLong.of(5), v4.subnetFor(InetAddress.getByName("192.0.2.9")));
        assertEquals(600, v4.validLifetime(5));
        assertEquals(600, v4.preferredLifetime(5));
    }
}
