package org.kea4j.dhcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void oneEventPassesPerInterval() throws InterruptedException {
        RateLimit limit = new RateLimit(200);
        int passed = 0;
        for (int i = 0; i < 10_000; i++) {
            passed += limit.allow() ? 1 : 0;
        }
        assertEquals(1, passed, "a burst lets one through");
        Thread.sleep(250);
        assertTrue(limit.allow(), "the next interval lets one through again");
    }
}
