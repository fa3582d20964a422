package org.kea4j.ddns.d2;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.WireParseException;

/** Sends one DNS UPDATE to one server and waits for its answer. */
public interface DnsClient {

    /**
     * The server's answer.
     *
     * @throws SocketTimeoutException when no answer came in time
     * @throws WireParseException     when the answer is corrupt or its TSIG does not verify
     * @throws IOException            when it cannot be sent
     */
    Message exchange(Message update, DnsServerConfig server, Duration timeout) throws IOException;

    /** UDP with dnsjava's resolver, signed with the server's key when it has one. */
    DnsClient UDP = (update, server, timeout) -> {
        SimpleResolver resolver = new SimpleResolver(server.socketAddress());
        resolver.setTimeout(timeout);
        resolver.setIgnoreTruncation(true);
        if (server.key() != null) {
            resolver.setTSIGKey(server.key().signer());
        }
        Message response;
        try {
            response = resolver.send(update);
        } catch (SocketTimeoutException | WireParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // dnsjava's reading of a corrupt answer can fail so (a truncated answer's missing TSIG): still corrupt
            throw new WireParseException("corrupt answer: " + e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
                throw new SocketTimeoutException(e.getMessage());
            }
            throw e;
        }
        if (server.key() != null && !response.isVerified()) {
            throw new WireParseException("the answer's TSIG does not verify (rcode "
                    + org.xbill.DNS.Rcode.string(response.getRcode()) + ")");
        }
        return response;
    };
}
