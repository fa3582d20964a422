package org.kea4j.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** {@code ctl}'s HTTP door: one POST of Kea's request to a control channel's URL, as kea-shell sends it. */
final class HttpCtl {

    private static final int TIMEOUT_MILLIS = 30_000;

    private HttpCtl() {
    }

    /** Posts the request; the answer's body, or an error naming the HTTP status. */
    static String send(String url, String request) throws IOException {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        String ca = System.getenv("KEA4J_CA");
        if (connection instanceof HttpsURLConnection https && ca != null && !ca.isBlank()) {
            https.setSSLSocketFactory(trusting(Path.of(ca)).getSocketFactory());
        }
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        String auth = System.getenv("KEA4J_AUTH");
        if (auth != null && !auth.isBlank()) {
            connection.setRequestProperty("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(request.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream();
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (status != 200) {
            throw new HttpStatusException("HTTP " + status + ": " + text.strip());
        }
        return text;
    }

    /** The channel answered, with an HTTP error (401, 400). */
    static final class HttpStatusException extends IOException {
        HttpStatusException(String message) {
            super(message);
        }
    }

    /** TLS trusting the certificates of a PEM file. */
    private static SSLContext trusting(Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, cert);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + caFile + " as a CA file: " + e.getMessage(), e);
        }
    }
}
