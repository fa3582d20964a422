package org.kea4j.ddns.d2;

import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_AT_MAX_TRANSACTIONS;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_FWD_REQUEST_IGNORED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_INVALID_NCR;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_NO_ELIGIBLE_JOBS;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_NO_FWD_MATCH_ERROR;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_NO_REV_MATCH_ERROR;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_QUEUE_MGR_QUEUE_FULL;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_QUEUE_MGR_RESUMING;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_QUEUE_MGR_STARTED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_QUEUE_MGR_STOPPED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_REQUEST_DROPPED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_REV_REQUEST_IGNORED;
import static org.kea4j.ddns.internal.DdnsMessages.DHCP_DDNS_STATE_MODEL_UNEXPECTED_ERROR;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kea4j.log.KeaLogger;
import org.kea4j.ncr.Dhcid;
import org.kea4j.ncr.NameChangeRequest;
import org.kea4j.ncr.NcrUdpListener;

/**
 * D2 at work: the NCR listener, the request queue (Kea's queue manager: when it is full the listener pauses, and
 * resumes once the queue is back under three quarters; kea4j pauses as the queue fills, so that the request in hand
 * is kept rather than dropped) and the update manager (at most a set number of
 * transactions at once, and never two for one DHCID: the first queued request whose client has none in progress
 * goes next).
 */
public final class D2Process implements AutoCloseable {

    /**
     * The queue limit: Kea's D2 holds 1,024 requests; kea4j holds more, so that a burst the DNS servers cannot take
     * at once waits (a few MiB at most) instead of being lost in the socket while the listener pauses.
     */
    public static final int MAX_QUEUE_SIZE = 16_384;
    /** Kea's limit of concurrent transactions. */
    public static final int MAX_TRANSACTIONS = 32;

    private static final KeaLogger QUEUE_LOG = KeaLogger.get("kea-dhcp-ddns.dhcp-to-d2");
    private static final KeaLogger LOG = KeaLogger.get("kea-dhcp-ddns.dhcpddns");

    private final DnsClient dns;
    private final D2Statistics statistics;
    private final int maxQueueSize;
    private final int maxTransactions;
    private final ExecutorService workers;
    private final Deque<NameChangeRequest> queue = new ArrayDeque<>();
    private final Set<Dhcid> inProgress = new HashSet<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile D2Config config;
    private NcrUdpListener listener;
    private InetSocketAddress listening;

    public D2Process(D2Config config, DnsClient dns, D2Statistics statistics, int maxQueueSize, int maxTransactions) {
        this.config = config;
        this.dns = dns;
        this.statistics = statistics;
        this.maxQueueSize = maxQueueSize;
        this.maxTransactions = maxTransactions;
        this.workers = Executors.newFixedThreadPool(maxTransactions, r -> {
            Thread t = new Thread(r, "d2-transaction");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Applies a configuration: listens on its address (opening the new socket before closing the old one, so a
     * failure leaves the running one), and uses its domains and keys for the requests not yet started.
     *
     * @throws IOException when the address cannot be bound
     */
    public synchronized void configure(D2Config newConfig) throws IOException {
        InetSocketAddress address = new InetSocketAddress(newConfig.ipAddress(), newConfig.port());
        if (listener == null || !address.equals(listening)) {
            NcrUdpListener opened = NcrUdpListener.open(address, new Receiver());
            if (listener != null) {
                listener.close();
            }
            listener = opened;
            listening = address;
            QUEUE_LOG.log(DHCP_DDNS_QUEUE_MGR_STARTED);
        }
        config = newConfig;
    }

    /** The address NCRs are received on. */
    public synchronized InetSocketAddress listeningAddress() throws IOException {
        return listener == null ? null : listener.localAddress();
    }

    /** Requests waiting for a transaction. */
    public synchronized int queueSize() {
        return queue.size();
    }

    /** Transactions running now. */
    public synchronized int transactionsInProgress() {
        return inProgress.size();
    }

    /** Transactions finished, with success or not, since start. */
    public long completed() {
        return completed.get();
    }

    /** Transactions that failed since start. */
    public long failed() {
        return failed.get();
    }

    /**
     * Queues a request as if it had been received (the listener's way in). The listener pauses when the queue
     * becomes full (requests then wait in the socket's buffer) and resumes once it is back under three quarters; a
     * request that still meets a full queue is dropped.
     *
     * @return false when the request was dropped
     */
    public boolean submit(NameChangeRequest ncr) {
        synchronized (this) {
            statistics.ncrReceived();
            if (queue.size() >= maxQueueSize) {
                statistics.queueFull();
                QUEUE_LOG.log(DHCP_DDNS_QUEUE_MGR_QUEUE_FULL, maxQueueSize);
                if (listener != null) {
                    listener.pause();
                }
                return false;
            }
            queue.addLast(ncr);
            if (queue.size() >= maxQueueSize && listener != null && !listener.isPaused()) {
                // stop reading now: the next request waits in the socket's buffer instead of being dropped
                QUEUE_LOG.log(DHCP_DDNS_QUEUE_MGR_QUEUE_FULL, maxQueueSize);
                listener.pause();
            }
        }
        dispatch();
        return true;
    }

    private final class Receiver implements NcrUdpListener.Receiver {
        @Override
        public void received(NameChangeRequest ncr) {
            submit(ncr);
        }

        @Override
        public void invalid(InetSocketAddress from, String reason) {
            statistics.ncrInvalid();
            QUEUE_LOG.log(DHCP_DDNS_INVALID_NCR, reason + (from == null ? "" : " (from " + from + ")"));
        }
    }

    /** Starts as many transactions as the limits allow. */
    private void dispatch() {
        while (true) {
            NameChangeRequest next;
            synchronized (this) {
                if (workers.isShutdown() || queue.isEmpty()) {
                    return;
                }
                if (inProgress.size() >= maxTransactions) {
                    LOG.log(DHCP_DDNS_AT_MAX_TRANSACTIONS, queue.size(), maxTransactions);
                    return;
                }
                next = null;
                for (Iterator<NameChangeRequest> it = queue.iterator(); it.hasNext();) {
                    NameChangeRequest candidate = it.next();
                    if (!inProgress.contains(candidate.dhcid())) {
                        it.remove();
                        next = candidate;
                        break;
                    }
                }
                if (next == null) {
                    LOG.log(DHCP_DDNS_NO_ELIGIBLE_JOBS, queue.size(), inProgress.size());
                    return;
                }
                // claimed under the same lock that picked it: no other dispatch can start this client's next request
                inProgress.add(next.dhcid());
                resumeWhenDrained();
            }
            NameChangeTransaction transaction = transactionFor(next, config, dns, statistics);
            if (transaction == null) {
                synchronized (this) {
                    inProgress.remove(next.dhcid());
                }
                continue;
            }
            workers.execute(() -> runTransaction(transaction));
        }
    }

    private void resumeWhenDrained() {
        if (listener != null && listener.isPaused() && queue.size() < maxQueueSize * 3 / 4) {
            QUEUE_LOG.log(DHCP_DDNS_QUEUE_MGR_RESUMING, queue.size(), maxQueueSize);
            listener.resume();
        }
    }

    private void runTransaction(NameChangeTransaction transaction) {
        try {
            if (!transaction.run()) {
                failed.incrementAndGet();
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            statistics.ncrError();
            LOG.log(DHCP_DDNS_STATE_MODEL_UNEXPECTED_ERROR, transaction.ncr() + ": " + e);
        } finally {
            completed.incrementAndGet();
            synchronized (this) {
                inProgress.remove(transaction.ncr().dhcid());
            }
            dispatch();
        }
    }

    /**
     * The transaction of a request, with each direction matched to its domain; null when the request is dropped
     * (a direction asked for matches no domain, or no direction is left).
     */
    static NameChangeTransaction transactionFor(NameChangeRequest ncr, D2Config config, DnsClient dns,
            D2Statistics statistics) {
        DdnsDomain forward = null;
        DdnsDomain reverse = null;
        if (ncr.forwardChange()) {
            if (config.forward().isEmpty()) {
                LOG.log(DHCP_DDNS_FWD_REQUEST_IGNORED, ncr);
            } else {
                Optional<DdnsDomain> match = config.forward().match(ncr.fqdn());
                if (match.isEmpty()) {
                    LOG.log(DHCP_DDNS_NO_FWD_MATCH_ERROR, ncr);
                    return null;
                }
                forward = match.get();
            }
        }
        if (ncr.reverseChange()) {
            if (config.reverse().isEmpty()) {
                LOG.log(DHCP_DDNS_REV_REQUEST_IGNORED, ncr);
            } else {
                Optional<DdnsDomain> match = config.reverse().match(DdnsDomains.reverseName(ncr.ipAddress()));
                if (match.isEmpty()) {
                    LOG.log(DHCP_DDNS_NO_REV_MATCH_ERROR, ncr);
                    return null;
                }
                reverse = match.get();
            }
        }
        if (forward == null && reverse == null) {
            LOG.log(DHCP_DDNS_REQUEST_DROPPED, ncr);
            return null;
        }
        return new NameChangeTransaction(ncr, forward, reverse, dns, Duration.ofMillis(config.dnsServerTimeout()),
                statistics);
    }

    /** Stops listening, drops what is queued and waits a bounded time for the running transactions. */
    @Override
    public void close() {
        synchronized (this) {
            if (listener != null) {
                listener.close();
                listener = null;
                QUEUE_LOG.log(DHCP_DDNS_QUEUE_MGR_STOPPED);
            }
            queue.clear();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
