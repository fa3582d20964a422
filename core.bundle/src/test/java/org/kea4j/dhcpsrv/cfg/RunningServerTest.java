package org.kea4j.dhcpsrv.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kea4j.config.ConfigException;
import org.kea4j.dhcp.transport.Datagram;
import org.kea4j.dhcp.transport.Iface;
import org.kea4j.dhcp.transport.ListenSocket;
import org.kea4j.dhcp.transport.TestSocketMessages;
import org.kea4j.dhcpsrv.alloc.ReclamationTimers;
import org.kea4j.dhcpsrv.leasemgr.DbAccess;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;

class RunningServerTest {

    /** A configuration of memfile leases, no host database and kea4j's own workers. */
    private static final ServerSection.Config CONFIG = (ServerSection.Config) Proxy.newProxyInstance(
            ServerSection.Config.class.getClassLoader(), new Class<?>[] {ServerSection.Config.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "expiration" -> DhcpConfigElements.Expiration.DEFAULT;
                case "multiThreading" -> DhcpConfigElements.MultiThreading.DEFAULT;
                case "leaseDatabase" -> new DbAccess("memfile", Map.of());
                case "hostDatabases" -> List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** The lease database the server is given: only passed along, never called here. */
    private static final LeaseMgr LEASES = (LeaseMgr) Proxy.newProxyInstance(LeaseMgr.class.getClassLoader(),
            new Class<?>[] {LeaseMgr.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    private record TestRuntime(String name) implements RunningServer.Runtime {
        @Override
        public ServerSection.Config config() {
            return CONFIG;
        }
    }

    /** What the server asked of its pipeline. */
    private static final class TestPipeline implements RunningServer.Pipeline<TestRuntime> {
        final AtomicInteger disabled = new AtomicInteger();
        final BlockingQueue<Object[]> configured = new LinkedBlockingQueue<>();
        volatile boolean hooks;

        @Override
        public void serviceDisabled() {
            disabled.incrementAndGet();
        }

        @Override
        public void queueFull() {
        }

        @Override
        public void configured(TestRuntime runtime, LeaseMgr leases) {
            configured.add(new Object[] {runtime, leases});
        }

        @Override
        public boolean hooksLoaded() {
            return hooks;
        }
    }

    /** A server on a free loopback port whose pipeline records what it handles. */
    private static final class TestServer extends RunningServer<TestRuntime> {
        final BlockingQueue<Object[]> handled = new LinkedBlockingQueue<>();
        final int port;

        TestServer(TestPipeline pipeline, ReclamationTimers.Reclaimer reclamation, AtomicBoolean serving)
                throws Exception {
            super("test-server", pipeline, reclamation, () -> Optional.of(LEASES), 1, serving::get, why -> { },
                    TestSocketMessages.MESSAGES);
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
        }

        @Override
        public void listen(TestRuntime next) throws ConfigException {
            Iface loopback = Iface.detect().stream().filter(Iface::loopback).findFirst().orElseThrow();
            sockets.listen(List.of(new ListenSocket(loopback, port, false, List.of())));
        }

        @Override
        protected void handle(Datagram d, TestRuntime rt, LeaseMgr leases) {
            workers.asClient(0, () -> handled.add(new Object[] {d.data()[0], rt, leases}));
        }

        void send(int marker) throws Exception {
            try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                client.send(new DatagramPacket(new byte[] {(byte) marker}, 1,
                        new InetSocketAddress("127.0.0.1", port)));
            }
        }
    }

    private static final ReclamationTimers.Reclaimer NO_RECLAMATION = new ReclamationTimers.Reclaimer() {
        @Override
        public int reclaim(LeaseMgr leases, long now, int max, boolean remove) {
            return 0;
        }

        @Override
        public int flush(LeaseMgr leases, long now, long holdSeconds) {
            return 0;
        }
    };

    @Test
    void datagramsGoThroughThePipelineWithTheConfigurationAppliedAndItsLeaseDatabase() throws Exception {
        TestPipeline pipeline = new TestPipeline();
        try (TestServer server = new TestServer(pipeline, NO_RECLAMATION, new AtomicBoolean(true))) {
            TestRuntime first = new TestRuntime("first");
            server.listen(first);
            assertNull(server.runtime(), "no configuration yet");
            server.apply(first);
            assertSame(first, server.runtime());
            Object[] configured = pipeline.configured.poll(5, TimeUnit.SECONDS);
            assertNotNull(configured, "the allocation engine learns the configuration");
            assertSame(first, configured[0]);
            assertSame(LEASES, configured[1]);
            server.send(2);
            Object[] handled = server.handled.poll(5, TimeUnit.SECONDS);
            assertNotNull(handled, "the datagram is handled");
            assertEquals((byte) 2, handled[0]);
            assertSame(first, handled[1]);
            assertSame(LEASES, handled[2]);
            TestRuntime second = new TestRuntime("second");
            server.apply(second);
            server.send(3);
            handled = server.handled.poll(5, TimeUnit.SECONDS);
            assertNotNull(handled);
            assertSame(second, handled[1], "a new configuration is used by the next datagram");
            server.close();
            assertNull(server.runtime(), "a closed server runs on nothing");
        }
    }

    @Test
    void whileTheServiceIsDisabledDatagramsAreTheFamilysToCountAndNotHandled() throws Exception {
        TestPipeline pipeline = new TestPipeline();
        AtomicBoolean serving = new AtomicBoolean(false);
        try (TestServer server = new TestServer(pipeline, NO_RECLAMATION, serving)) {
            TestRuntime runtime = new TestRuntime("only");
            server.listen(runtime);
            server.apply(runtime);
            server.send(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pipeline.disabled.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, pipeline.disabled.get());
            serving.set(true);
            server.send(2);
            Object[] handled = server.handled.poll(5, TimeUnit.SECONDS);
            assertNotNull(handled);
            assertEquals((byte) 2, handled[0], "only what arrived while serving is handled");
        }
    }

    @Test
    void reclaimingNowRunsTheFamilysReclamationOnTheLeaseDatabase() throws Exception {
        BlockingQueue<Object[]> calls = new LinkedBlockingQueue<>();
        ReclamationTimers.Reclaimer reclaimer = new ReclamationTimers.Reclaimer() {
            @Override
            public int reclaim(LeaseMgr leases, long now, int max, boolean remove) {
                calls.add(new Object[] {leases, max, remove});
                return 7;
            }

            @Override
            public int flush(LeaseMgr leases, long now, long holdSeconds) {
                return 0;
            }
        };
        try (TestServer server = new TestServer(new TestPipeline(), reclaimer, new AtomicBoolean(true))) {
            assertEquals(7, server.reclaimNow(true));
            Object[] call = calls.poll(5, TimeUnit.SECONDS);
            assertNotNull(call);
            assertSame(LEASES, call[0]);
            assertEquals(0, call[1], "all expired leases");
            assertTrue((Boolean) call[2], "removed, as asked");
        }
    }
}
