package org.kea4j.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server's packet statistics by Kea 2.2's names: {@code pkt4-received}, {@code pkt4-discover-received} ...
 * {@code pkt4-sent}, {@code pkt4-offer-sent} ..., {@code pkt4-parse-failed}, {@code pkt4-receive-drop}, and the
 * {@code pkt6-*} twins.
 */
public final class PacketStatistics {

    private static final Map<Integer, String> RECEIVED4 = Map.of(1, "discover", 2, "offer", 3, "request",
            4, "decline", 5, "ack", 6, "nak", 7, "release", 8, "inform");
    private static final Map<Integer, String> SENT4 = Map.of(2, "offer", 5, "ack", 6, "nak");
    private static final Map<Integer, String> RECEIVED6 = Map.ofEntries(Map.entry(1, "solicit"),
            Map.entry(2, "advertise"), Map.entry(3, "request"), Map.entry(5, "renew"), Map.entry(6, "rebind"),
            Map.entry(7, "reply"), Map.entry(8, "release"), Map.entry(9, "decline"), Map.entry(11, "infrequest"),
            Map.entry(20, "dhcpv4-query"), Map.entry(21, "dhcpv4-response"));
    private static final Map<Integer, String> SENT6 = Map.of(2, "advertise", 7, "reply", 21, "dhcpv4-response");

    private final Statistics stats;
    private final String prefix;
    private final Map<Integer, String> received;
    private final Map<Integer, String> sent;
    /** The full names, made once: the packet path counts without building strings. */
    private final String receivedName;
    private final String sentName;
    private final String parseFailedName;
    private final String dropName;
    private final String unknownName;
    private final Map<Integer, String> receivedByType = new java.util.HashMap<>();
    private final Map<Integer, String> sentByType = new java.util.HashMap<>();
    private final org.kea4j.dhcp.transport.RateLimit queueFullReport = new org.kea4j.dhcp.transport.RateLimit(10_000);

    /**
     * @param stats    where to count
     * @param universe 4 or 6
     */
    public PacketStatistics(Statistics stats, int universe) {
        this.stats = stats;
        this.prefix = "pkt" + universe + "-";
        this.received = universe == 4 ? RECEIVED4 : RECEIVED6;
        this.sent = universe == 4 ? SENT4 : SENT6;
        this.receivedName = prefix + "received";
        this.sentName = prefix + "sent";
        this.parseFailedName = prefix + "parse-failed";
        this.dropName = prefix + "receive-drop";
        this.unknownName = prefix + "unknown-received";
        received.forEach((type, name) -> receivedByType.put(type, prefix + name + "-received"));
        sent.forEach((type, name) -> sentByType.put(type, prefix + name + "-sent"));
    }

    /** Creates every statistic at 0 where it is absent (Kea lists them all from the start). */
    public void init() {
        List<String> names = new ArrayList<>(List.of("received", "sent", "parse-failed", "receive-drop",
                "unknown-received"));
        received.values().forEach(n -> names.add(n + "-received"));
        sent.values().forEach(n -> names.add(n + "-sent"));
        for (String name : names) {
            if (!stats.exists(prefix + name)) {
                stats.set(prefix + name, 0);
            }
        }
    }

    /** A datagram arrived. */
    public void received() {
        stats.add(receivedName, 1);
    }

    /** A packet parsed: counted by its message type. */
    public void parsed(int messageType) {
        stats.add(receivedByType.getOrDefault(messageType, unknownName), 1);
    }

    /** A datagram could not be parsed (and was dropped). */
    public void parseFailed() {
        stats.add(parseFailedName, 1);
        dropped();
    }

    /** A packet was dropped: not for this server, refused, dropped by a callout, or no worker was free. */
    public void dropped() {
        stats.add(dropName, 1);
    }

    /**
     * A datagram was dropped before it reached the pipeline (the workers could not keep up): counted as received
     * and dropped.
     *
     * @return whether to log it now: at most once every 10 s, the count being in the statistics
     */
    public boolean queueFull() {
        received();
        dropped();
        return queueFullReport.allow();
    }

    /** A reply was sent. */
    public void sent(int messageType) {
        stats.add(sentName, 1);
        String name = sentByType.get(messageType);
        if (name != null) {
            stats.add(name, 1);
        }
    }
}
