package org.kea4j.usercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcp.Hex;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options6;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcp.Pkt6;
import org.kea4j.dhcpsrv.Subnet4;
import org.kea4j.dhcpsrv.Subnet6;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.testing.HookTester;

/** user_chk's callouts, run with the hooks SDK's HookTester on each hook point's declared arguments. */
class UserCheckTest {

    static final byte[] REGISTERED_MAC = Hex.parse("02:00:00:00:00:01");
    static final byte[] STRANGER_MAC = Hex.parse("02:00:00:00:00:99");
    static final byte[] REGISTERED_DUID = Hex.parse("00:03:00:01:02:00:00:00:00:01");
    static final byte[] STRANGER_DUID = Hex.parse("00:03:00:01:02:00:00:00:00:99");

    @TempDir
    Path dir;
    private Path registry;
    private Path outcome;

    @BeforeEach
    void files() throws Exception {
        registry = dir.resolve("registry.txt");
        outcome = dir.resolve("outcome.txt");
        Files.writeString(registry, """
                {"type": "HW_ADDR", "id": "02:00:00:00:00:01", "bootfile": "/boot/registered", "tftp_server": "tftp.lab"}
                {"type": "HW_ADDR", "id": "00000000", "bootfile": "/boot/guest"}
                {"type": "DUID", "id": "00:03:00:01:02:00:00:00:00:01", "bootfile": "/boot/v6", "tftp_server": "tftp6.lab"}
                """);
    }

    private HookTester load() {
        return HookTester.load(UserCheck::new, Map.of(UserCheck.REGISTRY_FILE, registry.toString(),
                UserCheck.OUTCOME_FILE, outcome.toString()));
    }

    /** A subnet view with an id and nothing else, as the collection hands it to the callout. */
    @SuppressWarnings("unchecked")
    static <S> S subnet(Class<S> type, long id) {
        return (S) Proxy.newProxyInstance(UserCheckTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "toString" -> type.getSimpleName() + " " + id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    static Pkt4 query(byte[] mac) {
        Pkt4 p = new Pkt4(Pkt4.DHCPDISCOVER, 7);
        p.setHWAddr(1, mac);
        return p;
    }

    private static Subnet4 selected4(HookTester tester, byte[] mac, List<Subnet4> subnets) {
        return tester.call(Dhcp4Hooks.SUBNET4_SELECT).with(Dhcp4Hooks.QUERY4, query(mac))
                .with(Dhcp4Hooks.SUBNET4, subnets.get(0)).with(Dhcp4Hooks.SUBNET4COLLECTION, subnets).run()
                .get(Dhcp4Hooks.SUBNET4);
    }

    @Test
    void anUnregisteredClientIsMovedToTheSubnetWithTheHighestIdAndARegisteredOneStays() {
        List<Subnet4> subnets = List.of(subnet(Subnet4.class, 1), subnet(Subnet4.class, 2), subnet(Subnet4.class, 9));
        try (HookTester tester = load()) {
            assertEquals(9, selected4(tester, STRANGER_MAC, subnets).id());
            assertSame(subnets.get(0), selected4(tester, REGISTERED_MAC, subnets));
            Subnet4 none = tester.call(Dhcp4Hooks.SUBNET4_SELECT).with(Dhcp4Hooks.QUERY4, query(STRANGER_MAC))
                    .with(Dhcp4Hooks.SUBNET4, null).with(Dhcp4Hooks.SUBNET4COLLECTION, List.of()).run()
                    .get(Dhcp4Hooks.SUBNET4);
            assertNull(none, "no subnets: nothing to move to");
        }
    }

    @Test
    void theDecisionUsesTheContextOfTheSamePacket() throws Exception {
        List<Subnet4> subnets = List.of(subnet(Subnet4.class, 1), subnet(Subnet4.class, 2));
        try (HookTester tester = load(); HookTester.Packet packet = tester.packet()) {
            packet.call(Dhcp4Hooks.PKT4_RECEIVE).with(Dhcp4Hooks.QUERY4, query(STRANGER_MAC)).run();
            Files.writeString(registry, "{\"type\": \"HW_ADDR\", \"id\": \"02:00:00:00:00:99\"}\n",
                    java.nio.file.StandardOpenOption.APPEND);
            HookTester.Outcome out = packet.call(Dhcp4Hooks.SUBNET4_SELECT).with(Dhcp4Hooks.QUERY4, query(STRANGER_MAC))
                    .with(Dhcp4Hooks.SUBNET4, subnets.get(0)).with(Dhcp4Hooks.SUBNET4COLLECTION, subnets).run();
            assertEquals(2, out.get(Dhcp4Hooks.SUBNET4).id(), "pkt4_receive found the client unregistered");
        }
    }

    @Test
    void eachReplyButANakLeavesAnOutcomeRecordAndTheUsersAttributes() throws Exception {
        try (HookTester tester = load()) {
            Pkt4 ack = new Pkt4(Pkt4.DHCPACK, 7);
            ack.setYiaddr((Inet4Address) InetAddress.getByName("192.0.2.10"));
            tester.call(Dhcp4Hooks.PKT4_SEND).with(Dhcp4Hooks.RESPONSE4, ack).with(Dhcp4Hooks.QUERY4,
                    query(REGISTERED_MAC)).run();
            assertEquals("/boot/registered", ack.getOption(Dhcp4Callouts.BOOT_FILE_NAME).text());
            assertEquals("/boot/registered", ack.file());
            assertEquals("tftp.lab", ack.getOption(Dhcp4Callouts.TFTP_SERVER_NAME).text());

            Pkt4 offer = new Pkt4(Pkt4.DHCPOFFER, 8);
            offer.setYiaddr((Inet4Address) InetAddress.getByName("10.99.0.10"));
            offer.addOption(Option.text(Dhcp4Callouts.BOOT_FILE_NAME, "/boot/from-the-server"));
            tester.call(Dhcp4Hooks.PKT4_SEND).with(Dhcp4Hooks.RESPONSE4, offer).with(Dhcp4Hooks.QUERY4,
                    query(STRANGER_MAC)).run();
            assertEquals("/boot/guest", offer.getOption(Dhcp4Callouts.BOOT_FILE_NAME).text(), "the default user's");
            assertNull(offer.getOption(Dhcp4Callouts.TFTP_SERVER_NAME));

            Pkt4 nak = new Pkt4(Pkt4.DHCPNAK, 9);
            tester.call(Dhcp4Hooks.PKT4_SEND).with(Dhcp4Hooks.RESPONSE4, nak).with(Dhcp4Hooks.QUERY4,
                    query(STRANGER_MAC)).run();
        }
        assertEquals("""
                id_type=HW_ADDR
                client=hwtype=1 02:00:00:00:00:01
                addr=192.0.2.10
                registered=yes

                id_type=HW_ADDR
                client=hwtype=1 02:00:00:00:00:99
                addr=10.99.0.10
                registered=no

                """, Files.readString(outcome), "Kea's record format; no record for the NAK");
    }

    static Pkt6 query6(byte[] duid) {
        Pkt6 p = new Pkt6(Pkt6.SOLICIT, 7);
        p.addOption(new Option(Options6.CLIENTID, duid));
        return p;
    }

    @Test
    void dhcpv6DecidesByDuid() {
        List<Subnet6> subnets = List.of(subnet(Subnet6.class, 1), subnet(Subnet6.class, 4));
        try (HookTester tester = load()) {
            Subnet6 stranger = tester.call(Dhcp6Hooks.SUBNET6_SELECT).with(Dhcp6Hooks.QUERY6, query6(STRANGER_DUID))
                    .with(Dhcp6Hooks.SUBNET6, subnets.get(0)).with(Dhcp6Hooks.SUBNET6COLLECTION, subnets).run()
                    .get(Dhcp6Hooks.SUBNET6);
            assertEquals(4, stranger.id());
            Subnet6 registered = tester.call(Dhcp6Hooks.SUBNET6_SELECT).with(Dhcp6Hooks.QUERY6, query6(REGISTERED_DUID))
                    .with(Dhcp6Hooks.SUBNET6, subnets.get(0)).with(Dhcp6Hooks.SUBNET6COLLECTION, subnets).run()
                    .get(Dhcp6Hooks.SUBNET6);
            assertEquals(1, registered.id());
            Pkt6 anonymous = new Pkt6(Pkt6.SOLICIT, 8);
            tester.call(Dhcp6Hooks.PKT6_RECEIVE).with(Dhcp6Hooks.QUERY6, anonymous).run();
            assertEquals(1, tester.statistics().stream().filter(c -> c.hook().equals("pkt6_receive"))
                    .findFirst().orElseThrow().errors(), "a query without a client identifier is an error, as in Kea");
        }
    }

    @Test
    void dhcpv6RecordsTheFirstGrantedAddressOrPrefixAndFillsTheDocsisSubOptions() throws Exception {
        Inet6Address address = (Inet6Address) InetAddress.getByName("2001:db8:1::100");
        Inet6Address prefix = (Inet6Address) InetAddress.getByName("2001:db8:8::");
        try (HookTester tester = load()) {
            Pkt6 reply = new Pkt6(Pkt6.REPLY, 7);
            reply.addOption(new Options6.Ia(Options6.IA_NA, 1, 1000, 2000,
                    List.of(new Options6.IaAddr(address, 3000, 4000, List.of()).toOption())).toOption());
            reply.addOption(new Option(Options6.VENDOR_OPTS, new byte[] {0, 0, 0x11, (byte) 0x8b}));
            tester.call(Dhcp6Hooks.PKT6_SEND).with(Dhcp6Hooks.RESPONSE6, reply).with(Dhcp6Hooks.QUERY6,
                    query6(REGISTERED_DUID)).run();
            byte[] vendor = reply.getOption(Options6.VENDOR_OPTS).data();
            List<Option> docsis = Options6.parse(vendor, 4, vendor.length);
            assertEquals(Map.of(33, "/boot/v6", 32, "tftp6.lab"), Map.of(docsis.get(0).code(), docsis.get(0).text(),
                    docsis.get(1).code(), docsis.get(1).text()));

            Pkt6 delegated = new Pkt6(Pkt6.REPLY, 8);
            delegated.addOption(new Options6.Ia(Options6.IA_PD, 2, 1000, 2000,
                    List.of(new Options6.IaPrefix(prefix, 56, 3000, 4000, List.of()).toOption())).toOption());
            tester.call(Dhcp6Hooks.PKT6_SEND).with(Dhcp6Hooks.RESPONSE6, delegated).with(Dhcp6Hooks.QUERY6,
                    query6(STRANGER_DUID)).run();

            Pkt6 refused = new Pkt6(Pkt6.REPLY, 9);
            refused.addOption(new Options6.Ia(Options6.IA_NA, 1, 0, 0,
                    List.of(Options6.status(Options6.STATUS_NO_ADDRS_AVAIL, "none"))).toOption());
            tester.call(Dhcp6Hooks.PKT6_SEND).with(Dhcp6Hooks.RESPONSE6, refused).with(Dhcp6Hooks.QUERY6,
                    query6(STRANGER_DUID)).run();
        }
        assertEquals("""
                id_type=DUID
                client=00:03:00:01:02:00:00:00:00:01
                addr=2001:db8:1::100
                registered=yes

                id_type=DUID
                client=00:03:00:01:02:00:00:00:00:99
                addr=2001:db8:8::/56
                registered=no

                """, Files.readString(outcome), "no record for an IA with a status code other than success");
    }

    @Test
    void aRegistryThatCannotBeReadFailsTheLoadAndBadParametersToo() throws Exception {
        Files.delete(registry);
        IllegalStateException e = assertThrows(IllegalStateException.class, this::load);
        assertTrue(e.getMessage().startsWith("HOOKS_LOAD_ERROR 'load' function in hook library"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> HookTester.load(UserCheck::new,
                Map.of(UserCheck.REGISTRY_FILE, 42)));
        assertTrue(e.getMessage().contains("returned error 1"), e.getMessage());
    }
}
