package org.kea4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void secretsAreHiddenWhereverTheyAre() throws Exception {
        String config = "{\"Dhcp4\": {\"lease-database\": {\"type\": \"mysql\", \"password\": \"s3cret\"},"
                + " \"hooks-libraries\": [{\"library\": \"x\", \"parameters\": {\"api-secret\": \"k3y\", \"n\": 5}}],"
                + " \"DhcpDdns\": {\"tsig-keys\": [{\"name\": \"k\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\"}]}}}";
        String hidden = Secrets.hidden(JSON.readTree(config)).toString();
        assertFalse(hidden.contains("s3cret") || hidden.contains("k3y") || hidden.contains("LSWX"), hidden);
        assertEquals(3, hidden.split("\\*\\*\\*\\*\\*", -1).length - 1, hidden);
        assertEquals(hidden, JSON.readTree(Secrets.hidden(config)).toString(), "text and tree alike");
        assertEquals("{\"password\" : \"*****\", \"user\": \"kea\"}",
                Secrets.hidden("{\"password\" : \"a \\\"quoted\\\" one\", \"user\": \"kea\"}"));
    }
}
