package org.kea4j.core.internal.control.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.kea4j.config.TlsSetup;

/** Builds the server side of TLS from Kea's elements, with the JDK's TLS (no native library). */
final class TlsContexts {

    private TlsContexts() {
    }

    /** The server context: its certificate and key, the trust anchor for clients, client certificates asked for. */
    static SslContext server(TlsSetup setup) throws IOException {
        List<X509Certificate> anchors = setup.anchors();
        if (anchors.isEmpty()) {
            throw new IOException("no certificate in trust-anchor " + setup.trustAnchor());
        }
        try {
            return SslContextBuilder.forServer(setup.certFile().toFile(), setup.keyFile().toFile())
                    .sslProvider(SslProvider.JDK)
                    .trustManager(anchors.toArray(new X509Certificate[0]))
                    .clientAuth(setup.certRequired() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("bad TLS config: " + e.getMessage() + " (cert-file " + setup.certFile()
                    + ", key-file " + setup.keyFile() + ": PEM, the key in PKCS#8)", e);
        }
    }
}
