package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.kea4j.log.LogLines.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kea4j.core.internal.hooks.HooksManagerImpl;
import org.kea4j.core.internal.hooks.InMemoryLibraries;
import org.kea4j.core.internal.hooks.LibrarySpec;
import org.kea4j.dhcp.Option;
import org.kea4j.dhcp.Options4;
import org.kea4j.dhcp.Pkt4;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageDef;
import org.kea4j.log.MessageId;
import org.kea4j.stats.PacketStatistics;
import org.kea4j.stats.StatisticsRegistry;
import org.kea4j.log.LogLines;

/** The steps both families' pipelines share, run by a pipeline that answers a DHCPDISCOVER with a DHCPOFFER. */
class PacketPipelineTest {

    /** The test family's message IDs, in the shape of a server's. */
    enum TestMessages implements MessageId {
        TEST_PACKET_QUEUE_FULL(MessageDef.warn("queue full")),
        TEST_HOOK_BUFFER_RCVD_SKIP(MessageDef.debug(50, "buffer receive skipped")),
        TEST_PACKET_PARSE_FAIL(MessageDef.debug(50, "failed to parse: %1")),
        TEST_PACKET_PROCESS_FAIL(MessageDef.error("failed to process packet from %1: %2")),
        TEST_HOOK_PACKET_RCVD_SKIP(MessageDef.debug(50, "packet receive skipped")),
        TEST_HOOK_PACKET_SEND_SKIP(MessageDef.debug(50, "packet send skipped")),
        TEST_HOOK_BUFFER_SEND_SKIP(MessageDef.debug(50, "buffer send skipped")),
        TEST_RESPONSE_DATA(MessageDef.debug(55, "responding with %1: %2"));

        private final MessageDef def;

        TestMessages(MessageDef def) {
            this.def = def;
        }

        @Override
        public MessageDef def() {
            return def;
        }
    }

    record Answer(Pkt4 packet) implements PacketPipeline.Reply<Pkt4> {
    }

    /** Offers to a DHCPDISCOVER; a query with the vendor class {@code fail} makes it throw. */
    static final class OfferingPipeline extends PacketPipeline<Pkt4, String, Answer> {
        final AtomicInteger served = new AtomicInteger();

        OfferingPipeline(HooksManagerImpl hooks, PacketStatistics packets) {
            super(hooks, packets, new HookPoints<>(Dhcp4Hooks.BUFFER4_RECEIVE, Dhcp4Hooks.PKT4_RECEIVE,
                    Dhcp4Hooks.PKT4_SEND, Dhcp4Hooks.BUFFER4_SEND, Dhcp4Hooks.QUERY4, Dhcp4Hooks.RESPONSE4),
                    new Messages(TestMessages.TEST_PACKET_QUEUE_FULL, TestMessages.TEST_HOOK_BUFFER_RCVD_SKIP,
                            TestMessages.TEST_PACKET_PARSE_FAIL, TestMessages.TEST_PACKET_PROCESS_FAIL,
                            TestMessages.TEST_HOOK_PACKET_RCVD_SKIP, TestMessages.TEST_HOOK_PACKET_SEND_SKIP,
                            TestMessages.TEST_HOOK_BUFFER_SEND_SKIP, TestMessages.TEST_RESPONSE_DATA),
                    new Loggers(KeaLogger.get("test-pipeline.server"), KeaLogger.get("test-pipeline.packets"),
                            KeaLogger.get("test-pipeline.hooks")));
        }

        @Override
        protected Answer serve(Pkt4 received, String rt, LeaseMgr leaseMgr, CalloutSession session) {
            served.incrementAndGet();
            Option vendor = received.getOption(Options4.VENDOR_CLASS_IDENTIFIER);
            if (vendor != null && vendor.text().equals("fail")) {
                throw new IllegalStateException("a failure of the test");
            }
            Pkt4 query = packetReceived(received, session);
            if (query == null || query.getType() != Pkt4.DHCPDISCOVER) {
                return null;
            }
            Pkt4 offer = new Pkt4(Pkt4.DHCPOFFER, query.transid());
            offer.setHWAddr(1, query.hwaddrBytes());
            Pkt4 out = throughSendHooks(query, offer, session);
            return out == null ? null : new Answer(out);
        }

        @Override
        protected boolean expectsAnswer(int type) {
            return type == Pkt4.DHCPDISCOVER;
        }

        @Override
        public void configured(String runtime, LeaseMgr leases) {
        }
    }

    private final InMemoryLibraries libraries = new InMemoryLibraries();
    private final HooksManagerImpl hooks = new HooksManagerImpl(libraries, Runnable::run);
    private final StatisticsRegistry stats = new StatisticsRegistry();
    private final OfferingPipeline pipeline = new OfferingPipeline(hooks, new PacketStatistics(stats, 4));
    private final LogLines logs = new LogLines();

    @AfterEach
    void detachAppenders() {
        logs.close();
    }

    /** A received datagram holding a client's packet of a type, from 192.0.2.7. */
    private static Pkt4 received(int type, String vendorClass) {
        Pkt4 packet = new Pkt4(type, 0x1234);
        packet.setHWAddr(1, new byte[] {2, 0, 0, 0, 0, 1});
        if (vendorClass != null) {
            packet.addOption(Option.text(Options4.VENDOR_CLASS_IDENTIFIER, vendorClass));
        }
        return datagram(packet.pack());
    }

    private static Pkt4 datagram(byte[] bytes) {
        Pkt4 packet = new Pkt4(bytes, bytes.length);
        packet.setRemoteAddress(Addresses.parseV4("192.0.2.7"));
        return packet;
    }

    private void library(HookPoint point, Consumer<org.kea4j.hooks.CalloutHandle> callout) throws Exception {
        libraries.add("test-library", () -> new HookLibrary() {
            @Override
            public int version() {
                return FRAMEWORK_VERSION;
            }

            @Override
            public int load(LibraryHandle handle) {
                handle.registerCallout(point, c -> {
                    callout.accept(c);
                    return 0;
                });
                return 0;
            }
        });
        hooks.configure(List.of(new LibrarySpec("test-library", Map.of())));
    }

    @Test
    void aQueryIsParsedServedPackedAndCounted() throws Exception {
        Answer answer = pipeline.handle(received(Pkt4.DHCPDISCOVER, null), "runtime", null);

        assertNotNull(answer);
        Pkt4 sent = datagram(answer.packet().buffer());
        sent.unpack();
        assertEquals(Pkt4.DHCPOFFER, sent.getType());
        assertEquals(0x1234, sent.transid());
        assertEquals(1, stats.value("pkt4-received"));
        assertEquals(1, stats.value("pkt4-discover-received"));
        assertEquals(1, stats.value("pkt4-offer-sent"));
        assertEquals(1, stats.value("pkt4-sent"));
        assertFalse(stats.exists("pkt4-receive-drop") && stats.value("pkt4-receive-drop") > 0);
    }

    @Test
    void bytesThatAreNoPacketAreCountedAndNotServed() {
        assertNull(pipeline.handle(datagram(new byte[] {1, 1, 6}), "runtime", null));

        assertEquals(0, pipeline.served.get());
        assertEquals(1, stats.value("pkt4-received"));
        assertEquals(1, stats.value("pkt4-parse-failed"));
    }

    @Test
    void aFailureDropsThatPacketOnlyAndSaysWhichWithItsMessageId() {
        ListAppender<ILoggingEvent> server = logs.of("test-pipeline.server");

        assertNull(pipeline.handle(received(Pkt4.DHCPDISCOVER, "fail"), "runtime", null));

        assertEquals(List.of("TEST_PACKET_PROCESS_FAIL failed to process packet from 192.0.2.7:"
                + " java.lang.IllegalStateException: a failure of the test"), messages(server));
        assertEquals(1, stats.value("pkt4-receive-drop"));
        assertNotNull(pipeline.handle(received(Pkt4.DHCPDISCOVER, null), "runtime", null), "the next one is served");
    }

    @Test
    void nothingIsServedWhileTheLeaseDatabaseIsLost() {
        LeaseMgr lost = (LeaseMgr) Proxy.newProxyInstance(LeaseMgr.class.getClassLoader(),
                new Class<?>[] {LeaseMgr.class}, (proxy, method, args) -> {
                    if (method.getName().equals("serving")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        assertNull(pipeline.handle(received(Pkt4.DHCPDISCOVER, null), "runtime", lost));

        assertEquals(0, pipeline.served.get());
        assertEquals(1, stats.value("pkt4-received"));
        assertEquals(1, stats.value("pkt4-receive-drop"));
    }

    @Test
    void aDisabledServiceCountsWhatArrivesAsDropped() {
        pipeline.serviceDisabled();

        assertEquals(1, stats.value("pkt4-received"));
        assertEquals(1, stats.value("pkt4-receive-drop"));
    }

    @Test
    void aPacketReceiveCalloutThatSkipsLeavesTheQueryUnanswered() throws Exception {
        assertFalse(pipeline.hooksLoaded());
        library(Dhcp4Hooks.PKT4_RECEIVE, c -> c.setStatus(NextStep.SKIP));
        assertTrue(pipeline.hooksLoaded());

        assertNull(pipeline.handle(received(Pkt4.DHCPDISCOVER, null), "runtime", null));

        assertEquals(1, pipeline.served.get());
        assertEquals(1, stats.value("pkt4-receive-drop"), "a DHCPDISCOVER not answered is a drop");
    }

    @Test
    void aBufferReceiveCalloutMayReplaceTheQueryBeforeItIsParsed() throws Exception {
        Pkt4 other = received(Pkt4.DHCPDISCOVER, null);
        library(Dhcp4Hooks.BUFFER4_RECEIVE, c -> c.set(Dhcp4Hooks.QUERY4, other));

        Answer answer = pipeline.handle(datagram(new byte[] {1, 1, 6}), "runtime", null);

        assertNotNull(answer, "the callout's query was parsed and served instead of the bytes that are no packet");
        assertFalse(stats.exists("pkt4-parse-failed") && stats.value("pkt4-parse-failed") > 0);
    }

    @Test
    void aPacketSendCalloutThatSkipsPacksTheResponseItself() throws Exception {
        byte[] own = received(Pkt4.DHCPOFFER, null).rawData();
        library(Dhcp4Hooks.PKT4_SEND, c -> {
            c.get(Dhcp4Hooks.RESPONSE4).setBuffer(own);
            c.setStatus(NextStep.SKIP);
        });

        Answer answer = pipeline.handle(received(Pkt4.DHCPDISCOVER, null), "runtime", null);

        assertNotNull(answer);
        assertArrayEquals(own, answer.packet().buffer(), "the pipeline did not pack over the callout's bytes");
    }

    @Test
    void aBufferSendCalloutThatDropsSendsNothing() throws Exception {
        library(Dhcp4Hooks.BUFFER4_SEND, c -> c.setStatus(NextStep.DROP));

        assertNull(pipeline.handle(received(Pkt4.DHCPDISCOVER, null), "runtime", null));

        assertFalse(stats.exists("pkt4-sent") && stats.value("pkt4-sent") > 0);
    }
}
