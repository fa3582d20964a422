package org.kea4j.ddns.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.kea4j.hooks.Dhcp4Hooks;
import org.kea4j.hooks.Dhcp6Hooks;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.ncr.NcrJson;

/** The DHCP servers' DDNS callouts of one library load, with the NCR sender they share. */
public final class DhcpDdnsCallouts implements AutoCloseable {

    private final NcrSink sink;

    private DhcpDdnsCallouts(NcrSink sink) {
        this.sink = sink;
    }

    /**
     * Opens the NCR sender.
     *
     * @throws IOException when the sender address cannot be bound
     */
    public static DhcpDdnsCallouts open(InetSocketAddress sender, InetSocketAddress server, int maxQueueSize)
            throws IOException {
        return new DhcpDdnsCallouts(new NcrSink(sender, server, maxQueueSize, NcrJson.Style.KEA_1));
    }

    /** Registers the callouts at the DHCPv4 and DHCPv6 hook points. */
    public void register(LibraryHandle handle) {
        Dhcp4DdnsCallouts v4 = new Dhcp4DdnsCallouts(sink);
        handle.registerCallout(Dhcp4Hooks.PKT4_RECEIVE, "ddns-check-fqdn", v4::pkt4Receive);
        handle.registerCallout(Dhcp4Hooks.LEASE4_SELECT, "ddns-name-lease", v4::lease4Select);
        handle.registerCallout(Dhcp4Hooks.LEASE4_RENEW, "ddns-name-lease", v4::lease4Renew);
        handle.registerCallout(Dhcp4Hooks.PKT4_SEND, "ddns-answer-and-update", v4::pkt4Send);
        handle.registerCallout(Dhcp4Hooks.LEASE4_RELEASE, "ddns-remove-released", v4::lease4Release);
        handle.registerCallout(Dhcp4Hooks.LEASE4_EXPIRE, "ddns-remove-reclaimed", v4::lease4Expire);
        Dhcp6DdnsCallouts v6 = new Dhcp6DdnsCallouts(sink);
        handle.registerCallout(Dhcp6Hooks.PKT6_RECEIVE, "ddns-check-fqdn", v6::pkt6Receive);
        handle.registerCallout(Dhcp6Hooks.LEASE6_SELECT, "ddns-name-lease", v6::lease6Select);
        handle.registerCallout(Dhcp6Hooks.LEASE6_RENEW, "ddns-name-lease", v6::lease6Extend);
        handle.registerCallout(Dhcp6Hooks.LEASE6_REBIND, "ddns-name-lease", v6::lease6Extend);
        handle.registerCallout(Dhcp6Hooks.PKT6_SEND, "ddns-answer-and-update", v6::pkt6Send);
        handle.registerCallout(Dhcp6Hooks.LEASE6_RELEASE, "ddns-remove-released", v6::lease6Release);
        handle.registerCallout(Dhcp6Hooks.LEASE6_EXPIRE, "ddns-remove-reclaimed", v6::lease6Expire);
    }

    @Override
    public void close() {
        sink.close();
    }
}
