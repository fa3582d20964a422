package org.kea4j.ddns.d2;

import org.kea4j.stats.Statistics;

/**
 * D2's statistics under Kea 2.2's names: NCRs received / invalid / in error, and DNS updates sent, signed,
 * unsigned, answered ({@code update-success}), timed out and failed — globally and per TSIG key
 * ({@code key[NAME].update-sent}, ...).
 */
public final class D2Statistics {

    /** The global statistic names, as Kea 2.2's D2 creates them at start. */
    static final String[] GLOBAL = {"ncr-received", "ncr-invalid", "ncr-error", "queue-mgr-queue-full",
        "update-sent", "update-signed", "update-unsigned", "update-success", "update-timeout", "update-error"};
    private static final String[] PER_KEY = {"update-sent", "update-success", "update-timeout", "update-error"};

    /** No statistics kept (unit tests). */
    public static final D2Statistics NONE = new D2Statistics(null);

    private final Statistics statistics;

    public D2Statistics(Statistics statistics) {
        this.statistics = statistics;
    }

    /** Creates every statistic at 0, and the per-key ones of the configured keys. */
    public void init(D2Config config) {
        if (statistics == null) {
            return;
        }
        for (String name : GLOBAL) {
            if (!statistics.exists(name)) {
                statistics.set(name, 0);
            }
        }
        statistics.removeStartingWith("key[");
        for (String key : config.tsigKeys().keySet()) {
            for (String name : PER_KEY) {
                statistics.set(keyed(key, name), 0);
            }
        }
    }

    private static String keyed(String key, String name) {
        return "key[" + key + "]." + name;
    }

    private void add(String name) {
        if (statistics != null) {
            statistics.add(name, 1);
        }
    }

    private void add(DnsServerConfig server, String name) {
        add(name);
        if (server.key() != null) {
            add(keyed(server.key().name(), name));
        }
    }

    void ncrReceived() {
        add("ncr-received");
    }

    void ncrInvalid() {
        add("ncr-invalid");
    }

    void ncrError() {
        add("ncr-error");
    }

    void queueFull() {
        add("queue-mgr-queue-full");
    }

    void updateSent(DnsServerConfig server) {
        add(server, "update-sent");
        add(server.key() == null ? "update-unsigned" : "update-signed");
    }

    void updateAnswered(DnsServerConfig server) {
        add(server, "update-success");
    }

    void updateTimeout(DnsServerConfig server) {
        add(server, "update-timeout");
    }

    void updateError(DnsServerConfig server) {
        add(server, "update-error");
    }
}
