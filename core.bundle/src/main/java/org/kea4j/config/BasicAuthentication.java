package org.kea4j.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kea's {@code authentication} of type {@code basic}: the clients allowed, each a user and a password, and the
 * realm the refusal names. Passwords live only here: {@link #toString()} never shows them.
 */
public final class BasicAuthentication {

    /** Kea 2.2's default realm. */
    public static final String DEFAULT_REALM = "kea-control-agent";

    private final String realm;
    private final List<Client> clients;

    /** One allowed client. */
    public record Client(String user, String password) {
        public Client {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        byte[] credentials() {
            return (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Client[user=" + user + "]";
        }
    }

    public BasicAuthentication(String realm, List<Client> clients) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.clients = List.copyOf(clients);
    }

    public String realm() {
        return realm;
    }

    /** The outcome of checking a request's {@code Authorization} header. */
    public sealed interface Outcome {
        /** The header named an allowed client. */
        record Authorized(String user) implements Outcome {
        }

        /** No header. */
        record Missing() implements Outcome {
        }

        /** A header that is not {@code Basic BASE64}. */
        record Malformed(String reason) implements Outcome {
        }

        /** Well formed, but no client matches. */
        record NotMatching() implements Outcome {
        }
    }

    /** Checks an {@code Authorization} header value (null when the request had none). */
    public Outcome check(String header) {
        if (header == null || header.isBlank()) {
            return new Outcome.Missing();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("basic")) {
            return new Outcome.Malformed("not a basic authentication header");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return new Outcome.Malformed("the credentials are not base64");
        }
        Optional<Client> match = Optional.empty();
        for (Client client : clients) {
            // every client is compared, in constant time each: the answer's timing tells nothing
            if (MessageDigest.isEqual(client.credentials(), given) && match.isEmpty()) {
                match = Optional.of(client);
            }
        }
        return match.<Outcome>map(c -> new Outcome.Authorized(c.user())).orElseGet(Outcome.NotMatching::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicAuthentication other && realm.equals(other.realm) && clients.equals(other.clients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realm, clients);
    }

    @Override
    public String toString() {
        return "BasicAuthentication[realm=" + realm + ", users=" + clients.stream().map(Client::user).toList() + "]";
    }
}
