package org.kea4j.ddns.internal;

import static org.kea4j.ddns.internal.ServerDdnsMessages.DHCPSRV_DHCP_DDNS_SENDER_STARTED;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.kea4j.ddns.server.DhcpDdnsCallouts;
import org.kea4j.hooks.HookLibrary;
import org.kea4j.hooks.LibraryHandle;
import org.kea4j.log.KeaLogger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The DHCP servers' DDNS side as a hooks library: the servers load it (by its bundle's symbolic name) when their
 * {@code dhcp-ddns} element says {@code enable-updates: true}, with that element as its parameters. It opens the
 * NCR sender to D2 and registers its callouts; a wrong parameter refuses the configuration with the reason.
 */
@Component(service = HookLibrary.class, scope = ServiceScope.PROTOTYPE)
public final class DdnsHookLibrary implements HookLibrary {

    private static final KeaLogger LOG = KeaLogger.forSubsystem("ddns");
    private static final Set<String> KEYS = Set.of("enable-updates", "server-ip", "server-port", "sender-ip",
            "sender-port", "max-queue-size", "ncr-protocol", "ncr-format", "qualifying-suffix", "override-no-update",
            "override-client-update", "replace-client-name", "generated-prefix", "always-include-fqdn",
            "hostname-char-set", "hostname-char-replacement", "user-context", "comment");

    private DhcpDdnsCallouts callouts;

    @Override
    public int version() {
        return FRAMEWORK_VERSION;
    }

    @Override
    public int load(LibraryHandle handle) throws IOException {
        for (String key : handle.getParameters().keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("dhcp-ddns: unknown keyword '" + key + "'");
            }
        }
        InetAddress serverIp = address(handle, "server-ip", "127.0.0.1");
        int serverPort = port(handle, "server-port", 53001);
        InetAddress senderIp = address(handle, "sender-ip", serverIp instanceof java.net.Inet6Address ? "::"
                : "0.0.0.0");
        int senderPort = port(handle, "sender-port", 0);
        if (serverIp.getClass() != senderIp.getClass()) {
            throw new IllegalArgumentException("dhcp-ddns: sender-ip " + senderIp.getHostAddress()
                    + " and server-ip " + serverIp.getHostAddress() + " are not of the same family");
        }
        if (serverIp.equals(senderIp) && serverPort == senderPort) {
            throw new IllegalArgumentException("dhcp-ddns: sender and server are the same address and port");
        }
        Object queue = handle.getParameter("max-queue-size");
        int maxQueueSize = queue == null ? 1024 : integer(queue, "max-queue-size", 1, Integer.MAX_VALUE);
        Object protocol = handle.getParameter("ncr-protocol");
        if (protocol != null && !"UDP".equals(String.valueOf(protocol).toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("dhcp-ddns: ncr-protocol " + protocol + " is not supported: use UDP");
        }
        Object format = handle.getParameter("ncr-format");
        if (format != null && !"JSON".equals(String.valueOf(format).toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("dhcp-ddns: ncr-format " + format + " is not supported: use JSON");
        }
        InetSocketAddress server = new InetSocketAddress(serverIp, serverPort);
        callouts = DhcpDdnsCallouts.open(new InetSocketAddress(senderIp, senderPort), server, maxQueueSize);
        callouts.register(handle);
        LOG.log(DHCPSRV_DHCP_DDNS_SENDER_STARTED, "UDP " + senderIp.getHostAddress() + " port " + senderPort
                + " -> " + server);
        return 0;
    }

    @Override
    public int unload() {
        if (callouts != null) {
            callouts.close();
        }
        return 0;
    }

    private static InetAddress address(LibraryHandle handle, String key, String defaultText)
            throws UnknownHostException {
        Object value = handle.getParameter(key);
        String text = value == null ? defaultText : String.valueOf(value);
        if (!(value == null || value instanceof String) || !text.contains(":")
                && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("dhcp-ddns: " + key + " must be an IP address, not " + value);
        }
        return InetAddress.getByName(text);
    }

    private static int port(LibraryHandle handle, String key, int defaultPort) {
        Object value = handle.getParameter(key);
        return value == null ? defaultPort : integer(value, key, 0, 65535);
    }

    private static int integer(Object value, String key, int min, int max) {
        if (!(value instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() < min
                || n.longValue() > max) {
            throw new IllegalArgumentException("dhcp-ddns: " + key + " must be an integer from " + min + " to " + max
                    + ", not " + value);
        }
        return n.intValue();
    }
}
