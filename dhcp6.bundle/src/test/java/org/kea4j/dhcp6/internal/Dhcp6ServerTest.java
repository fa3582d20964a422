package org.kea4j.dhcp6.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kea4j.dhcp.transport.Iface;

class Dhcp6ServerTest {

    private static final Iface ETH = new Iface("eth-test", 4242, List.of(), true, false, new byte[6]);

    @Test
    void linkScopeAddressesTakeTheInterfaceIndexWithoutAnInterfaceLookup() throws Exception {
        // index 4242 names no interface of this host: the scope is the index, nothing is looked up
        Inet6Address linkLocal = (Inet6Address) Dhcp6Server.scoped(InetAddress.getByName("fe80::1"), ETH);
        assertEquals(4242, linkLocal.getScopeId());
        assertEquals(InetAddress.getByName("fe80::1"), Inet6Address.getByAddress(null, linkLocal.getAddress()));
        Inet6Address group = (Inet6Address) Dhcp6Server.scoped(InetAddress.getByName("ff02::1:2"), ETH);
        assertEquals(4242, group.getScopeId());
        InetAddress global = InetAddress.getByName("2001:db8::1");
        assertSame(global, Dhcp6Server.scoped(global, ETH));
    }
}
