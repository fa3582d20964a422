package org.kea4j.ddns.server;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_DDNS_REQUEST_SEND_FAILED;
import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCP4_QUEUE_NCR;
import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCPSRV_DHCP_DDNS_NCR_REJECTED;
import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCPSRV_DHCP_DDNS_NCR_SENT;
import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCPSRV_DHCP_DDNS_SENDER_STOPPED;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.kea4j.log.KeaLogger;
import org.kea4j.ncr.ChangeType;
import org.kea4j.ncr.NameChangeRequest;
import org.kea4j.ncr.NcrJson;
import org.kea4j.ncr.NcrUdpSender;

/**
 * Where the callouts' NameChangeRequests go: the NCR sender to D2, with Kea's log lines. After an I/O error the
 * sender stops and DDNS is suspended until the next configuration (which loads the library anew).
 */
final class NcrSink implements AutoCloseable {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ddns");

    private final NcrUdpSender sender;

    NcrSink(InetSocketAddress sender, InetSocketAddress server, int maxQueueSize, NcrJson.Style style)
            throws IOException {
        this.sender = new NcrUdpSender(sender, server, maxQueueSize, style, new NcrUdpSender.Events() {
            @Override
            public void sent(NameChangeRequest ncr) {
                LOG.log(DHCPSRV_DHCP_DDNS_NCR_SENT, ncr);
            }

            @Override
            public void stopped(NameChangeRequest ncr, IOException cause) {
                LOG.log(DHCP4_DDNS_REQUEST_SEND_FAILED, String.valueOf(cause), ncr);
                LOG.log(DHCPSRV_DHCP_DDNS_SENDER_STOPPED);
            }
        });
    }

    /** Queues a request for D2; a refusal (queue full, sender stopped) is logged. */
    void send(NameChangeRequest ncr) {
        if (sender.send(ncr)) {
            LOG.log(DHCP4_QUEUE_NCR, ncr.changeType() == ChangeType.ADD ? "add" : "remove", ncr);
        } else {
            LOG.log(DHCPSRV_DHCP_DDNS_NCR_REJECTED, sender.isRunning() ? "the queue is full"
                    : "the sender has stopped: DDNS updates are suspended until the next configuration", ncr);
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
