package org.kea4j.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.kea4j.itest.osgi.OsgiTests.apply;
import static org.kea4j.itest.osgi.OsgiTests.await;
import static org.kea4j.itest.osgi.OsgiTests.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.kea4j.config.ConfigService;
import org.kea4j.itest.ControlClient;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The control socket a Dhcp4 section names: Kea's JSON commands, good and bad requests, the
 * length-prefixed framing, timeouts and size limits; the server keeps serving throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ControlSocketIT {

    @Inject
    ConfigService config;

    private Path socket;
    private Path log;

    @Configuration
    public Option[] config() {
        return KeaOptions.framework();
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        return KeaOptions.probe(probe);
    }

    @Before
    public void openSocket() throws Exception {
        Path dir = Files.createTempDirectory("kea4j-ctrl-it");
        socket = dir.resolve("kea4-ctrl-socket");
        log = dir.resolve("kea.log");
        apply(config, "{'Dhcp4': {'control-socket': {'socket-type': 'unix', 'socket-name': '" + socket + "'}},"
                + " 'Logging': {'loggers': [{'name': 'kea-dhcp4', 'severity': 'DEBUG', 'debuglevel': 99,"
                + " 'output_options': [{'output': '" + log + "'}]}]}}");
    }

    private static JsonNode answer(String text) throws IOException {
        return OsgiTests.JSON.readTree(text);
    }

    private JsonNode command(String request) throws IOException {
        return answer(ControlClient.send(socket, request));
    }

    @Test
    public void theSocketFileIsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    public void answersKeaCommands() throws Exception {
        JsonNode list = command("{\"command\": \"list-commands\"}");
        assertEquals(0, list.get("result").intValue());
        assertTrue(list.get("arguments").toString().contains("config-reload"));
        JsonNode version = command("# a comment, as Kea 2.x allows\n{ \"command\": \"version-get\" /* and this */ }");
        assertEquals(0, version.get("result").intValue());
        assertTrue(version.get("arguments").get("extended").textValue().contains("kea4j"));
        JsonNode get = command("{\"command\": \"config-get\"}");
        assertEquals(socket.toString(), get.get("arguments").get("Dhcp4").get("control-socket").get("socket-name").textValue());
    }

    @Test
    public void badRequestsGetAReasonAndTheServerCarriesOn() throws Exception {
        JsonNode notJson = command("{\"command\": \"list-commands\" oops}");
        assertEquals(1, notJson.get("result").intValue());
        assertTrue(notJson.get("text").textValue().startsWith("invalid JSON"));
        JsonNode unknown = command("{\"command\": \"no-such-command\"}");
        assertEquals(2, unknown.get("result").intValue());
        assertEquals("'no-such-command' command not supported.", unknown.get("text").textValue());
        JsonNode missing = command("{\"command\": \"config-test\"}");
        assertEquals(1, missing.get("result").intValue());
        assertTrue(missing.get("text").textValue().contains("Missing mandatory 'arguments'"));
        JsonNode notAMap = command("[\"list-commands\"]");
        assertEquals(1, notAMap.get("result").intValue());
        JsonNode noCommand = command("{\"arguments\": {}}");
        assertEquals(1, noCommand.get("result").intValue());
        char[] big = new char[70_000];
        Arrays.fill(big, 'x');
        JsonNode oversize = answer(ControlClient.send(socket, "{\"command\": \"config-test\", \"arguments\": {\"x\": \""
                + new String(big) + "\"}}"));
        assertEquals(1, oversize.get("result").intValue());
        assertTrue(oversize.get("text").textValue().contains("larger than"));
        assertEquals(0, command("{\"command\": \"list-commands\"}").get("result").intValue());
        assertTrue(await(() -> read(log).contains("CONFIG_CCSESSION_MSG"), 3000));
    }

    /** socat and Kea's scripts end their output after the request: the answer still comes, then the close. */
    @Test
    public void aClientThatEndsItsOutputAfterTheRequestStillGetsTheAnswer() throws Exception {
        JsonNode version = answer(ControlClient.sendThenEndInput(socket, "{ \"command\": \"version-get\" }\n"));
        assertEquals(0, version.get("result").intValue());
        JsonNode reload = answer(ControlClient.sendThenEndInput(socket, "{ \"command\": \"libreload\" }"));
        assertEquals(reload.toString(), 0, reload.get("result").intValue());
        JsonNode cut = answer(ControlClient.sendThenEndInput(socket, "{\"command\": \"list-"));
        assertEquals(1, cut.get("result").intValue());
        // answered when the input ended with the reason the text gives, not at the timeout (CC_TIMEOUT's words)
        assertTrue(cut.toString(), cut.get("text").textValue().startsWith("invalid JSON"));
        assertFalse(read(log), read(log).contains("CC_WRITE_ERROR"));
    }

    /** Text that is not JSON gets a JSON error, never a binary frame. */
    @Test
    public void textThatIsNotJsonGetsAJsonError() throws Exception {
        for (String garbage : new String[] {"hello world\n", "GET / HTTP/1.0\r\n\r\n", "}\n", "\u00e9t\u00e9\n"}) {
            String text = ControlClient.send(socket, garbage);
            JsonNode error = answer(text);
            assertEquals(text, 1, error.get("result").intValue());
            assertTrue(text, error.get("text").textValue().startsWith("invalid JSON"));
        }
        JsonNode unterminated = answer(ControlClient.sendThenEndInput(socket, "garbage"));
        assertEquals(1, unterminated.get("result").intValue());
        assertEquals(0, command("{\"command\": \"list-commands\"}").get("result").intValue());
    }

    @Test
    public void aStalledRequestTimesOut() throws Exception {
        long start = System.nanoTime();
        JsonNode timeout = answer(ControlClient.send(socket, "{\"command\": \"list-"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, timeout.get("result").intValue());
        assertEquals("Connection over control channel timed out", timeout.get("text").textValue());
        assertTrue("answered after the 1.5 s timeout, not before: " + millis, millis >= 1400);
        assertTrue(await(() -> read(log).contains("CC_TIMEOUT timeout reading data from command channel"), 3000));
    }

    @Test
    public void lengthPrefixedFramesAreAnsweredInKind() throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            for (int i = 0; i < 2; i++) {
                channel.write(ByteBuffer.wrap(ControlClient.frame("{}", "{\"command\": \"status-get\"}")));
                ByteBuffer head = ByteBuffer.allocate(6);
                while (head.hasRemaining()) {
                    channel.read(head);
                }
                head.flip();
                int total = head.getInt();
                int headerLength = head.getShort();
                ByteBuffer rest = ByteBuffer.allocate(total - 2);
                while (rest.hasRemaining()) {
                    channel.read(rest);
                }
                String body = new String(rest.array(), headerLength, total - 2 - headerLength, StandardCharsets.UTF_8);
                assertEquals(0, answer(body).get("result").intValue());
            }
        }
    }

    /** Frames sent together are all answered, in order, also when the client ends its output after them. */
    @Test
    public void framesSentTogetherAreAllAnsweredBeforeTheClose() throws Exception {
        ByteBuffer both = ByteBuffer.allocate(1024);
        both.put(ControlClient.frame("{}", "{\"command\": \"status-get\"}"));
        both.put(ControlClient.frame("{}", "{\"command\": \"no-such-command\"}"));
        byte[] request = Arrays.copyOf(both.array(), both.position());
        byte[] reply;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request));
            channel.shutdownOutput();
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (channel.read(in) >= 0) {
                all.write(in.array(), 0, in.position());
                in.clear();
            }
            reply = all.toByteArray();
        }
        ByteBuffer frames = ByteBuffer.wrap(reply);
        int[] results = new int[2];
        for (int i = 0; i < 2; i++) {
            int total = frames.getInt();
            int headerLength = frames.getShort();
            byte[] body = new byte[total - 2 - headerLength];
            frames.position(frames.position() + headerLength).get(body);
            results[i] = answer(new String(body, StandardCharsets.UTF_8)).get("result").intValue();
        }
        assertEquals(0, results[0]);
        assertEquals(2, results[1]);
        assertEquals(0, frames.remaining());
    }

    @Test
    public void badFrameLengthsAreRefused() throws Exception {
        String zero = ControlClient.send(socket, new byte[] {0, 0, 0, 0, 0, 0});
        assertTrue(zero, zero.contains("invalid message length (0)"));
        ByteBuffer invalid = ByteBuffer.allocate(10).putInt(4).putShort((short) 50).put(new byte[4]);
        String lengths = ControlClient.send(socket, invalid.array());
        assertTrue(lengths, lengths.contains("invalid length parameters (4, 50)"));
        assertTrue(await(() -> read(log).contains("CC_ZERO_LENGTH") && read(log).contains("CC_INVALID_LENGTHS"), 3000));
        assertEquals(0, command("{\"command\": \"list-commands\"}").get("result").intValue());
    }
}
