package org.kea4j.ncr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NcrJsonTest {

    private static final String DHCID = "000101A8B0E81F09B28E7B0AE38BA43CC1B7FE4F0D2E8E9D30EDD96ECBFD27B5D69A5B";

    /** As kea-dhcp4 2.2 sends it. */
    private static final String KEA_2 = "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,"
            + "\"fqdn\":\"host1.example.com.\",\"ip-address\":\"192.0.2.10\",\"dhcid\":\"" + DHCID + "\","
            + "\"lease-expires-on\":\"20261126143417\",\"lease-length\":1333,\"use-conflict-resolution\":true}";

    /** As kea-dhcp4 0.9 sends it. */
    private static final String KEA_09 = "{\"change_type\":1,\"forward_change\":false,\"reverse_change\":true,"
            + "\"fqdn\":\"myhost.example.com\",\"ip_address\":\"2001:db8::10\",\"dhcid\":\"" + DHCID + "\","
            + "\"lease_expires_on\":\"20150801120000\",\"lease_length\":4000}";

    @Test
    void readsKea2Style() throws Exception {
        NameChangeRequest ncr = NcrJson.read(KEA_2);
        assertEquals(ChangeType.ADD, ncr.changeType());
        assertTrue(ncr.forwardChange());
        assertTrue(ncr.reverseChange());
        assertEquals("host1.example.com.", ncr.fqdn());
        assertEquals(InetAddress.getByName("192.0.2.10"), ncr.ipAddress());
        assertEquals(DHCID, ncr.dhcid().toHex());
        assertEquals(Instant.parse("2026-11-26T14:34:17Z"), ncr.leaseExpiresOn());
        assertEquals(1333, ncr.leaseLength());
        assertTrue(ncr.useConflictResolution());
        assertFalse(ncr.isV6());
    }

    @Test
    void readsKea09StyleAndMakesTheNameAbsolute() throws Exception {
        NameChangeRequest ncr = NcrJson.read(KEA_09);
        assertEquals(ChangeType.REMOVE, ncr.changeType());
        assertFalse(ncr.forwardChange());
        assertEquals("myhost.example.com.", ncr.fqdn());
        assertTrue(ncr.isV6());
        assertEquals(4000, ncr.leaseLength());
        assertTrue(ncr.useConflictResolution(), "absent means true");
    }

    @Test
    void writesEachStyleAndReadsItBack() throws Exception {
        NameChangeRequest ncr = NcrJson.read(KEA_2);
        assertEquals(KEA_2, NcrJson.write(ncr, NcrJson.Style.KEA_1));
        String old = NcrJson.write(ncr, NcrJson.Style.KEA_0_9);
        assertTrue(old.startsWith("{\"change_type\":0,\"forward_change\":true"), old);
        assertFalse(old.contains("conflict"), old);
        assertEquals(ncr, NcrJson.read(old));
        NameChangeRequest noConflict = NcrJson.read(KEA_2.replace("\"use-conflict-resolution\":true",
                "\"use-conflict-resolution\":false"));
        assertFalse(NcrJson.read(NcrJson.write(noConflict, NcrJson.Style.KEA_1)).useConflictResolution());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "42", "null", "{}",
        "{\"change-type\":2,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":\"0\",\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":false,\"reverse-change\":false,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":1,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a..b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"host.example.com\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.256\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"2001:db8::zz\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"XYZ1\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"2026-11-26\",\"lease-length\":1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":-1}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1.5}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\",\"lease-length\":1,\"use-conflict-resolution\":\"yes\"}",
        "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":true,\"fqdn\":\"a.b.\",\"ip-address\":\"192.0.2.1\",\"dhcid\":\"0001\",\"lease-expires-on\":\"20261126143417\"}"
    })
    void malformedRequestsAreRefusedWithAReason(String json) {
        NcrException e = assertThrows(NcrException.class, () -> NcrJson.read(json));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void oversizeTextIsRefused() {
        assertThrows(NcrException.class, () -> NcrJson.read("{\"fqdn\":\"" + "a".repeat(70_000) + "\"}"));
    }
}
