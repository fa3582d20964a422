package org.kea4j.memfile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.Lease4;
import org.kea4j.dhcpsrv.Lease6;
import org.kea4j.dhcpsrv.LeaseType;

/**
 * Lease files in the formats Kea documents (0.9.x and 2.2 headers and rows), and what happens to bad
 * ones: every bad row is reported with its file and line and skipped; the good rows load.
 */
class LeaseFileFormatTest {

    @TempDir
    Path dir;

    private static final String V4_09 = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname";
    private static final String V4_22 = V4_09 + ",state,user_context";
    private static final String V6_091 = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,"
            + "prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr";
    private static final String V6_22 = V6_091 + ",state,user_context,hwtype,hwaddr_source";

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private MemfileLeaseMgr open(int universe, Path file) throws IOException {
        return MemfileLeaseMgr.open(universe, new MemfileLeaseMgr.Settings(true, file, 0, 0));
    }

    @Test
    void kea22RowsLoadWithEveryField() throws IOException {
        Path file = write("kea-leases4.csv", V4_22,
                "192.0.2.10,08:00:27:aa:bb:cc,01:08:00:27:aa:bb:cc,3600,1700003600,1,1,0,host&#x2ca&#x26b,0,{ \"a\": 1 }",
                "192.0.2.11,08:00:27:aa:bb:cd,,4000,1700004000,2,0,0,,1,");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            Lease4 l = mgr.getLease4(Addresses.parseV4("192.0.2.10")).orElseThrow();
            assertEquals("08:00:27:aa:bb:cc", l.hwaddr().toString());
            assertEquals("01:08:00:27:aa:bb:cc", l.clientId().toString());
            assertEquals(3600, l.validLifetime());
            assertEquals(1700000000, l.cltt(), "cltt = expire - valid_lifetime");
            assertTrue(l.fqdnFwd());
            assertFalse(l.fqdnRev());
            assertEquals("host,a&b", l.hostname());
            assertEquals("{ \"a\": 1 }", l.userContext());
            Lease4 declined = mgr.getLease4(Addresses.parseV4("192.0.2.11")).orElseThrow();
            assertNull(declined.clientId());
            assertEquals(Lease4.STATE_DECLINED, declined.state());
        }
    }

    @Test
    void laterRowsWinAndZeroLifetimeDeletes() throws IOException {
        Path file = write("kea-leases4.csv", V4_22,
                "192.0.2.10,08:00:27:00:00:01,,3600,1700003600,1,0,0,,0,",
                "192.0.2.11,08:00:27:00:00:02,,3600,1700003600,1,0,0,,0,",
                "192.0.2.10,08:00:27:00:00:01,,7200,1700009999,1,0,0,renewed,0,",
                "192.0.2.11,08:00:27:00:00:02,,0,1700003600,1,0,0,,0,",
                "192.0.2.12,08:00:27:00:00:03,,0,1700003600,1,0,0,,0,");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertEquals(1, mgr.getLeases4().size());
            assertEquals("renewed", mgr.getLease4(Addresses.parseV4("192.0.2.10")).orElseThrow().hostname());
        }
    }

    @Test
    void kea09FilesAreUpgradedOnLoad() throws IOException {
        Path file = write("kea-leases4.csv", V4_09,
                "192.0.2.10,08:00:27:00:00:01,01:02:03,3600,1700003600,1,0,1,old-host",
                "192.0.2.11,08:00:27:00:00:02,,3600,1700003600,1,0,0,");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertEquals(2, mgr.getLeases4().size());
            assertEquals("old-host", mgr.getLease4(Addresses.parseV4("192.0.2.10")).orElseThrow().hostname());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(V4_22, lines.get(0), "rewritten with Kea 2.2's header");
        assertEquals(3, lines.size());
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertEquals(2, mgr.getLeases4().size());
        }
    }

    @Test
    void ipv6RowsOfEveryGeneration() throws IOException {
        Path file = write("kea-leases6.csv", V6_22,
                "2001:db8:1::10,00:03:00:01:08:00:27:00:00:01,7200,1700007200,1,3600,0,7,128,0,0,h&#x2c1,08:00:27:00:00:01,0,,1,2",
                "2001:db8:8:100::,00:03:00:01:08:00:27:00:00:01,7200,1700007200,1,3600,2,8,56,0,0,,,0,,,");
        try (MemfileLeaseMgr mgr = open(6, file)) {
            Lease6 na = mgr.getLease6(LeaseType.NA, Addresses.parseV6("2001:db8:1::10")).orElseThrow();
            assertEquals(7, na.iaid());
            assertEquals("h,1", na.hostname());
            assertEquals(2, na.hwaddr().source());
            Lease6 pd = mgr.getLease6(LeaseType.PD, Addresses.parseV6("2001:db8:8:100::")).orElseThrow();
            assertEquals(56, pd.prefixLength());
            assertNull(pd.hwaddr());
        }
        Path old = write("old6.csv", V6_091,
                "2001:db8:1::20,00:01:02,7200,1700007200,1,3600,0,9,128,0,0,,");
        try (MemfileLeaseMgr mgr = open(6, old)) {
            assertEquals(1, mgr.getLeases6().size());
        }
        assertEquals(V6_22, Files.readAllLines(old).get(0));
    }

    @Test
    void rowsWrittenAreKea22Rows() throws IOException {
        Path file = dir.resolve("written.csv");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            mgr.addLease(Lease4.builder(Addresses.parseV4("192.0.2.5")).hwaddr(org.kea4j.dhcp.HWAddr.parse("0a:0b:0c:0d:0e:0f"))
                    .validLifetime(100).cltt(1000).subnetId(3).hostname("a,b").fqdn(true, false).build());
            mgr.deleteLease4(Addresses.parseV4("192.0.2.5"));
        }
        assertEquals(List.of(V4_22, "192.0.2.5,0a:0b:0c:0d:0e:0f,,100,1100,3,1,0,a&#x2cb,0,",
                "192.0.2.5,0a:0b:0c:0d:0e:0f,,0,1100,3,1,0,a&#x2cb,0,"), Files.readAllLines(file));
    }

    @Test
    void badRowsAreSkippedAndTheGoodOnesLoad() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, V4_22 + "\n"
                + "192.0.2.1,08:00:27:00:00:01,,3600,1700003600,1,0,0,,0,\n"
                + "this is garbage\n"
                + "192.0.2.300,08:00:27:00:00:02,,3600,1700003600,1,0,0,,0,\n"
                + "192.0.2.3,zz:zz,,3600,1700003600,1,0,0,,0,\n"
                + "192.0.2.4,08:00:27:00:00:04,,3600,1700003600,1,yes,0,,0,\n"
                + "192.0.2.5,08:00:27:00:00:05,,3600,1700003600,1,0,0,,0,\n"
                + "192.0.2.6,08:00:27:00:00:06,,36");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertEquals(List.of("192.0.2.1", "192.0.2.5"),
                    mgr.getLeases4().stream().map(l -> l.address().getHostAddress()).toList());
            mgr.addLease(Lease4.builder(Addresses.parseV4("192.0.2.7")).hwaddr(org.kea4j.dhcp.HWAddr.parse("01:02"))
                    .validLifetime(10).cltt(1).subnetId(1).build());
        }
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertTrue(mgr.getLease4(Addresses.parseV4("192.0.2.7")).isPresent(),
                    "a row appended after a truncated last line starts on its own line");
        }
    }

    @Test
    void maxRowErrorsRefusesAFileWithTooManyBadRows() throws IOException {
        Path file = write("many.csv", V4_22, "x", "y", "z");
        IOException e = assertThrows(IOException.class,
                () -> MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(true, file, 0, 2)));
        assertTrue(e.getMessage().contains("more than 2 bad rows"), e.getMessage());
    }

    @Test
    void aWrongHeaderRefusesTheFileAndLeavesItAlone() throws IOException {
        Path file = write("header.csv", "address,mac,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname",
                "192.0.2.1,08:00:27:00:00:01,,3600,1700003600,1,0,0,");
        IOException e = assertThrows(IOException.class, () -> open(4, file));
        assertTrue(e.getMessage().contains("invalid header: column 2 is 'mac', expected 'hwaddr'"), e.getMessage());
        assertEquals(2, Files.readAllLines(file).size());
        Path short6 = write("short6.csv", "address,duid,valid_lifetime");
        assertThrows(IOException.class, () -> open(6, short6));
    }

    @Test
    void unreadableFilesAndMissingDirectoriesAreErrors() throws IOException {
        Path directoryAsFile = Files.createDirectory(dir.resolve("kea-leases4.csv"));
        IOException notAFile = assertThrows(IOException.class, () -> open(4, directoryAsFile));
        assertTrue(notAFile.getMessage().contains("is a directory"), notAFile.getMessage());
        IOException missing = assertThrows(IOException.class, () -> open(4, dir.resolve("no/such/dir/leases.csv")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void filesOfKeasCleanupAreLoadedInKeasOrder() throws IOException {
        Path file = dir.resolve("kea-leases4.csv");
        write("kea-leases4.csv.2", V4_22, "192.0.2.1,08:00:27:00:00:01,,3600,1700003600,1,0,0,from-2,0,",
                "192.0.2.2,08:00:27:00:00:02,,3600,1700003600,1,0,0,from-2,0,");
        write("kea-leases4.csv.1", V4_22, "192.0.2.2,08:00:27:00:00:02,,3600,1700003600,1,0,0,from-1,0,",
                "192.0.2.3,08:00:27:00:00:03,,3600,1700003600,1,0,0,from-1,0,");
        write("kea-leases4.csv", V4_22, "192.0.2.3,08:00:27:00:00:03,,3600,1700003600,1,0,0,from-current,0,");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertEquals(List.of("from-2", "from-1", "from-current"),
                    mgr.getLeases4().stream().map(Lease4::hostname).toList());
        }
        write("kea-leases4.csv.completed", V4_22, "192.0.2.9,08:00:27:00:00:09,,3600,1700003600,1,0,0,completed,0,");
        try (MemfileLeaseMgr mgr = open(4, file)) {
            assertEquals(List.of("from-current", "completed"), mgr.getLeases4().stream().map(Lease4::hostname).toList(),
                    "F.completed replaces F.2 and F.1");
        }
    }

    @Test
    void withoutPersistenceNothingIsWritten() throws IOException {
        Path file = dir.resolve("never.csv");
        try (MemfileLeaseMgr mgr = MemfileLeaseMgr.open(4, new MemfileLeaseMgr.Settings(false, file, 0, 0))) {
            mgr.addLease(Lease4.builder(Addresses.parseV4("192.0.2.5")).hwaddr(org.kea4j.dhcp.HWAddr.parse("01:02"))
                    .validLifetime(10).cltt(1).subnetId(1).build());
            assertEquals(1, mgr.getLeases4().size());
        }
        assertFalse(Files.exists(file));
    }
}
