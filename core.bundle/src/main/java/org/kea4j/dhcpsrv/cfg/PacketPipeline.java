package org.kea4j.dhcpsrv.cfg;

import java.net.InetAddress;
import org.kea4j.dhcp.PacketParseException;
import org.kea4j.dhcp.Pkt;
import org.kea4j.dhcp.transport.RateLimit;
import org.kea4j.dhcpsrv.Addresses;
import org.kea4j.dhcpsrv.leasemgr.LeaseDatabaseUnavailableException;
import org.kea4j.dhcpsrv.leasemgr.LeaseMgr;
import org.kea4j.hooks.Argument;
import org.kea4j.hooks.HookPoint;
import org.kea4j.hooks.NextStep;
import org.kea4j.hooks.host.CalloutSession;
import org.kea4j.hooks.host.Hook;
import org.kea4j.hooks.host.HooksManager;
import org.kea4j.log.KeaLogger;
import org.kea4j.log.MessageId;
import org.kea4j.stats.PacketStatistics;

/**
 * The packet pipeline of a DHCP server (Kea's {@code Dhcpv4Srv} and {@code Dhcpv6Srv}), the steps both families
 * share: a datagram is counted, refused while the lease database is lost, and run in one callout session through
 * {@code buffer*_receive}, parsing and the family's processing ({@link #serve}); the family's response goes through
 * {@code pkt*_send}, packing and {@code buffer*_send} ({@link #throughSendHooks}). A failure while processing is
 * logged with the family's message ID and drops that packet only. Stateless but for statistics and hook handles:
 * the configuration comes with each call.
 *
 * @param <P> the family's packet
 * @param <R> the configuration made ready for the packet path
 * @param <Y> what the family sends: the response and where it goes
 */
public abstract class PacketPipeline<P extends Pkt, R, Y extends PacketPipeline.Reply<P>>
        implements RunningServer.Pipeline<R> {

    /** What a pipeline hands to its server to send. */
    public interface Reply<P extends Pkt> {
        /** The response as sent. */
        P packet();
    }

    /**
     * A family's hook points of the packet's way in and out, and its packet arguments.
     *
     * @param bufferReceive {@code buffer4_receive}
     * @param packetReceive {@code pkt4_receive}
     * @param packetSend    {@code pkt4_send}
     * @param bufferSend    {@code buffer4_send}
     * @param query         {@code query4}
     * @param response      {@code response4}
     */
    public record HookPoints<P extends Pkt>(HookPoint bufferReceive, HookPoint packetReceive, HookPoint packetSend,
            HookPoint bufferSend, Argument<P> query, Argument<P> response) {
    }

    /**
     * A family's message IDs for the shared steps (DHCPv4's named).
     *
     * @param queueFull         the workers could not keep up ({@code DHCP4_PACKET_QUEUE_FULL})
     * @param bufferReceiveSkip a {@code buffer4_receive} callout dropped or skipped
     *                          ({@code DHCP4_HOOK_BUFFER_RCVD_SKIP})
     * @param parseFail         the bytes are not a packet ({@code DHCP4_PACKET_PARSE_FAIL})
     * @param processFail       processing failed ({@code DHCP4_PACKET_PROCESS_FAIL})
     * @param packetReceiveSkip a {@code pkt4_receive} callout skipped ({@code DHCP4_HOOK_PACKET_RCVD_SKIP})
     * @param packetSendSkip    a {@code pkt4_send} callout dropped or skipped ({@code DHCP4_HOOK_PACKET_SEND_SKIP})
     * @param bufferSendSkip    a {@code buffer4_send} callout skipped ({@code DHCP4_HOOK_BUFFER_SEND_SKIP})
     * @param responseData      the response's contents, debug ({@code DHCP4_RESPONSE_DATA})
     */
    public record Messages(MessageId queueFull, MessageId bufferReceiveSkip, MessageId parseFail,
            MessageId processFail, MessageId packetReceiveSkip, MessageId packetSendSkip, MessageId bufferSendSkip,
            MessageId responseData) {
    }

    /**
     * A family's loggers.
     *
     * @param server  the server's own ({@code kea-dhcp4.dhcp4})
     * @param packets packets' ({@code kea-dhcp4.packets})
     * @param hooks   callouts' ({@code kea-dhcp4.hooks})
     */
    public record Loggers(KeaLogger server, KeaLogger packets, KeaLogger hooks) {
    }

    private final HooksManager hooks;
    private final PacketStatistics packets;
    /**
     * Packets no subnet serves are logged at most once a second: a flood of them writes no line per packet (each is
     * counted as dropped).
     */
    protected final RateLimit noSubnetReport = new RateLimit(1_000);
    private final Hook bufferReceive;
    private final Hook packetReceive;
    private final Hook packetSend;
    private final Hook bufferSend;
    private final Argument<P> queryArgument;
    private final Argument<P> responseArgument;
    private final Messages messages;
    private final Loggers log;

    protected PacketPipeline(HooksManager hooks, PacketStatistics packets, HookPoints<P> points, Messages messages,
            Loggers log) {
        this.hooks = hooks;
        this.packets = packets;
        this.bufferReceive = hooks.hook(points.bufferReceive());
        this.packetReceive = hooks.hook(points.packetReceive());
        this.packetSend = hooks.hook(points.packetSend());
        this.bufferSend = hooks.hook(points.bufferSend());
        this.queryArgument = points.query();
        this.responseArgument = points.response();
        this.messages = messages;
        this.log = log;
    }

    /** A datagram arrived while the service is disabled ({@code dhcp-disable}): counted as received and dropped. */
    @Override
    public final void serviceDisabled() {
        packets.received();
        packets.dropped();
    }

    /**
     * A datagram was dropped before it reached the pipeline: the workers could not keep up (pushed out of the full
     * queue by a newer one, or it waited too long). Logged at most once a while.
     */
    @Override
    public final void queueFull() {
        if (packets.queueFull()) {
            log.server().log(messages.queueFull());
        }
    }

    @Override
    public final boolean hooksLoaded() {
        return !hooks.libraries().isEmpty();
    }

    /**
     * Runs one received datagram through the pipeline.
     *
     * @param received the packet holding the received bytes and transport data (not parsed yet)
     * @param rt       the configuration
     * @param leaseMgr the lease database
     * @return the reply, or null when nothing is sent
     */
    public final Y handle(P received, R rt, LeaseMgr leaseMgr) {
        packets.received();
        if (leaseMgr != null && !leaseMgr.serving()) {
            packets.dropped(); // the database is lost under on-fail stop-retry-exit: the service stops (logged once)
            return null;
        }
        try (CalloutSession session = hooks.openSession()) {
            Y reply = run(received, rt, leaseMgr, session);
            if (reply != null) {
                packets.sent(reply.packet().getType());
            }
            return reply;
        } catch (LeaseDatabaseUnavailableException lost) {
            packets.dropped(); // no answer rather than a NAK; the back end logged the outage once
            return null;
        } catch (RuntimeException e) {
            log.server().log(messages.processFail(), text(received.remoteAddress()), String.valueOf(e));
            packets.dropped();
            return null;
        }
    }

    private Y run(P received, R rt, LeaseMgr leaseMgr, CalloutSession session) {
        P query = received;
        boolean skipUnpack = false;
        if (session.hasCallouts(bufferReceive)) {
            NextStep next = session.begin(bufferReceive).with(queryArgument, query).call();
            if (next == NextStep.DROP) {
                log.hooks().log(messages.bufferReceiveSkip());
                packets.dropped();
                return null;
            }
            query = changedOr(session.get(queryArgument), query);
            skipUnpack = next == NextStep.SKIP;
            if (skipUnpack) {
                log.hooks().log(messages.bufferReceiveSkip());
            }
        }
        if (!skipUnpack) {
            try {
                query.unpack();
            } catch (PacketParseException e) {
                log.packets().log(messages.parseFail(), e.getMessage());
                packets.parseFailed();
                return null;
            }
        }
        packets.parsed(query.getType());
        Y reply = serve(query, rt, leaseMgr, session);
        if (reply == null && expectsAnswer(query.getType())) {
            packets.dropped();
        }
        return reply;
    }

    /**
     * The family's processing of a parsed query: checks, {@link #packetReceived}, the message's exchange, and
     * {@link #throughSendHooks} for the response.
     *
     * @return the reply, or null when nothing is sent
     */
    protected abstract Y serve(P query, R rt, LeaseMgr leaseMgr, CalloutSession session);

    /** Whether a query of this type is answered: a query that is not is a drop. */
    protected abstract boolean expectsAnswer(int type);

    /**
     * The {@code pkt*_receive} hook point.
     *
     * @return the query to go on with (a callout may have replaced it), or null when a callout skipped or dropped it
     */
    protected final P packetReceived(P query, CalloutSession session) {
        if (!session.hasCallouts(packetReceive)) {
            return query;
        }
        if (session.begin(packetReceive).with(queryArgument, query).call() != NextStep.CONTINUE) {
            log.hooks().log(messages.packetReceiveSkip());
            return null;
        }
        return changedOr(session.get(queryArgument), query);
    }

    /**
     * A response's way out: {@code pkt*_send}, packing (unless a callout skipped it, having packed it itself), the
     * response's contents logged at debug, {@code buffer*_send}.
     *
     * @return the response to send (a callout may have replaced it), or null when a callout dropped or skipped it
     */
    protected final P throughSendHooks(P query, P reply, CalloutSession session) {
        P out = reply;
        boolean skipPack = false;
        if (session.hasCallouts(packetSend)) {
            NextStep next = session.begin(packetSend).with(responseArgument, out).with(queryArgument, query).call();
            if (next == NextStep.DROP) {
                log.hooks().log(messages.packetSendSkip());
                return null;
            }
            out = changedOr(session.get(responseArgument), out);
            skipPack = next == NextStep.SKIP;
            if (skipPack) {
                log.hooks().log(messages.packetSendSkip());
            }
        }
        if (!skipPack) {
            out.pack();
        }
        if (log.packets().isEnabled(messages.responseData())) {
            log.packets().log(messages.responseData(), out.getName(), out.toString());
        }
        if (session.hasCallouts(bufferSend)) {
            if (session.begin(bufferSend).with(responseArgument, out).call() != NextStep.CONTINUE) {
                log.hooks().log(messages.bufferSendSkip());
                return null;
            }
            out = changedOr(session.get(responseArgument), out);
        }
        return out;
    }

    /** The bytes to send of a response: its packed form, none when a callout left it unpacked. */
    protected static byte[] wireData(Pkt response) {
        return response.buffer() == null ? new byte[0] : response.buffer();
    }

    /** An address as log lines show it, {@code (unknown)} for none. */
    protected static String text(InetAddress address) {
        return address == null ? "(unknown)" : Addresses.format(address);
    }

    /** An in/out packet a callout set, or the one it had when it set none. */
    private static <P> P changedOr(P set, P had) {
        return set != null ? set : had;
    }
}
