package org.kea4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Kea's TLS elements of an HTTP control listener: the CA certificates that sign clients' certificates
 * ({@code trust-anchor}, a PEM file or a directory of them), the server's certificate chain and its key (PEM,
 * PKCS#8), and whether a client must show a certificate ({@code cert-required}, true by default as in Kea).
 */
public record TlsSetup(Path trustAnchor, Path certFile, Path keyFile, boolean certRequired) {

    public TlsSetup {
        Objects.requireNonNull(trustAnchor, "trustAnchor");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The trust anchor's certificates: of its file, or of every file of its directory (other files skipped). */
    public List<X509Certificate> anchors() throws IOException {
        if (!Files.isDirectory(trustAnchor)) {
            return certificates(trustAnchor);
        }
        List<X509Certificate> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(trustAnchor)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    out.addAll(certificates(file));
                } catch (IOException e) {
                    // a CA directory may hold other files (hash links, CRLs): they are not anchors
                }
            }
        }
        return out;
    }

    /** The certificates of a PEM file. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) cert);
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException("cannot read certificates of " + file + ": " + e.getMessage(), e);
        }
    }
}
