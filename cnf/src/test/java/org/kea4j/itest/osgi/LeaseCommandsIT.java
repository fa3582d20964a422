package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.kea4j.itest.osgi.OsgiTests.apply;
import static org.kea4j.itest.osgi.OsgiTests.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigService;
import org.kea4j.control.Answer;
import org.kea4j.control.CommandRegistry;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabases;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Kea's lease commands against the memfile database the Dhcp4 configuration opens, and the shell's table. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LeaseCommandsIT {

    @Inject
    ConfigService config;
    @Inject
    CommandRegistry commands;
    @Inject
    LeaseDatabases databases;
    @Inject
    CommandProcessor shell;

    private Path dir;

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Before
    public void configure() throws Exception {
        dir = Files.createTempDirectory("kea4j-lease-cmds");
        apply(config, "{'Dhcp4': {'lease-database': {'type': 'memfile', 'name': '" + dir.resolve("leases4.csv") + "'},"
                + " 'valid-lifetime': 4000, 'subnet4': [ {'id': 1, 'subnet': '192.0.2.0/24'}, {'id': 2, 'subnet': '198.51.100.0/24'} ]}}");
    }

    private Answer run(String command, String arguments) {
        return commands.execute(command, arguments == null ? null : json(arguments));
    }

    @Test
    public void ipv4LeaseLifecycleWithKeasShapes() throws Exception {
        Answer added = run("lease4-add", "{'ip-address': '192.0.2.10', 'hw-address': '08:00:27:00:00:01',"
                + " 'client-id': '01:08:00:27:00:00:01', 'hostname': 'a,b'}");
        assertEquals(added.text(), Answer.SUCCESS, added.result());
        assertEquals("Lease for address 192.0.2.10, subnet-id 1 added.", added.text());
        assertEquals("IPv4 lease already exists.", run("lease4-add", "{'ip-address': '192.0.2.10', 'hw-address': '08:00:27:00:00:09'}").text());

        Answer got = run("lease4-get", "{'ip-address': '192.0.2.10'}");
        assertEquals("IPv4 lease found.", got.text());
        JsonNode lease = got.arguments();
        assertEquals("08:00:27:00:00:01", lease.get("hw-address").textValue());
        assertEquals("01:08:00:27:00:00:01", lease.get("client-id").textValue());
        assertEquals(1, lease.get("subnet-id").intValue());
        assertEquals("the subnet's valid lifetime", 4000, lease.get("valid-lft").intValue());
        assertEquals("a,b", lease.get("hostname").textValue());
        assertEquals(0, lease.get("state").intValue());

        Answer byHw = run("lease4-get", "{'identifier-type': 'hw-address', 'identifier': '08:00:27:00:00:01', 'subnet-id': 1}");
        assertEquals(Answer.SUCCESS, byHw.result());
        assertEquals(Answer.EMPTY, run("lease4-get", "{'ip-address': '192.0.2.99'}").result());

        Answer updated = run("lease4-update", "{'ip-address': '192.0.2.10', 'hw-address': '08:00:27:00:00:01', 'hostname': 'renamed'}");
        assertEquals("IPv4 lease updated.", updated.text());
        assertEquals("renamed", run("lease4-get", "{'ip-address': '192.0.2.10'}").arguments().get("hostname").textValue());
        assertEquals(Answer.EMPTY, run("lease4-update", "{'ip-address': '192.0.2.77', 'hw-address': '08:00:27:00:00:07'}").result());
        assertEquals(Answer.SUCCESS, run("lease4-update", "{'ip-address': '192.0.2.77', 'hw-address': '08:00:27:00:00:07',"
                + " 'force-create': true}").result());

        run("lease4-add", "{'ip-address': '198.51.100.5', 'hw-address': '08:00:27:00:00:05'}");
        Answer all = run("lease4-get-all", null);
        assertEquals("3 IPv4 lease(s) found.", all.text());
        Answer one = run("lease4-get-all", "{'subnets': [2]}");
        assertEquals(1, one.arguments().get("leases").size());

        assertEquals("IPv4 lease deleted.", run("lease4-del", "{'ip-address': '192.0.2.77'}").text());
        assertEquals(Answer.EMPTY, run("lease4-del", "{'ip-address': '192.0.2.77'}").result());
        Answer wiped = run("lease4-wipe", "{'subnet-id': 1}");
        assertEquals("Deleted 1 IPv4 lease(s) from subnet(s) 1", wiped.text());
        assertEquals("1 IPv4 lease(s) found.", run("lease4-get-all", null).text());

        List<String> file = Files.readAllLines(dir.resolve("leases4.csv"));
        assertEquals("address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context",
                file.get(0));
        assertTrue(file.stream().anyMatch(l -> l.startsWith("192.0.2.10,08:00:27:00:00:01,01:08:00:27:00:00:01,4000,")
                && l.contains(",a&#x2cb,")));
    }

    @Test
    public void badLeaseCommandsAreExplained() {
        assertEquals("Parameters missing or are not a map.", run("lease4-get", null).text());
        assertEquals("missing parameter 'hw-address'", run("lease4-add", "{'ip-address': '192.0.2.20'}").text());
        assertTrue(run("lease4-add", "{'ip-address': '10.9.9.9', 'hw-address': '01:02:03:04:05:06'}").text()
                .contains("no IPv4 subnet holds 10.9.9.9"));
        assertTrue(run("lease4-add", "{'ip-address': '192.0.2.20', 'hw-address': '01:02:03:04:05:06', 'subnet-id': 9}").text()
                .contains("Invalid subnet-id: No IPv4 subnet with subnet-id=9"));
        assertTrue(run("lease4-add", "{'ip-address': '192.0.2.20', 'hw-address': 'nothex'}").text().contains("not a valid hex"));
        assertEquals("Failed to convert string to address 'bad'", run("lease4-get", "{'ip-address': 'bad'}").text());
        assertEquals("unsupported parameter 'colour'", run("lease4-add", "{'ip-address': '192.0.2.20',"
                + " 'hw-address': '01:02:03:04:05:06', 'colour': 'red'}").text());
        assertTrue(run("lease6-get", "{'ip-address': '2001:db8::1'}").text().contains("no IPv6 lease database is open"));
    }

    @Test
    public void ipv6LeaseCommands() throws Exception {
        databases.setCurrent(6, databases.open(new DbAccess("memfile", Map.of("name", dir.resolve("leases6.csv").toString())), 6));
        try {
            Answer added = run("lease6-add", "{'ip-address': '2001:db8:1::10', 'duid': '00:03:00:01:08:00:27:00:00:01',"
                    + " 'iaid': 7, 'subnet-id': 1, 'valid-lft': 9000}");
            assertEquals(added.text(), Answer.SUCCESS, added.result());
            assertEquals(Answer.SUCCESS, run("lease6-add", "{'ip-address': '2001:db8:8:100::', 'type': 'IA_PD', 'prefix-len': 56,"
                    + " 'duid': '00:03:00:01:08:00:27:00:00:01', 'iaid': 8, 'subnet-id': 1}").result());
            JsonNode na = run("lease6-get", "{'ip-address': '2001:db8:1::10'}").arguments();
            assertEquals("IA_NA", na.get("type").textValue());
            assertEquals(7, na.get("iaid").intValue());
            JsonNode pd = run("lease6-get", "{'ip-address': '2001:db8:8:100::', 'type': 'IA_PD'}").arguments();
            assertEquals(56, pd.get("prefix-len").intValue());
            assertEquals("2 IPv6 lease(s) found.", run("lease6-get-all", null).text());
            assertEquals(Answer.SUCCESS, run("lease6-get", "{'identifier-type': 'duid', 'identifier': '00:03:00:01:08:00:27:00:00:01',"
                    + " 'iaid': 7, 'subnet-id': 1}").result());
            assertEquals("IPv6 lease deleted.", run("lease6-del", "{'ip-address': '2001:db8:1::10'}").text());
            assertEquals("missing parameter 'prefix-len'", run("lease6-add", "{'ip-address': '2001:db8:8:200::', 'type': 'IA_PD',"
                    + " 'duid': '00:01', 'iaid': 1, 'subnet-id': 1}").text());
        } finally {
            databases.close(databases.setCurrent(6, null));
        }
    }

    @Test
    public void theShellPrintsATable() throws Exception {
        run("lease4-add", "{'ip-address': '192.0.2.33', 'hw-address': '08:00:27:00:00:33', 'hostname': 'printer'}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out),
                new PrintStream(out))) {
            String table = String.valueOf(session.execute("kea:leases"));
            assertTrue(table, table.contains("IPv4 leases (1) in memfile"));
            assertTrue(table, table.matches("(?s).*192\\.0\\.2\\.33\\s+08:00:27:00:00:33\\s+1\\s+4000\\s+\\d+\\s+0\\s+printer.*"));
        }
    }
}
