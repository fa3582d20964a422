package org.kea4j.ddns.d2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** The queue and update managers, with a DNS client that answers when the test lets it. */
class D2ProcessTest {

    private static final DnsServerConfig SERVER = new DnsServerConfig(InetAddress.getLoopbackAddress(), 53, null);
    private static final D2Config CONFIG = new D2Config(InetAddress.getLoopbackAddress(), 0, 100, Map.of(),
            new DdnsDomains(List.of(new DdnsDomain("example.com.", List.of(SERVER)))),
            new DdnsDomains(List.of(new DdnsDomain("2.0.192.in-addr.arpa.", List.of(SERVER)))), Optional.empty(),
            List.of(), List.of());

    private static NameChangeRequest ncr(String name, int client, boolean forward, boolean reverse) throws Exception {
        return new NameChangeRequest(ChangeType.ADD, forward, reverse, name, InetAddress.getByName("192.0.2.10"),
                Dhcid.fromHwAddr(1, new byte[] {1, 2, 3, 4, 5, (byte) client}, name), Instant.EPOCH, 100, true);
    }

    /** Answers NOERROR once released; counts updates in flight per name. */
    static final class GatedDns implements DnsClient {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Map<String, AtomicInteger> perName = new ConcurrentHashMap<>();
        final AtomicInteger overlapping = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public Message exchange(Message update, DnsServerConfig server, java.time.Duration timeout) {
            String name = update.getSection(org.xbill.DNS.Section.UPDATE).get(0).getName().toString();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (perName.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            perName.get(name).decrementAndGet();
            inFlight.decrementAndGet();
            sent.incrementAndGet();
            Message answer = new Message(update.getHeader().getID());
            answer.getHeader().setFlag(Flags.QR);
            answer.getHeader().setRcode(Rcode.NOERROR);
            return answer;
        }
    }

    @Test
    void transactionsAreBoundedAndOneClientWaitsForItsOwn() throws Exception {
        GatedDns dns = new GatedDns();
        try (D2Process d2 = new D2Process(CONFIG, dns, D2Statistics.NONE, 100, 2)) {
            assertTrue(d2.submit(ncr("a.example.com.", 1, true, false)));
            assertTrue(d2.submit(ncr("a.example.com.", 1, true, false))); // same DHCID: waits
            assertTrue(d2.submit(ncr("b.example.com.", 2, true, false)));
            assertTrue(d2.submit(ncr("c.example.com.", 3, true, false))); // over the limit of 2: waits
            assertTrue(waitFor(() -> dns.inFlight.get() == 2));
            assertEquals(2, d2.transactionsInProgress());
            assertEquals(2, d2.queueSize());
            dns.gate.countDown();
            assertTrue(waitFor(() -> d2.completed() == 4));
            assertEquals(0, d2.failed());
            assertEquals(2, dns.maxInFlight.get());
            assertEquals(0, dns.overlapping.get(), "never two transactions for one client at once");
        }
    }

    @Test
    void fullQueueDropsTheRequest() throws Exception {
        GatedDns dns = new GatedDns();
        try (D2Process d2 = new D2Process(CONFIG, dns, D2Statistics.NONE, 2, 1)) {
            assertTrue(d2.submit(ncr("a.example.com.", 1, true, false))); // runs
            assertTrue(waitFor(() -> dns.inFlight.get() == 1));
            assertTrue(d2.submit(ncr("b.example.com.", 2, true, false)));
            assertTrue(d2.submit(ncr("c.example.com.", 3, true, false)));
            assertFalse(d2.submit(ncr("d.example.com.", 4, true, false)), "queue of 2 is full");
            dns.gate.countDown();
            assertTrue(waitFor(() -> d2.completed() == 3));
            assertEquals(3, dns.sent.get());
        }
    }

    @Test
    void listenerPausesAsTheQueueFillsSoThatNothingIsLost() throws Exception {
        GatedDns dns = new GatedDns();
        try (D2Process d2 = new D2Process(CONFIG, dns, D2Statistics.NONE, 2, 1)) {
            d2.configure(CONFIG);
            try (org.kea4j.ncr.NcrUdpSender sender = new org.kea4j.ncr.NcrUdpSender(
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), d2.listeningAddress(), 64,
                    org.kea4j.ncr.NcrJson.Style.KEA_1, (ncr, e) -> { })) {
                for (int i = 0; i < 20; i++) {
                    assertTrue(sender.send(ncr("n" + i + ".example.com.", i, true, false)));
                }
                assertTrue(waitFor(() -> d2.queueSize() == 2), "the queue fills to its limit");
                Thread.sleep(200);
                assertEquals(2, d2.queueSize(), "and grows no further");
                dns.gate.countDown();
                assertTrue(waitFor(() -> d2.completed() == 20), "every request was carried out: " + d2.completed());
                assertEquals(20, dns.sent.get());
            }
        }
    }

    @Test
    void requestsOutsideTheDomainsAreDroppedAndDisabledDirectionsIgnored() throws Exception {
        assertNull(D2Process.transactionFor(ncr("host.example.org.", 1, true, true), CONFIG, DnsClient.UDP,
                D2Statistics.NONE), "forward asked, no forward domain matches: the whole request is dropped");
        D2Config forwardOnly = new D2Config(CONFIG.ipAddress(), 0, 100, Map.of(), CONFIG.forward(), DdnsDomains.NONE,
                Optional.empty(), List.of(), List.of());
        assertNull(D2Process.transactionFor(ncr("a.example.com.", 1, false, true), forwardOnly, DnsClient.UDP,
                D2Statistics.NONE), "only reverse asked, reverse disabled: nothing left");
        NameChangeTransaction t = D2Process.transactionFor(ncr("a.example.com.", 1, true, true), forwardOnly,
                DnsClient.UDP, D2Statistics.NONE);
        assertTrue(t != null);
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
